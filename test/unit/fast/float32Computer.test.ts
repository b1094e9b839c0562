// The float32 batched path against the exact float64 path: the same loss share and ∂J/∂θ (within float32 rounding)
// for every cell, the four topologies it covers, both losses, stacked layers, one-hot inputs and mixed lengths; the
// same loss curves through a whole training; cancel mid-batch.
import * as assert from 'node:assert/strict';
import type { SequenceExample } from '../../../src/engine/dataset';
import { Float32GradientComputer } from '../../../src/engine/fast/float32Computer';
import { createF32Kernels } from '../../../src/engine/kernels/f32/loadKernels';
import type { KernelBackend } from '../../../src/engine/kernels/f32/f32Kernels';
import { createInitializedParameters } from '../../../src/engine/init';
import { RecurrentModel } from '../../../src/engine/model';
import type { ModelConfig } from '../../../src/engine/modelConfig';
import { createOptimizer } from '../../../src/engine/optimizers';
import { SeededRandom } from '../../../src/engine/random';
import { Float64GradientComputer, type GradientComputer } from '../../../src/engine/training/gradientComputer';
import { train } from '../../../src/engine/training/train';
import { DEFAULT_REMEDY_OPTIONS } from '../../../src/engine/remedies/remedyOptions';
import { modelConfig } from '../engine/trainingFixtures';

const BACKENDS: readonly KernelBackend[] = ['typescript', 'wasm-simd'];

/** Random sequences for `config`: lengths from `lengths` in turn, targets matching the topology and loss. */
function randomExamples(config: ModelConfig, count: number, lengths: readonly number[], seed: number, oneHot = false): SequenceExample[] {
  const random = new SeededRandom(seed);
  const { inputSize: I, outputSize: O } = config;
  const examples: SequenceExample[] = [];
  for (let s = 0; s < count; s++) {
    const T = lengths[s % lengths.length]!;
    const inputSteps = config.topology === 'one-to-many' || config.topology === 'one-to-one' ? 1 : T;
    const scored = config.topology === 'many-to-one' || config.topology === 'one-to-one' ? 1 : T;
    const classesIn = Int32Array.from({ length: inputSteps }, () => Math.floor(random.nextFloat() * I));
    const inputs = new Float64Array(inputSteps * I);
    for (let t = 0; t < inputSteps; t++) {
      for (let i = 0; i < I; i++) inputs[t * I + i] = oneHot ? (i === classesIn[t] ? 1 : 0) : 2 * random.nextFloat() - 1;
    }
    const targets = config.loss === 'mse' ? Float64Array.from({ length: scored * O }, () => 2 * random.nextFloat() - 1) : new Float64Array(0);
    const targetClasses = config.loss === 'xent' ? Int32Array.from({ length: scored }, () => Math.floor(random.nextFloat() * O)) : undefined;
    examples.push({
      inputLength: inputSteps,
      inputs,
      targetLength: scored,
      targets,
      ...(targetClasses !== undefined ? { targetClasses } : {}),
      ...(oneHot ? { inputClasses: classesIn } : {}),
    } as SequenceExample);
  }
  return examples;
}

function scored(config: ModelConfig, examples: readonly SequenceExample[]): number {
  const perStep = config.loss === 'mse' ? config.outputSize : 1;
  return examples.reduce((sum, e) => sum + (config.topology === 'many-to-one' || config.topology === 'one-to-one' ? 1 : e.targetLength) * perStep, 0);
}

function gradientsOf(computer: GradientComputer, config: ModelConfig, examples: readonly SequenceExample[], seed: number): { loss: number; gradient: number[] } {
  const parameters = createInitializedParameters(config, { scheme: 'xavier' }, new SeededRandom(seed));
  const model = new RecurrentModel(config, parameters);
  model.zeroGradients();
  const order = examples.map((_, i) => i);
  const loss = computer.accumulate(model, examples, order, 0, examples.length, scored(config, examples));
  return { loss, gradient: model.gradients.tensors.flatMap((t) => [...t.data]) };
}

