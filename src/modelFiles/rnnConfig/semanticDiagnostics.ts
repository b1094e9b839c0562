// Combinations a JSON Schema cannot judge, each with the lecture's reason and the exact range to underline.
// The engine cannot touch the file system, so whether `data.path` exists is asked through `pathExists`
// (the host resolves the path against the config's folder).
import type { JsonNode } from '../json/locatedJson';
import { findProperty, nodeAtPath, type JsonPath } from '../json/jsonNavigation';
import type { LineIndex } from '../json/sourcePositions';
import { DiagnosticSink } from './checkConfigFields';
import type { ConfigDiagnostic, ConfigDiagnosticSeverity } from './configDiagnostic';
import type { RnnConfig } from './rnnConfig';

export interface SemanticCheckOptions {
  /** True when the data file exists; absent → the data path is not checked. */
  readonly pathExists?: (path: string) => boolean;
}

export function semanticDiagnostics(
  root: JsonNode,
  lines: LineIndex,
  config: RnnConfig,
  options: SemanticCheckOptions = {},
): ConfigDiagnostic[] {
  const sink = new DiagnosticSink(lines);
  const report = (severity: ConfigDiagnosticSeverity, code: string, path: JsonPath, message: string, at: 'value' | 'key' = 'value'): void => {
    const target = locate(root, path, at);
    if (target !== undefined) sink.add(severity, code, path, target, message, 'semantic');
  };
  const has = (path: JsonPath): boolean => nodeAtPath(root, path) !== undefined;

  checkTopologyLengths(config, has, report);
  checkRemedies(config, has, report);
  checkEsn(config, has, report);
  checkData(config, options, has, report);
  if (config.loss === 'xent' && config.outputSize === 1 && has(['loss'])) {
    report('warning', 'xent-single-class', ['loss'], 'cross-entropy over outputSize 1 class is always 0 (softmax of one logit is 1): set outputSize to the number of classes, or use "mse"');
  }
  return sink.diagnostics;
}

type Report = (severity: ConfigDiagnosticSeverity, code: string, path: JsonPath, message: string, at?: 'value' | 'key') => void;
type Has = (path: JsonPath) => boolean;

function checkTopologyLengths(config: RnnConfig, has: Has, report: Report): void {
  const topology = config.topology;
  if (topology === null) return;
  if (topology === 'many-to-many-encoder-decoder' && config.outputLength === null) {
    report('error', 'encoder-decoder-needs-output-length', ['topology'],
      'many-to-many-encoder-decoder needs "outputLength": the decoder generates M steps from the encoder state, and M is not implied by the input length');
  }
  if (topology === 'one-to-many' && config.outputLength === null) {
    report('error', 'one-to-many-needs-output-length', ['topology'],
      'one-to-many needs "outputLength": how many steps to generate from the single input');
  }
  const inputLength = config.inputLength;
  const outputLength = config.outputLength;
  if ((topology === 'one-to-one' || topology === 'one-to-many') && inputLength !== null && inputLength !== 1 && has(['inputLength'])) {
    report('error', 'topology-input-length', ['inputLength'], `${topology} reads one input vector, so inputLength must be 1 (got ${inputLength}); use many-to-one or a many-to-many topology for sequences`);
  }
  if ((topology === 'one-to-one' || topology === 'many-to-one') && outputLength !== null && outputLength !== 1 && has(['outputLength'])) {
    report('error', 'topology-output-length', ['outputLength'], `${topology} gives one output, so outputLength must be 1 (got ${outputLength}); use a many-to-many topology for output sequences`);
  }
  if (topology === 'many-to-many-synced' && inputLength !== null && outputLength !== null && inputLength !== outputLength && has(['outputLength'])) {
    report('error', 'synced-lengths-differ', ['outputLength'], `many-to-many-synced scores one output per input step, so outputLength must equal inputLength (${inputLength}, got ${outputLength}); use many-to-many-encoder-decoder for another length`);
  }
  if (topology !== 'one-to-many' && has(['oneToManyInput'])) {
    report('warning', 'one-to-many-input-ignored', ['oneToManyInput'], `oneToManyInput only applies to one-to-many; it is ignored for ${topology}`, 'key');
  }
  const window = config.data?.window ?? null;
  if (window !== null && inputLength !== null && window !== inputLength && has(['data', 'window'])) {
    report('warning', 'window-differs-from-input-length', ['data', 'window'], `data.window (${window}) differs from inputLength (${inputLength}): each example is cut to data.window steps`);
  }
}

