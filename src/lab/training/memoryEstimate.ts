// How much memory a training run will hold, estimated before the model is allocated, so that a model too large for
// the machine is refused with the numbers instead of ending in an out-of-memory crash (`rnn-lab train --hidden 2048
// --layers 4 --cell lstm` reached 5.3 GB). Every term is counted from what the engine allocates (8-byte doubles):
//
//  parameters P (engine/parameterLayout.ts) × copies: the weights, their gradients, the optimiser's state (Adam: m
//    and v; momentum: v; SGD: none), the last-good copy the divergence restore keeps (remedies/divergence.ts), the
//    two copies the time loop's kernels read (W and Wᵀ as packed arrays, kernels/weightCopies.ts) and the initial
//    parameters kept for initial-model.json (trainingRun.ts);
//  BPTT caches of ONE sequence: per layer and step h_t and ∂J/∂h_t (2H), the gate pre-activations and their
//    gradients (3·gates·H: gates = 1 RNN, 4 LSTM, 3 GRU), the LSTM's c_t and tanh(c_t) (2H), over T steps (and the
//    decoder's M steps for an encoder–decoder). The engine runs a batch's sequences one after another through the same
//    caches, so the batch size does not multiply them;
//  the model files' text (modelFiles/modelJson.ts), built when training ends: about 136 bytes of JavaScript heap per
//    parameter while one is assembled (measured, Node 20: heap 54 → 299 MB writing the 1.8 M parameters of an LSTM
//    256 × 4 layers; peak RSS 1360 MB for LSTM 512 × 4 layers, T = 5, where the other terms give 402 MB), plus the
//    finished text of the other one (model.json and initial-model.json), about 22 characters per parameter (measured
//    21.3–21.7 for RNN, GRU and LSTM), counted as 24 bytes;
//  diagnostics: the spectral routines' H×H work matrices (about 4 per gate block at a time) and, when the Jacobian
//    products ‖∂h_t/∂h_k‖ are measured (rnn-lab train --json), one H×H product per lag (at most 101) per layer.
//
// The prepared data is capped separately by the data part (rnnLab.data.maxSelectionSizeMB).
import { gateCount, parameterLayout } from '../../engine/parameterLayout';
import type { ModelConfig } from '../../engine/modelConfig';
import type { OptimizerKind } from '../../engine/optimizers';

/** The largest estimate a run may have: 1 GiB, well inside Node's default heap limits and a student laptop's memory. */
export const TRAINING_MEMORY_BUDGET_BYTES = 1024 * 1024 * 1024;
const BYTES_PER_DOUBLE = 8;
const MEGABYTE = 1024 * 1024;
/** Lags of the Jacobian products (diagnostics/jacobianProducts.ts: DEFAULT_MAX_JACOBIAN_LAG + 1). */
const MAX_JACOBIAN_PRODUCTS = 101;
/** Heap bytes per parameter while the model file's text is assembled (measured, see the header). */
const MODEL_TEXT_BYTES_PER_PARAMETER = 136;
/** Bytes per parameter of a finished model file's text, held while the other file is assembled (see the header). */
const HELD_MODEL_TEXT_BYTES_PER_PARAMETER = 24;

export interface MemoryEstimate {
  readonly parameters: number;
  /** Copies of every parameter held at once (weights, gradients, optimiser state, last-good copy, kernel copies, initial copy). */
  readonly parameterCopies: number;
  readonly parameterBytes: number;
  readonly cacheBytes: number;
  readonly diagnosticsBytes: number;
  /** The model files' text while they are assembled. */
  readonly modelTextBytes: number;
  readonly totalBytes: number;
}

export function estimateTrainingMemory(config: ModelConfig, optimizer: OptimizerKind, steps: number, jacobianProducts: boolean): MemoryEstimate {
  const parameters = parameterLayout(config).reduce((sum, spec) => sum + spec.shape.reduce((p, d) => p * d, 1), 0);
  const optimizerCopies = optimizer === 'adam' ? 2 : optimizer === 'momentum' ? 1 : 0;
  const parameterCopies = 1 + 1 + optimizerCopies + 1 + 2 + 1;
  const H = config.hiddenSize;
  const L = config.numLayers;
  const gates = gateCount(config.cell);
  const perStep = 2 * H + 3 * gates * H + (config.cell === 'lstm' ? 2 * H : 0);
  const decoderSteps = config.topology === 'many-to-many-encoder-decoder' ? config.outputLength : 0;
  const cacheDoubles = L * (steps + 1 + decoderSteps) * perStep;
  const spectralDoubles = 4 * H * H;
  const jacobianDoubles = jacobianProducts ? L * Math.min(steps, MAX_JACOBIAN_PRODUCTS) * H * H : 0;
  const parameterBytes = parameters * parameterCopies * BYTES_PER_DOUBLE;
  const cacheBytes = cacheDoubles * BYTES_PER_DOUBLE;
  const diagnosticsBytes = (spectralDoubles + jacobianDoubles) * BYTES_PER_DOUBLE;
  const modelTextBytes = parameters * (MODEL_TEXT_BYTES_PER_PARAMETER + HELD_MODEL_TEXT_BYTES_PER_PARAMETER);
  return {
    parameters,
    parameterCopies,
    parameterBytes,
    cacheBytes,
    diagnosticsBytes,
    modelTextBytes,
    totalBytes: parameterBytes + cacheBytes + diagnosticsBytes + modelTextBytes,
  };
}

/** A run whose estimate exceeds the budget: the message has the estimate in MB and the settings to lower. */
export class MemoryBudgetError extends RangeError {
  constructor(readonly estimate: MemoryEstimate) {
    const mb = (bytes: number): string => `${Math.round(bytes / MEGABYTE)} MB`;
    super(
      `the model needs about ${mb(estimate.totalBytes)} of memory, more than the ${mb(TRAINING_MEMORY_BUDGET_BYTES)} budget: ` +
        `${(estimate.parameters / 1e6).toFixed(1)} M parameters × ${estimate.parameterCopies} copies (weights, gradients, optimiser state, last-good copy, kernel copies, initial copy) = ${mb(estimate.parameterBytes)}, ` +
        `BPTT caches of a sequence ${mb(estimate.cacheBytes)}, diagnostics ${mb(estimate.diagnosticsBytes)}, the model files' text ${mb(estimate.modelTextBytes)}. ` +
        'Lower the hidden size (rnnLab.model.hiddenSize, --hidden) or the layers (rnnLab.model.layers, --layers) — the parameters grow with hidden² × layers —, or the window (rnnLab.model.window, --window); the batch size does not change it.',
    );
    this.name = 'MemoryBudgetError';
  }
}

/** Throws a MemoryBudgetError when the estimate exceeds `budget` bytes. */
export function checkTrainingMemory(config: ModelConfig, optimizer: OptimizerKind, steps: number, jacobianProducts: boolean, budget = TRAINING_MEMORY_BUDGET_BYTES): MemoryEstimate {
  const estimate = estimateTrainingMemory(config, optimizer, steps, jacobianProducts);
  if (estimate.totalBytes > budget) throw new MemoryBudgetError(estimate);
  return estimate;
}
