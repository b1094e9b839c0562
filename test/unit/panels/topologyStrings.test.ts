import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TOPOLOGY_ORDER, parseTopologyHostToWebviewMessage } from '../../../src/protocol/topologyProtocol';
import type { TopologyPanelStrings } from '../../../src/protocol/topologyProtocol';
import { topologyPanelStrings } from '../../../src/host/topology/topologyStrings';
import { bundleTranslator, harnessStateMessage } from '../../../test/harness/topologyPage';

const projectRoot = path.resolve(__dirname, '..', '..', '..', '..');

function readBundle(name: string): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(projectRoot, 'l10n', name), 'utf8')) as Record<string, string>;
}

/** Every string of the panel, flattened. */
function allStrings(strings: TopologyPanelStrings): string[] {
  const { topologies, ...rest } = strings;
  return [...Object.values(rest), ...TOPOLOGY_ORDER.flatMap((id) => [topologies[id].name, topologies[id].caption])];
}

describe('topology panel strings', () => {
  it('every English message is in l10n/bundle.l10n.json (regenerate with vscode-l10n-dev export)', () => {
    const english = readBundle('bundle.l10n.json');
    for (const text of allStrings(topologyPanelStrings(bundleTranslator({})))) assert.ok(text in english, `missing: ${text}`);
  });

  it('every message has a Spanish translation that uses the course glossary', () => {
    const spanish = readBundle('bundle.l10n.es.json');
    const english = allStrings(topologyPanelStrings(bundleTranslator({})));
    const translated = topologyPanelStrings(bundleTranslator(spanish));
    allStrings(translated).forEach((text, index) => assert.notStrictEqual(text, english[index], `untranslated: ${text}`));
    assert.deepStrictEqual(
      TOPOLOGY_ORDER.map((id) => translated.topologies[id].name),
      ['Uno a uno', 'Uno a muchos', 'Muchos a uno', 'Muchos a muchos, codificador–decodificador', 'Muchos a muchos sincronizado'],
    );
    const captions = TOPOLOGY_ORDER.map((id) => translated.topologies[id].caption).join(' ');
    for (const term of ['descripción de imágenes', 'OCR', 'análisis de sentimiento', 'traducción automática', 'clasificación de video']) {
      assert.ok(captions.includes(term), `glossary term missing: ${term}`);
    }
    assert.strictEqual(translated.timeAxis, 'paso de tiempo t');
    assert.ok(translated.legendHidden.startsWith('estado oculto'));
  });

  it('the state message the host sends passes the webview-side validator', () => {
    const message = harnessStateMessage(bundleTranslator(readBundle('bundle.l10n.es.json')), { topology: 'many-to-one', inputLength: 30, outputLength: 1 });
    assert.deepStrictEqual(parseTopologyHostToWebviewMessage(message), { ok: true, value: message });
  });
});
