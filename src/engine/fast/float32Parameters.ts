// Float32 working copies of a model's float64 parameters for the batched path, and float32 gradient accumulators
// that are added into the float64 model.gradients at the end of each mini-batch share.
//
// Layouts (row-major, offsets into the kernels' arena). Per layer l with G gate blocks, I_l inputs:
//   weightIhT [I_l × G·H] and weightHhT [H × G·H]   forward: Z = X·W_ihᵀ + H_{t−1}·W_hhᵀ as plain products
//   weightIh  [G·H × I_l] and weightHh  [G·H × H]   backward: dX = dZ·W_ih, dH_{t−1} = dZ·W_hh
//   biasIh, biasHh, biasSum = b_ih + b_hh [G·H]
// Readout: weightOutT [H × O] (ŷ = H·W_outᵀ + b), weightOut [O × H] (dH = dŶ·W_out), biasOut [O].
// Gradients: dWeightIh [G·H × I_l] (dense inputs) or dWeightIhT [I × G·H] (one-hot inputs, rows scattered by class),
// dWeightHh, dBiasIh, dBiasHh, dWeightOut [O × H], dBiasOut.
import { gateCount } from '../parameterLayout';
import type { ModelConfig } from '../modelConfig';
import { findTensor, type ParameterSet, type Tensor } from '../tensor';
import type { F32Arena } from '../kernels/f32/f32Kernels';

export interface Float32Layer {
  readonly inputSize: number;
  readonly weightIhT: number;
  readonly weightIh: number;
  readonly weightHhT: number;
  readonly weightHh: number;
  readonly biasIh: number;
  readonly biasHh: number;
  readonly biasSum: number;
  readonly dWeightIh: number;
  /** Only layer 0 of a model with one-hot inputs uses it; else −1. */
  readonly dWeightIhT: number;
  readonly dWeightHh: number;
  readonly dBiasIh: number;
  readonly dBiasHh: number;
}

export interface Float32Readout {
  readonly weightOutT: number;
  readonly weightOut: number;
  readonly biasOut: number;
  readonly dWeightOut: number;
  readonly dBiasOut: number;
}

function tensorNamed(parameters: ParameterSet, name: string): Tensor {
  const tensor = findTensor(parameters, name);
  if (tensor === undefined) throw new Error(`float32 path: the model has no parameter ${name}`);
  return tensor;
}

export class Float32Parameters {
  readonly layers: Float32Layer[] = [];
  readonly readout: Float32Readout;
  /** First and one-past-last element of the gradient accumulators (contiguous: zeroed with one fill). */
  private readonly gradientStart: number;
  private readonly gradientEnd: number;

  constructor(
    private readonly config: ModelConfig,
    private readonly arena: F32Arena,
  ) {
    const G = gateCount(config.cell);
    const H = config.hiddenSize;
    const GH = G * H;
    const O = config.outputSize;
    const shapes: Array<{ inputSize: number }> = [];
    for (let l = 0; l < config.numLayers; l++) shapes.push({ inputSize: l === 0 ? config.inputSize : H });
    const copies = shapes.map(({ inputSize }) => ({
      inputSize,
      weightIhT: arena.reserve(inputSize * GH),
      weightIh: arena.reserve(GH * inputSize),
      weightHhT: arena.reserve(H * GH),
      weightHh: arena.reserve(GH * H),
      biasIh: arena.reserve(GH),
      biasHh: arena.reserve(GH),
      biasSum: arena.reserve(GH),
    }));
    const weightOutT = arena.reserve(H * O);
    const weightOut = arena.reserve(O * H);
    const biasOut = arena.reserve(O);
    // gradients last and contiguous
    this.gradientStart = arena.reserve(0);
    copies.forEach((copy, l) => {
      this.layers.push({
        ...copy,
        dWeightIh: arena.reserve(GH * copy.inputSize),
        dWeightIhT: l === 0 ? arena.reserve(copy.inputSize * GH) : -1,
        dWeightHh: arena.reserve(GH * H),
        dBiasIh: arena.reserve(GH),
        dBiasHh: arena.reserve(GH),
      });
    });
    this.readout = { weightOutT, weightOut, biasOut, dWeightOut: arena.reserve(O * H), dBiasOut: arena.reserve(O) };
    this.gradientEnd = arena.reserve(0);
  }