function checkRemedies(config: RnnConfig, has: Has, report: Report): void {
  // Pascanu Alg. 1: if ‖g‖ ≥ τ then g ← τ g/‖g‖ — τ ≤ 0 would rescale every gradient to zero or flip it.
  if (config.clipNorm !== null && config.clipNorm <= 0) {
    report('error', 'clip-norm-not-positive', ['clipNorm'], `clipNorm must be > 0 (got ${config.clipNorm}): gradient clipping rescales g to τ·g/‖g‖ when ‖g‖ ≥ τ; remove the field to turn clipping off`);
  }
  if (config.clipValue !== null && config.clipValue <= 0) {
    report('error', 'clip-value-not-positive', ['clipValue'], `clipValue must be > 0 (got ${config.clipValue}): each gradient element is clipped to [−c, c]; remove the field to turn it off`);
  }
  const tbptt = config.tbptt;
  if (tbptt !== null && tbptt.k2 < tbptt.k1 && has(['tbptt', 'k2'])) {
    report('error', 'tbptt-k2-below-k1', ['tbptt', 'k2'], `tbptt.k2 (${tbptt.k2}) must be ≥ k1 (${tbptt.k1}): every k1 forward steps, truncated BPTT backpropagates k2 ≥ k1 steps (Williams & Peng 1990), otherwise some steps never receive a gradient`);
  }
  const inputLength = config.inputLength ?? config.data?.window ?? null;
  if (tbptt !== null && inputLength !== null && tbptt.k1 > inputLength && has(['tbptt', 'k1'])) {
    report('warning', 'tbptt-longer-than-sequence', ['tbptt', 'k1'], `tbptt.k1 (${tbptt.k1}) is longer than the sequence (${inputLength} steps): truncation never happens, this is full BPTT`);
  }
  if (config.init === 'identity' && config.cell === 'rnn' && config.nonlinearity !== 'relu' && has(['init'])) {
    report('warning', 'identity-init-without-relu', ['init'],
      `identity initialisation is the IRNN recipe for ReLU (Le, Jaitly & Hinton 2015); with ${config.nonlinearity} the hidden state saturates ` +
        `(σ' < 1 away from 0${config.nonlinearity === 'sigmoid' ? ', ≤ ¼ for sigmoid' : ''}), so W_hh = λI does not keep gradients alive: use "nonlinearity": "relu" or "orthogonal"`);
  }
  if (config.init === 'identity' && config.spectralRadius !== null && has(['spectralRadius'])) {
    report('warning', 'identity-with-spectral-radius', ['spectralRadius'], `spectralRadius rescales W_hh = λI to ρ = ${config.spectralRadius}, overriding identityScale (${config.identityScale}); set only one of them`, 'key');
  }
  if (config.init !== 'identity' && has(['identityScale'])) {
    report('warning', 'identity-scale-ignored', ['identityScale'], `identityScale only applies with "init": "identity"; it is ignored with ${config.init}`, 'key');
  }
}

function checkEsn(config: RnnConfig, has: Has, report: Report): void {
  if (config.cell === 'esn') {
    if (has(['tbptt'])) {
      report('error', 'esn-with-tbptt', ['tbptt'],
        'an echo state network does not backpropagate through time: its reservoir is fixed and only the ridge readout is fitted, so there is nothing for truncated BPTT to truncate; remove "tbptt"', 'key');
    }
    for (const field of ['clipNorm', 'clipValue', 'omega']) {
      if (has([field])) report('warning', 'esn-gradient-remedy-ignored', [field], `${field} acts on gradients, and an echo state network trains its readout in closed form (ridge regression): ${field} is ignored`, 'key');
    }
    if (config.esn.spectralRadius >= 1 && has(['esn', 'spectralRadius'])) {
      report('information', 'esn-spectral-radius-above-one', ['esn', 'spectralRadius'], `ρ = ${config.esn.spectralRadius} ≥ 1: the echo-state property (fading memory of the input) is likely lost; ρ < 1 is the usual rule of thumb`);
    }
  } else if (has(['esn'])) {
    report('warning', 'esn-settings-ignored', ['esn'], `"esn" settings only apply with "cell": "esn"; this config uses ${config.cell}`, 'key');
  }
}

function checkData(config: RnnConfig, options: SemanticCheckOptions, has: Has, report: Report): void {
  const data = config.data;
  if (data === null || options.pathExists === undefined || !has(['data', 'path'])) return;
  if (!options.pathExists(data.path)) {
    report('error', 'data-path-missing', ['data', 'path'], `data file "${data.path}" does not exist (paths are relative to the config's folder)`);
  }
}

/** The value node at `path`, or its key when `at` is 'key' (for "remove this field" messages). */
function locate(root: JsonNode, path: JsonPath, at: 'value' | 'key'): { offset: number; length: number } | undefined {
  if (at === 'key') {
    const parent = nodeAtPath(root, path.slice(0, -1));
    const last = path[path.length - 1];
    const property = typeof last === 'string' ? findProperty(parent, last) : undefined;
    if (property !== undefined) return { offset: property.keyOffset, length: property.keyLength };
  }
  return nodeAtPath(root, path);
}
