// report.html is one self-contained file: no http(s) URL anywhere, the data as JSON that parses back to the input,
// the page script (Chart.js included) inline, and no way for the data to close the <script> element early.
import * as assert from 'node:assert/strict';
import { renderReportHtml, REPORT_DATA_ELEMENT_ID, scriptSafeJson, scriptSafeSource } from '../../../src/cli/report/reportHtml';
import type { ReportData } from '../../../src/cli/report/reportModel';
import { reportPageScript } from './reportPageBundle';

const HOSTILE = '</script><script>alert("x")</script><!--';

const DATA: ReportData = {
  title: 'T & <b>',
  subtitle: 'sub',
  sections: [
    {
      heading: 'H',
      text: HOSTILE,
      table: { header: ['task', 'model'], rows: [['adding', HOSTILE]] },
      charts: [{ id: 'c', title: 'decay', caption: 'cap', xLabel: 'lag', yLabel: 'norm', yScale: 'log', yMax: 10, datasets: [{ label: 'RNN', points: [{ x: 0, y: 0.5 }, { x: 1, y: null }], color: 0 }] }],
    },
  ],
  footer: 'f',
};

function dataElementText(html: string): string {
  const open = `<script type="application/json" id="${REPORT_DATA_ELEMENT_ID}">`;
  const start = html.indexOf(open);
  assert.ok(start >= 0, 'the data element is present');
  const end = html.indexOf('</script>', start);
  return html.slice(start + open.length, end);
}

describe('report.html writer', function () {
  this.timeout(30_000);

  it('is self-contained: the Chart.js page script is inline and nothing is loaded from the network', () => {
    const script = reportPageScript();
    const html = renderReportHtml(DATA, script);
    assert.doesNotMatch(html, /https?:\/\//i, 'no http(s) URL');
    assert.doesNotMatch(html, /<script[^>]+src=|<link[\s>]|<img|<iframe/i, 'no external script, stylesheet, image or frame');
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    assert.ok(style.length > 0);
    assert.doesNotMatch(style, /url\(|@import/i, 'the stylesheet loads nothing');
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/, 'and the page forbids loading anything');
    assert.ok(script.length > 100_000, `the page bundle carries Chart.js (${script.length} bytes)`);
    assert.ok(html.includes(scriptSafeSource(script)), 'the page script is inlined');
    assert.match(script, /logarithmic/, 'the log scale is registered');
    assert.match(html, /<title>T &amp; &lt;b&gt;<\/title>/);
  });

  it('embeds the data as JSON that parses back to the input, with every "<" escaped', () => {
    const html = renderReportHtml(DATA, 'void 0;');
    const text = dataElementText(html);
    assert.ok(!text.includes('<'), 'no "<" inside the data element');
    assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(DATA)));
    // the hostile strings did not open or close any element: exactly two <script> elements
    assert.equal(html.match(/<script/g)?.length, 2);
    assert.equal(html.match(/<\/script>/g)?.length, 2);
  });

  it('escapes </script inside the page source and U+2028/2029 in the data', () => {
    assert.equal(scriptSafeSource('var s = "</script>"; var t = "</SCRIPT >";'), 'var s = "<\\/script>"; var t = "<\\/SCRIPT >";');
    assert.equal(scriptSafeJson({ a: '\u2028</x>' }), '{"a":"\\u2028\\u003c/x>"}');
    assert.deepEqual(JSON.parse(scriptSafeJson({ a: '\u2028</x>' })), { a: '\u2028</x>' });
  });
});
