// Remedy lens texts: the lecture problem each field addresses and its effect, with the numbers of the config.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { initialSpectrum } from '../../../src/modelFiles/rnnConfig/initialSpectrum';
import { analyzeModelDocument } from '../../../src/modelFiles/modelDocumentAnalysis';
import { formatLambdaGamma, remedyLensTexts, spectrumEffect, type SpectrumState } from '../../../src/host/modelFiles/remedyLensText';
import { configFrom } from './configText';
import { english } from './englishTranslator';

const pending: SpectrumState = { kind: 'pending' };

function titles(fields: Record<string, unknown>, spectrum: SpectrumState = pending): Record<string, string> {
  const config = configFrom(fields);
  const lenses = remedyLensTexts(config, new Set(Object.keys(fields)), spectrum, english);
  return Object.fromEntries(lenses.map((lens) => [lens.field, lens.title]));
}

describe('remedy lens text', () => {
  it('names the exploding-gradient remedies with their thresholds', () => {
    const lens = titles({ topology: 'many-to-one', inputLength: 50, outputLength: 1, clipNorm: 1, clipValue: 5, tbptt: { k1: 10, k2: 20 }, l2: 0.001 });
    assert.equal(lens['clipNorm'], 'exploding gradient: gradient clipping by norm · ‖g‖ ≥ 1 → g ← 1·g/‖g‖');
    assert.equal(lens['clipValue'], 'exploding gradient: gradient clipping by value · each component clipped to [−5, 5]');
    assert.equal(lens['tbptt'], 'exploding gradient: truncated BPTT · every 10 steps, backpropagate 20');
    assert.equal(lens['l2'], 'exploding gradient: L2 penalty λ‖θ‖²/2 · λ = 0.001');
  });

  it('says when truncation never happens', () => {
    const lens = titles({ topology: 'many-to-one', inputLength: 8, outputLength: 1, tbptt: { k1: 10 } });
    assert.equal(lens['tbptt'], 'exploding gradient: truncated BPTT · k1 = 10 ≥ 8 steps: full BPTT');
  });

  it('shows λ₁γ at init on init, spectralRadius and a plain-RNN cell: "λ₁γ = 1.31 at init → exploding possible"', () => {
    const fields = { topology: 'many-to-one', inputLength: 20, outputLength: 1, cell: 'rnn', nonlinearity: 'relu', init: 'identity', identityScale: 1.31, hiddenSize: 8 };
    const spectrum = initialSpectrum(configFrom(fields));
    const lens = titles(fields, spectrum);
    assert.equal(lens['init'], 'vanishing gradient: weight initialisation (identity, W_hh = 1.31·I) · λ₁γ = 1.31 at init → exploding possible');
    assert.equal(lens['cell'], 'plain RNN, no remedy in the cell: ∂X_t/∂X_k = Π W_recᵀ diag(σ′) · λ₁γ = 1.31 at init → exploding possible');
  });

  it('names the gate for gated cells, and the gating path in the cell lens', () => {
    const fields = { topology: 'many-to-one', inputLength: 20, outputLength: 1, cell: 'lstm', init: 'orthogonal', hiddenSize: 8 };
    const lens = titles(fields, initialSpectrum(configFrom(fields)));
    assert.equal(lens['cell'], 'vanishing gradient: LSTM · cell path ∂c_t/∂c_(t−1) = diag(f_t)');
    assert.match(lens['init'] as string, /^vanishing gradient: weight initialisation \(orthogonal, W_hh = Q\) · λ₁γ = 1\.00 at init \(gate g\) → critical \(λ₁γ = 1\)$/);
  });

  it('shows "measuring…" before λ₁ is known and the hidden size when it is too large to measure', () => {
    assert.equal(spectrumEffect(pending, english), 'λ₁γ at init: measuring…');
    assert.equal(spectrumEffect({ kind: 'skipped', reason: 'too-large', hiddenSize: 512, blocks: 4 }, english), 'λ₁γ at init not measured in the editor (H = 512)');
    assert.equal(spectrumEffect({ kind: 'skipped', reason: 'echo-state-network' }, english), null);
  });

  it('marks gradient remedies as ignored by an echo state network and shows its reservoir radius', () => {
    const lens = titles({ cell: 'esn', topology: 'many-to-many-synced', inputLength: 10, clipNorm: 1, esn: { spectralRadius: 0.9 } });
    assert.equal(lens['cell'], 'vanishing gradient: echo state network · fixed reservoir ρ = 0.9, no BPTT');
    assert.equal(lens['clipNorm'], 'exploding gradient: gradient clipping by norm · ignored by an echo state network (no BPTT)');
    assert.equal(lens['init'], undefined);
  });

  it('puts a lens only on fields written in the file', () => {
    assert.deepEqual(Object.keys(titles({ topology: 'many-to-one', inputLength: 5, outputLength: 1, clipNorm: 2 })), ['clipNorm']);
  });

  it('formats λ₁γ with two decimals and tiny values with two significant digits', () => {
    assert.equal(formatLambdaGamma(1.3149), '1.31');
    assert.equal(formatLambdaGamma(0.25), '0.25');
    assert.equal(formatLambdaGamma(0.0012345), '0.0012');
  });

  it('locates every remedy key of a sample config for the lens position', () => {
    const file = path.resolve(__dirname, '../../../../samples/configs/many-to-many-encoder-decoder.rnn.json');
    const text = fs.readFileSync(file, 'utf8');
    const analysis = analyzeModelDocument(text, 'many-to-many-encoder-decoder.rnn.json');
    assert.ok(analysis.rnnConfig);
    const lines = text.split('\n');
    for (const field of ['clipNorm', 'tbptt', 'cell']) {
      const position = analysis.rnnConfig.keyPositions.get(field);
      assert.ok(position, field);
      assert.equal(lines[position.line]?.slice(position.character, position.character + field.length + 2), `"${field}"`);
    }
  });
});