function relativeDifference(a: readonly number[], b: readonly number[]): number {
  let difference = 0;
  let norm = 0;
  for (let i = 0; i < a.length; i++) {
    difference += (a[i]! - b[i]!) ** 2;
    norm += b[i]! ** 2;
  }
  return Math.sqrt(difference) / Math.max(Math.sqrt(norm), 1e-30);
}

const CASES: ReadonlyArray<{ name: string; config: Partial<ModelConfig>; lengths: number[]; oneHot?: boolean }> = [
  { name: 'rnn tanh many-to-one', config: { cell: 'rnn', hiddenSize: 17, inputSize: 3 }, lengths: [9] },
  { name: 'rnn relu synced, 2 layers', config: { cell: 'rnn', nonlinearity: 'relu', hiddenSize: 5, inputSize: 2, outputSize: 3, numLayers: 2, topology: 'many-to-many-synced' }, lengths: [7] },
  { name: 'rnn sigmoid one-to-one', config: { cell: 'rnn', nonlinearity: 'sigmoid', hiddenSize: 3, inputSize: 4, topology: 'one-to-one' }, lengths: [1] },
  { name: 'lstm many-to-one, mixed lengths', config: { cell: 'lstm', hiddenSize: 9, inputSize: 2 }, lengths: [5, 8, 5, 3] },
  { name: 'lstm synced xent one-hot, 2 layers', config: { cell: 'lstm', hiddenSize: 12, inputSize: 7, outputSize: 7, numLayers: 2, topology: 'many-to-many-synced', loss: 'xent' }, lengths: [40], oneHot: true },
  { name: 'gru synced xent', config: { cell: 'gru', hiddenSize: 10, inputSize: 4, outputSize: 5, topology: 'many-to-many-synced', loss: 'xent' }, lengths: [6] },
  { name: 'gru one-to-many every-step, 3 layers', config: { cell: 'gru', hiddenSize: 6, inputSize: 2, outputSize: 2, numLayers: 3, topology: 'one-to-many', oneToManyInput: 'every-step', outputLength: 4 }, lengths: [4] },
  { name: 'rnn tanh many-to-one over three backward chunks (T = 70)', config: { cell: 'rnn', hiddenSize: 6, inputSize: 2 }, lengths: [70, 33] },
  { name: 'gru synced over three backward chunks (T = 65), 2 layers', config: { cell: 'gru', hiddenSize: 5, inputSize: 3, outputSize: 2, numLayers: 2, topology: 'many-to-many-synced' }, lengths: [65] },
  { name: 'lstm one-to-many first-step', config: { cell: 'lstm', hiddenSize: 4, inputSize: 3, topology: 'one-to-many', outputLength: 5 }, lengths: [5] },
];

