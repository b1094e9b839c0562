// Runs a parsed gradient case (gradCase.ts) through the engine: builds the model from the case's weights, one
// forward + backward pass with the case's initial states, and the output in the case format's nested arrays.
import { computeBatchGradients } from './bptt';
import type { SequenceExample } from './dataset';
import type { GradCase, GradCaseLayer, GradCaseResult } from './gradCaseFormat';
import { RecurrentModel, createZeroParameters, type RecurrentState } from './model';
import type { ModelConfig } from './modelConfig';
import type { ParameterSet } from './tensor';

function flatten(rows: readonly (readonly number[])[]): Float64Array {
  return Float64Array.from(rows.flat());
}

function unflatten(data: Float64Array, rows: number, cols: number): number[][] {
  const result: number[][] = [];
  for (let r = 0; r < rows; r++) result.push(Array.from(data.subarray(r * cols, (r + 1) * cols)));
  return result;
}

function tensorData(set: ParameterSet, name: string): Float64Array {
  const tensor = set.tensors.find((t) => t.name === name);
  if (tensor === undefined) throw new Error(`parameter "${name}" is missing`);
  return tensor.data;
}

/** The model (weights of the case), the sequence and the initial state a case describes. */
export interface GradCaseProblem {
  readonly model: RecurrentModel;
  readonly example: SequenceExample;
  readonly initialState: RecurrentState;
}

export function buildGradCaseProblem(gradCase: GradCase, config: ModelConfig): GradCaseProblem {
  const parameters = createZeroParameters(config);
  gradCase.layers.forEach((layer, l) => {
    tensorData(parameters, `weight_ih_l${l}`).set(flatten(layer.W_ih));
    tensorData(parameters, `weight_hh_l${l}`).set(flatten(layer.W_hh));
    tensorData(parameters, `bias_ih_l${l}`).set(layer.b_ih);
    tensorData(parameters, `bias_hh_l${l}`).set(layer.b_hh);
  });
  tensorData(parameters, 'weight_out').set(flatten(gradCase.W_out));
  tensorData(parameters, 'bias_out').set(gradCase.b_out);

  const model = new RecurrentModel(config, parameters);
  const { hiddenSize: H, numLayers: L } = config;
  const T = gradCase.inputs.length;
  const example: SequenceExample = {
    inputLength: T,
    inputs: flatten(gradCase.inputs),
    targetLength: gradCase.targets.length,
    targets: flatten(gradCase.targets),
  };
  const initialState: RecurrentState = {
    hidden: gradCase.h0 === null ? new Float64Array(L * H) : flatten(gradCase.h0),
    cell: gradCase.c0 === null ? null : flatten(gradCase.c0),
  };
  return { model, example, initialState };
}

export function runGradCaseModel(gradCase: GradCase, config: ModelConfig): GradCaseResult {
  const { model, example, initialState } = buildGradCaseProblem(gradCase, config);
  const T = gradCase.inputs.length;
  const { hiddenSize: H, outputSize: O, numLayers: L } = config;
  const loss = computeBatchGradients(model, [example], [0], 0, 1, { initialState });

  const rows = model.encoder.layers[0]!.gateRows;
  const layers: GradCaseLayer[] = [];
  for (let l = 0; l < L; l++) {
    const inputSize = l === 0 ? config.inputSize : H;
    layers.push({
      W_ih: unflatten(tensorData(model.gradients, `weight_ih_l${l}`), rows, inputSize),
      W_hh: unflatten(tensorData(model.gradients, `weight_hh_l${l}`), rows, H),
      b_ih: Array.from(tensorData(model.gradients, `bias_ih_l${l}`)),
      b_hh: Array.from(tensorData(model.gradients, `bias_hh_l${l}`)),
    });
  }
  const outputs = unflatten(model.outputs, model.scoredSteps, O);
  const final = model.finalState();
  const isLstm = config.cell === 'lstm';
  // key order of the format: loss, outputs, grads, hidden_grad_norms, cell_grad_norms (lstm), then the extras
  return {
    loss,
    outputs: gradCase.loss === 'mse_last' ? outputs[0]! : outputs,
    grads: {
      layers,
      W_out: unflatten(tensorData(model.gradients, 'weight_out'), O, H),
      b_out: Array.from(tensorData(model.gradients, 'bias_out')),
    },
    hidden_grad_norms: model.hiddenGradientNorms(),
    ...(isLstm ? { cell_grad_norms: model.cellGradientNorms() ?? [] } : {}),
    hidden_grads: model.encoder.layers.map((layer) => unflatten(layer.hiddenGradients, T, H)),
    final_hidden: unflatten(final.hidden, L, H),
    ...(isLstm ? { final_cell: unflatten(final.cell ?? new Float64Array(L * H), L, H) } : {}),
  };
}

/**
 * Why a case's result is not finite, or null when every number is: the first of the outputs ŷ, the loss terms
 * (ŷ − y)², the final state and the gradients (in the order they are computed) that overflowed float64, named by its
 * path in the result and the case fields it came from. A case whose numbers overflow is the user's input, not a result.
 */
export function gradCaseOverflow(gradCase: GradCase, result: GradCaseResult): string | null {
  const outputRows: number[][] = gradCase.loss === 'mse_last' ? [result.outputs as number[]] : (result.outputs as number[][]);
  const badOutput = firstNonFinite(result.outputs, 'outputs');
  const fields = 'weights.layers[…], weights.W_out, weights.b_out, inputs, h0/c0';
  if (badOutput !== null) {
    return `the forward pass overflowed: ${badOutput.path} = ${badOutput.value} (ŷ = W_out·h + b_out); the case's numbers (${fields}) are too large for float64 — scale them down`;
  }
  if (!Number.isFinite(result.loss)) {
    for (let t = 0; t < outputRows.length; t++) {
      for (let o = 0; o < outputRows[t]!.length; o++) {
        const y = gradCase.targets[t]![o]!;
        const error = outputRows[t]![o]! - y;
        if (!Number.isFinite(error * error)) {
          const at = gradCase.loss === 'mse_last' ? `[${o}]` : `[${t}][${o}]`;
          return `the loss overflowed to ${result.loss}: (ŷ − y)² with outputs${at} = ${outputRows[t]![o]} and targets${at} = ${y} exceeds float64 (≈ 1.8e308); scale the targets (or the weights) down`;
        }
      }
    }
    return `the loss overflowed to ${result.loss}: the sum of the squared errors exceeds float64 (≈ 1.8e308); scale the targets (or the weights) down`;
  }
  const badState = firstNonFinite(result.final_hidden, 'final_hidden') ?? firstNonFinite(result.final_cell ?? [], 'final_cell');
  if (badState !== null) return `the forward pass overflowed: ${badState.path} = ${badState.value}; the case's numbers (${fields}) are too large for float64 — scale them down`;
  const badGradient = firstNonFinite(result.grads, 'grads') ?? firstNonFinite(result.hidden_grads, 'hidden_grads');
  if (badGradient !== null) {
    return `the backward pass overflowed: ${badGradient.path} = ${badGradient.value} (loss ${result.loss}); the case's weights (weights.layers[…].W_hh multiply ∂J/∂h at every step) are too large for float64 — scale them down`;
  }
  return null;
}

function firstNonFinite(value: unknown, path: string): { readonly path: string; readonly value: number } | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : { path, value };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstNonFinite(value[i], `${path}[${i}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, entry] of Object.entries(value)) {
      const found = firstNonFinite(entry, `${path}.${key}`);
      if (found !== null) return found;
    }
  }
  return null;
}
