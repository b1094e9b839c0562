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