describe('float32 batched gradients (engine/fast)', function () {
  this.timeout(60000);
  for (const backend of BACKENDS) {
    for (const testCase of CASES) {
      it(`${backend}: ${testCase.name} — loss and ∂J/∂θ match the float64 path`, () => {
        const config = modelConfig(testCase.config);
        const examples = randomExamples(config, 11, testCase.lengths, 7, testCase.oneHot === true);
        const exact = gradientsOf(new Float64GradientComputer(), config, examples, 3);
        const computer = new Float32GradientComputer(config, createF32Kernels(backend));
        const fast = gradientsOf(computer, config, examples, 3);
        assert.ok(Math.abs(fast.loss - exact.loss) <= 1e-5 * Math.abs(exact.loss), `loss ${fast.loss} vs ${exact.loss}`);
        const error = relativeDifference(fast.gradient, exact.gradient);
        assert.ok(error < 5e-5, `relative gradient error ${error}`);
        // a different parameter set later in training: the working copies are refreshed every call
        const again = gradientsOf(computer, config, examples, 4);
        const exactAgain = gradientsOf(new Float64GradientComputer(), config, examples, 4);
        assert.ok(relativeDifference(again.gradient, exactAgain.gradient) < 5e-5);
        const model = new RecurrentModel(config, createInitializedParameters(config, { scheme: 'xavier' }, new SeededRandom(3)));
        const evaluated = computer.evaluate(model, examples) ?? Number.NaN;
        assert.ok(Math.abs(evaluated - exact.loss) <= 1e-5 * Math.abs(exact.loss), `evaluate ${evaluated} vs ${exact.loss}`);
        computer.dispose();
      });
    }
  }

  for (const cell of ['rnn', 'lstm', 'gru'] as const) {
    it(`${cell}: float32 and float64 training give the same loss curves within float32 tolerance`, () => {
      const config = modelConfig({ cell, hiddenSize: 16, inputSize: 2, outputSize: 2, topology: 'many-to-many-synced' });
      const examples = randomExamples(config, 48, [12], 11);
      const validation = randomExamples(config, 8, [12], 12);
      const curves = [new Float64GradientComputer(), new Float32GradientComputer(config, createF32Kernels())].map((computer) => {
        const random = new SeededRandom(5);
        const model = new RecurrentModel(config, createInitializedParameters(config, { scheme: 'xavier' }, random));
        const optimizer = createOptimizer('adam', { learningRate: 0.01 }, model.parameters);
        const dataset = (list: SequenceExample[]) => ({ inputSize: 2, outputSize: 2, examples: list });
        const outcome = train(model, optimizer, dataset(examples), dataset(validation), { epochs: 6, batchSize: 16, random, remedies: DEFAULT_REMEDY_OPTIONS, computer });
        return [...outcome.result.lossPerEpoch, ...outcome.result.validationLossPerEpoch];
      });
      for (let i = 0; i < curves[0]!.length; i++) {
        const [exact, fast] = [curves[0]![i]!, curves[1]![i]!];
        assert.ok(Math.abs(fast - exact) <= 1e-3 * Math.abs(exact), `point ${i}: ${fast} vs ${exact}`);
      }
      assert.ok(curves[0]![5]! < curves[0]![0]!, 'the model learns');
    });
  }

  for (const topology of ['many-to-one', 'many-to-many-synced'] as const) {
    it(`lastStepOutputs (validation predictions of a float32 run) equal the float64 forward pass: ${topology}`, () => {
      const config = modelConfig({ cell: 'gru', hiddenSize: 7, inputSize: 2, outputSize: 2, topology });
      const examples = randomExamples(config, 9, [6, 4], 2);
      const model = new RecurrentModel(config, createInitializedParameters(config, { scheme: 'xavier' }, new SeededRandom(8)));
      const outputs = new Float32GradientComputer(config, createF32Kernels()).lastStepOutputs(model, examples);
      assert.ok(outputs !== null);
      examples.forEach((example, index) => {
        const last = model.forward(example) - 1;
        for (let o = 0; o < 2; o++) assert.ok(Math.abs(outputs[index * 2 + o]! - model.outputs[last * 2 + o]!) < 1e-5, `example ${index}, output ${o}`);
      });
    });
  }

  it('returns NaN promptly when cancelled during a batch, leaving model.gradients untouched', () => {
    const config = modelConfig({ cell: 'lstm', hiddenSize: 32, inputSize: 3, topology: 'many-to-many-synced' });
    const examples = randomExamples(config, 4, [200], 1);
    const model = new RecurrentModel(config, createInitializedParameters(config, { scheme: 'xavier' }, new SeededRandom(1)));
    model.zeroGradients();
    let reads = 0;
    const cancel = { get aborted(): boolean { reads++; return reads > 3; } };
    const computer = new Float32GradientComputer(config, createF32Kernels());
    const loss = computer.accumulate(model, examples, [0, 1, 2, 3], 0, 4, scored(config, examples), cancel);
    assert.ok(Number.isNaN(loss));
    assert.ok(reads < 10, `the flag was read ${reads} times`);
    assert.ok(model.gradients.tensors.every((t) => t.data.every((v) => v === 0)));
    reads = 0;
    assert.equal(computer.evaluate(model, examples, cancel), null, 'a cancelled validation pass answers null');
  });
});
