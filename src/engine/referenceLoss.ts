// An independent, deliberately plain forward pass that computes J in double-double precision (doubleDouble.ts), for
// the gradient check's central differences. It re-states the cell equations of docs/maths.md ("Parameter layout")
// and the topology rules of model.ts from scratch — arrays of numbers, no shared buffers, no kernels — so a slip in
// the fast path cannot hide in both. Slow and allocating: gradient-check sizes only (T ≤ 8, H ≤ 4).
import type { SequenceExample } from './dataset';
import { DD_ZERO, add, dd, div, exp, log, mul, relu, sigmoid, sub, tanh, type DoubleDouble } from './doubleDouble';
import type { RecurrentModel, RecurrentState } from './model';
import type { ModelConfig } from './modelConfig';
import { DECODER_PREFIX } from './parameterLayout';
import type { ParameterSet } from './tensor';

type Vector = DoubleDouble[];

interface LayerWeights {
  readonly inputSize: number;
  readonly weightIh: Float64Array;
  readonly weightHh: Float64Array;
  readonly biasIh: Float64Array;
  readonly biasHh: Float64Array;
}

interface StackState {
  h: Vector[];
  c: Vector[];
}

function tensor(parameters: ParameterSet, name: string): Float64Array {
  const found = parameters.tensors.find((t) => t.name === name);
  if (found === undefined) throw new Error(`parameter "${name}" is missing`);
  return found.data;
}

function stackWeights(config: ModelConfig, parameters: ParameterSet, prefix: string, firstInputSize: number): LayerWeights[] {
  const layers: LayerWeights[] = [];
  for (let l = 0; l < config.numLayers; l++) {
    layers.push({
      inputSize: l === 0 ? firstInputSize : config.hiddenSize,
      weightIh: tensor(parameters, `${prefix}weight_ih_l${l}`),
      weightHh: tensor(parameters, `${prefix}weight_hh_l${l}`),
      biasIh: tensor(parameters, `${prefix}bias_ih_l${l}`),
      biasHh: tensor(parameters, `${prefix}bias_hh_l${l}`),
    });
  }
  return layers;
}

/** b + W v for rows [first, first + count) of W (row-major, `cols` columns). */
function affine(W: Float64Array, b: Float64Array | null, first: number, count: number, cols: number, v: Vector): Vector {
  const out: Vector = [];
  for (let r = first; r < first + count; r++) {
    let sum = b === null ? DD_ZERO : dd(b[r]!);
    for (let c = 0; c < cols; c++) sum = add(sum, mul(dd(W[r * cols + c]!), v[c]!));
    out.push(sum);
  }
  return out;
}

function zip(a: Vector, b: Vector, f: (x: DoubleDouble, y: DoubleDouble) => DoubleDouble): Vector {
  return a.map((x, i) => f(x, b[i]!));
}

/** One step of one layer: the new (h, c) from input x and the previous (h, c). */
function cellStep(config: ModelConfig, w: LayerWeights, x: Vector, h: Vector, c: Vector): { h: Vector; c: Vector } {
  const H = config.hiddenSize;
  // input-side and hidden-side pre-activations of gate block k: W_i· x + b_i· and W_h· h + b_h·
  const inputPart = (k: number): Vector => affine(w.weightIh, w.biasIh, k * H, H, w.inputSize, x);
  const hiddenPart = (k: number): Vector => affine(w.weightHh, w.biasHh, k * H, H, H, h);
  const gate = (k: number): Vector => zip(inputPart(k), hiddenPart(k), add);
  switch (config.cell) {
    case 'rnn': {
      const squash = config.nonlinearity === 'tanh' ? tanh : config.nonlinearity === 'relu' ? relu : sigmoid;
      return { h: gate(0).map(squash), c };
    }
    case 'lstm': {
      const i = gate(0).map(sigmoid);
      const f = gate(1).map(sigmoid);
      const g = gate(2).map(tanh);
      const o = gate(3).map(sigmoid);
      const cNext = c.map((cj, j) => add(mul(f[j]!, cj), mul(i[j]!, g[j]!)));
      return { h: cNext.map((cj, j) => mul(o[j]!, tanh(cj))), c: cNext };
    }
    case 'gru': {
      const r = gate(0).map(sigmoid);
      const z = gate(1).map(sigmoid);
      const hn = hiddenPart(2);
      // n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)), the reset-after form
      const n = inputPart(2).map((a, j) => tanh(add(a, mul(r[j]!, hn[j]!))));
      return { h: n.map((nj, j) => add(mul(sub(dd(1), z[j]!), nj), mul(z[j]!, h[j]!))), c };
    }
  }
}

