// A saved run's data source back to a file: plain paths, "<file> (selection, lines a–b)" in any language, the newest
// run folder by its ISO-timestamp name, and missing files as undefined.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { newestRunSource, resolveSavedRunSource, sliceLines } from '../../../src/host/compareRemedies/savedRunSource';

describe('compare remedies: saved run data source', () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-saved-'));
    fs.writeFileSync(path.join(root, 'data.csv'), 'a\nb\nc\nd\n');
    for (const [name, source] of [['2026-11-27T20-00-00-000Z-old', 'old.csv'], ['2026-11-27T21-00-00-000Z-new', 'data.csv (selección, líneas 2–3)']] as const) {
      fs.mkdirSync(path.join(root, 'runs', name), { recursive: true });
      fs.writeFileSync(path.join(root, 'runs', name, 'run.json'), JSON.stringify({ data: { source } }));
    }
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('resolves a plain relative path and a selection with its line range', () => {
    assert.deepEqual(resolveSavedRunSource('data.csv', ['/nowhere', root]), { file: path.join(root, 'data.csv') });
    assert.deepEqual(resolveSavedRunSource('data.csv (selection, lines 2–3)', [root]), { file: path.join(root, 'data.csv'), lines: { first: 2, last: 3 } });
    assert.equal(resolveSavedRunSource('missing.csv', [root]), undefined);
  });

  it('slices 1-based inclusive lines', () => {
    assert.equal(sliceLines('a\r\nb\nc\nd', { first: 2, last: 3 }), 'b\nc');
  });

  it('finds the newest run by folder name', () => {
    assert.deepEqual(newestRunSource([path.join(root, 'runs'), path.join(root, 'absent')]), {
      source: 'data.csv (selección, líneas 2–3)',
      runFolder: path.join(root, 'runs', '2026-11-27T21-00-00-000Z-new'),
    });
    assert.equal(newestRunSource([path.join(root, 'absent')]), undefined);
  });
});