  /** Copies (and transposes) the model's current float64 parameters; zeroes the float32 gradients. */
  load(parameters: ParameterSet): void {
    const f32 = this.arena.f32;
    const H = this.config.hiddenSize;
    const GH = gateCount(this.config.cell) * H;
    this.layers.forEach((layer, l) => {
      const I = layer.inputSize;
      copyStraightAndTransposed(f32, tensorNamed(parameters, `weight_ih_l${l}`).data, GH, I, layer.weightIh, layer.weightIhT);
      copyStraightAndTransposed(f32, tensorNamed(parameters, `weight_hh_l${l}`).data, GH, H, layer.weightHh, layer.weightHhT);
      const bIh = tensorNamed(parameters, `bias_ih_l${l}`).data;
      const bHh = tensorNamed(parameters, `bias_hh_l${l}`).data;
      for (let j = 0; j < GH; j++) {
        f32[layer.biasIh + j] = bIh[j]!;
        f32[layer.biasHh + j] = bHh[j]!;
        // rounded once from the float64 sum, as the float64 path adds b_ih + b_hh
        f32[layer.biasSum + j] = bIh[j]! + bHh[j]!;
      }
    });
    const O = this.config.outputSize;
    copyStraightAndTransposed(f32, tensorNamed(parameters, 'weight_out').data, O, H, this.readout.weightOut, this.readout.weightOutT);
    const bOut = tensorNamed(parameters, 'bias_out').data;
    for (let o = 0; o < O; o++) f32[this.readout.biasOut + o] = bOut[o]!;
    f32.fill(0, this.gradientStart, this.gradientEnd);
  }

  /** gradients += the float32 accumulators (by PyTorch name). */
  addGradientsInto(gradients: ParameterSet): void {
    const f32 = this.arena.f32;
    const H = this.config.hiddenSize;
    const GH = gateCount(this.config.cell) * H;
    this.layers.forEach((layer, l) => {
      const I = layer.inputSize;
      const dWih = tensorNamed(gradients, `weight_ih_l${l}`).data;
      addInto(dWih, f32, layer.dWeightIh, GH * I);
      if (layer.dWeightIhT >= 0) {
        // the one-hot accumulator is [I × G·H]: add its transpose
        for (let r = 0; r < GH; r++) for (let c = 0; c < I; c++) dWih[r * I + c] += f32[layer.dWeightIhT + c * GH + r]!;
      }
      addInto(tensorNamed(gradients, `weight_hh_l${l}`).data, f32, layer.dWeightHh, GH * H);
      addInto(tensorNamed(gradients, `bias_ih_l${l}`).data, f32, layer.dBiasIh, GH);
      addInto(tensorNamed(gradients, `bias_hh_l${l}`).data, f32, layer.dBiasHh, GH);
    });
    const O = this.config.outputSize;
    addInto(tensorNamed(gradients, 'weight_out').data, f32, this.readout.dWeightOut, O * H);
    addInto(tensorNamed(gradients, 'bias_out').data, f32, this.readout.dBiasOut, O);
  }
}

/** f32[straight] = W [rows × cols] and f32[transposed] = Wᵀ [cols × rows]. */
function copyStraightAndTransposed(f32: Float32Array, source: Float64Array, rows: number, cols: number, straight: number, transposed: number): void {
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const value = source[r * cols + c]!;
      f32[straight + r * cols + c] = value;
      f32[transposed + c * rows + r] = value;
    }
  }
}

function addInto(target: Float64Array, f32: Float32Array, offset: number, count: number): void {
  for (let i = 0; i < count; i++) target[i] += f32[offset + i]!;
}