/** All layers one step forward; returns the top layer's h. */
function stackStep(config: ModelConfig, layers: LayerWeights[], x: Vector, state: StackState): Vector {
  let input = x;
  layers.forEach((w, l) => {
    const next = cellStep(config, w, input, state.h[l]!, state.c[l]!);
    state.h[l] = next.h;
    state.c[l] = next.c;
    input = next.h;
  });
  return input;
}

function readout(parameters: ParameterSet, config: ModelConfig, h: Vector): Vector {
  return affine(tensor(parameters, 'weight_out'), tensor(parameters, 'bias_out'), 0, config.outputSize, config.hiddenSize, h);
}

function row(values: Float64Array, index: number, size: number): Vector {
  return Array.from(values.subarray(index * size, (index + 1) * size), dd);
}

/** ŷ of every scored step of one sequence, following the topology rules of model.ts. */
function scoredOutputs(model: RecurrentModel, example: SequenceExample, initialState: RecurrentState | null): Vector[] {
  const config = model.config;
  const parameters = model.parameters;
  const { inputSize: I, hiddenSize: H, outputSize: O, numLayers: L } = config;
  const state: StackState = { h: [], c: [] };
  for (let l = 0; l < L; l++) {
    state.h.push(initialState === null ? row(new Float64Array(H), 0, H) : row(initialState.hidden, l, H));
    state.c.push(initialState === null || initialState.cell === null ? row(new Float64Array(H), 0, H) : row(initialState.cell, l, H));
  }
  const encoder = stackWeights(config, parameters, '', I);
  const outputs: Vector[] = [];
  switch (config.topology) {
    case 'one-to-one':
      outputs.push(readout(parameters, config, stackStep(config, encoder, row(example.inputs, 0, I), state)));
      return outputs;
    case 'many-to-one': {
      let top: Vector = [];
      for (let t = 0; t < example.inputLength; t++) top = stackStep(config, encoder, row(example.inputs, t, I), state);
      outputs.push(readout(parameters, config, top));
      return outputs;
    }
    case 'many-to-many-synced':
      for (let t = 0; t < example.inputLength; t++) {
        outputs.push(readout(parameters, config, stackStep(config, encoder, row(example.inputs, t, I), state)));
      }
      return outputs;
    case 'one-to-many':
      for (let t = 0; t < example.targetLength; t++) {
        const x = t === 0 || config.oneToManyInput === 'every-step' ? row(example.inputs, 0, I) : row(new Float64Array(I), 0, I);
        outputs.push(readout(parameters, config, stackStep(config, encoder, x, state)));
      }
      return outputs;
    case 'many-to-many-encoder-decoder': {
      for (let t = 0; t < example.inputLength; t++) stackStep(config, encoder, row(example.inputs, t, I), state);
      // the decoder starts from the encoder's final state and feeds back its previous prediction (ŷ_{−1} = 0)
      const decoder = stackWeights(config, parameters, DECODER_PREFIX, O);
      let previous = row(new Float64Array(O), 0, O);
      for (let j = 0; j < example.targetLength; j++) {
        previous = readout(parameters, config, stackStep(config, decoder, previous, state));
        outputs.push(previous);
      }
      return outputs;
    }
  }
}

/** J over `examples` as one mini-batch (m = all their scored values), in double-double precision. */
export function referenceLoss(
  model: RecurrentModel,
  examples: readonly SequenceExample[],
  initialState: RecurrentState | null,
): DoubleDouble {
  const config = model.config;
  const O = config.outputSize;
  const perSequence = examples.map((example) => scoredOutputs(model, example, initialState));
  const m = perSequence.reduce((sum, outputs) => sum + (config.loss === 'mse' ? outputs.length * O : outputs.length), 0);
  let total = DD_ZERO;
  perSequence.forEach((outputs, s) => {
    const example = examples[s]!;
    outputs.forEach((y, t) => {
      if (config.loss === 'mse') {
        // ½ (ŷ − y)² per value (docs/maths.md, "Losses")
        y.forEach((value, o) => {
          const difference = sub(value, dd(example.targets[t * O + o]!));
          total = add(total, mul(dd(0.5), mul(difference, difference)));
        });
      } else {
        // −log softmax(ŷ)_y = log Σ_k e^{ŷ_k} − ŷ_y
        let sumExp = DD_ZERO;
        for (const value of y) sumExp = add(sumExp, exp(value));
        total = add(total, sub(log(sumExp), y[example.targetClasses![t]!]!));
      }
    });
  });
  return div(total, dd(m));
}
