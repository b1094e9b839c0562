// The course is taught in Spanish: the lens texts through the Spanish bundle use the glossary's terms.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { recognizeTopology } from '../../../src/modelFiles/recognizeTopology';
import { remedyLensTexts } from '../../../src/host/modelFiles/remedyLensText';
import { topologyLensContent } from '../../../src/host/modelFiles/topologyLensText';
import { configFrom } from './configText';
import type { Translator } from '../../../src/host/platform/translator';

const root = path.resolve(__dirname, '../../../..');
const bundle = JSON.parse(fs.readFileSync(path.join(root, 'l10n/bundle.l10n.es.json'), 'utf8')) as Record<string, string>;
const spanish = {
  t: (message: string, ...args: unknown[]): string => {
    const translated = bundle[message];
    assert.ok(translated !== undefined, `no Spanish entry for "${message}"`);
    return translated.replace(/\{(\d+)\}/g, (_match, index: string) => String(args[Number(index)]));
  },
} as unknown as Translator;

describe('lenses in Spanish', () => {
  it('names the many-to-one sample with the glossary terms', () => {
    const text = fs.readFileSync(path.join(root, 'samples/configs/many-to-one.rnn.json'), 'utf8');
    const lens = topologyLensContent(recognizeTopology(text, { fileName: 'many-to-one.rnn.json' }), spanish);
    assert.equal(lens?.title, '⟲ muchos a uno · análisis de sentimiento (secuencia de entrada → una salida)');
  });

  it('translates every remedy lens', () => {
    const fields = { topology: 'many-to-one', inputLength: 20, outputLength: 1, cell: 'rnn', clipNorm: 1, clipValue: 5, tbptt: { k1: 5 }, l2: 0.01, omega: 2, init: 'identity', spectralRadius: 0.9 };
    const lenses = remedyLensTexts(configFrom(fields), new Set(Object.keys(fields)), { kind: 'pending' }, spanish);
    const byField = Object.fromEntries(lenses.map((lens) => [lens.field, lens.title]));
    assert.equal(byField['clipNorm'], 'explosión del gradiente: recorte del gradiente por norma · ‖g‖ ≥ 1 → g ← 1·g/‖g‖');
    assert.equal(byField['init'], 'desvanecimiento del gradiente: inicialización de pesos (identidad, W_hh = 1·I) · λ₁γ al inicializar: calculando…');
    assert.equal(lenses.length, 8);
  });
});
