// The threaded gradient computer (src/node/threads/) with real worker_threads, bundled like
// dist/gradientShardWorker.js: its J and ∂J/∂θ match the single-thread float64 path, a whole training with N threads
// is reproducible bit for bit, a cancel is answered within 200 ms, and a worker that throws or dies ends in an Error.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createInitializedParameters } from '../../../src/engine/init';
import { RecurrentModel } from '../../../src/engine/model';
import { createOptimizer } from '../../../src/engine/optimizers';
import { SeededRandom } from '../../../src/engine/random';
import { DEFAULT_REMEDY_OPTIONS } from '../../../src/engine/remedies/remedyOptions';
import { train } from '../../../src/engine/training/train';
import { createThreadedComputer, type ThreadedGradientComputer } from '../../../src/node/threads/threadedGradientComputer';
import { machineCores } from '../../../src/node/threads/parallelTraining';
import { choosePrecision } from '../../../src/lab/training/precision';
import { modelConfig } from '../engine/trainingFixtures';
import { bundleWorker } from '../workerBundle';
import { copyGradients, initialisedModel, lstmManyToOne, referenceBatch, rnnSynced, shuffledOrder, threadCount, within, type Problem } from './threadFixtures';

/** |a − b| ≤ 1e-12 · max(|a|, |b|) (exact zeros must stay exact). */
function assertRelativelyClose(actual: number, expected: number, what: string): void {
  const scale = Math.max(Math.abs(actual), Math.abs(expected));
  assert.ok(Math.abs(actual - expected) <= 1e-12 * scale, `${what}: ${actual} vs ${expected}`);
}

describe('ThreadedGradientComputer (real worker threads, bundled like dist/gradientShardWorker.js)', function () {
  let directory: string;
  let workerScript: string;
  const open: ThreadedGradientComputer[] = [];

  function threaded(problem: Problem, threads: number, extra: { trainingExamples?: Problem['examples']; resourceLimits?: object } = {}): ThreadedGradientComputer {
    const computer = createThreadedComputer({
      threads,
      precision: 'float64',
      config: problem.config,
      trainingExamples: extra.trainingExamples ?? problem.examples,
      workerScript,
      ...(extra.resourceLimits !== undefined ? { resourceLimits: extra.resourceLimits } : {}),
    });
    open.push(computer);
    return computer;
  }

  before(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-threads-'));
    workerScript = await bundleWorker('gradientShardWorker', directory);
  });
  // every test's workers end before the next test (the thread count of the cancel test starts from none)
  afterEach(async () => {
    const ending = open.splice(0);
    for (const computer of ending) computer.dispose();
    await Promise.all(ending.map((computer) => within(computer.terminated, 5000, 'the supervisor ends after dispose')));
  });
  after(() => fs.rmSync(directory, { recursive: true, force: true }));

  it('the default thread count (setting 0) is the available cores, between 1 and 8', () => {
    const count = choosePrecision('float32', 0, modelConfig({ hiddenSize: 128 }), { omega: 0, truncation: null }, 64, machineCores()).threads;
    assert.ok(Number.isInteger(count) && count >= 1 && count <= 8, String(count));
    assert.equal(count, Math.min(8, machineCores()));
  });

  for (const make of [lstmManyToOne, rnnSynced]) {
    for (const threads of [2, 3]) {
      it(`${make().name}, N = ${threads}: J and ∂J/∂θ equal the single-thread float64 path within 1e-12`, () => {
        const problem = make();
        const model = initialisedModel(problem.config);
        const order = shuffledOrder(problem.examples.length);
        const computer = threaded(problem, threads);
        // a full batch, a batch starting mid-order, and batches smaller than N (idle workers)
        for (const [start, count] of [[0, 11], [3, 7], [9, 2], [10, 1]] as const) {
          const m = 17.5;
          const expected = referenceBatch(model, problem.examples, order, start, count, m);
          model.zeroGradients();
          const loss = computer.accumulate(model, problem.examples, order, start, count, m);
          assertRelativelyClose(loss, expected.loss, `J of [${start}, ${start + count})`);
          copyGradients(model.gradients).forEach((gradient, t) =>
            gradient.forEach((value, i) => assertRelativelyClose(value, expected.gradients[t]![i]!, `${model.gradients.tensors[t]!.name}[${i}] of [${start}, ${start + count})`)),
          );
          // the next batch must see the new θ: the workers copy it every time
          for (const tensor of model.parameters.tensors) for (let i = 0; i < tensor.data.length; i++) tensor.data[i]! -= 0.05 * model.gradients.tensors.find((g) => g.name === tensor.name)!.data[i]!;
        }
        assert.ok(Number.isNaN(computer.evaluate(model, [])));
      });
    }
  }

  it('adds to ∂J/∂θ (never zeroes it) like every GradientComputer', () => {
    const problem = lstmManyToOne();
    const model = initialisedModel(problem.config);
    const order = shuffledOrder(problem.examples.length);
    const once = referenceBatch(model, problem.examples, order, 0, 11, 11);
    const computer = threaded(problem, 2);
    model.zeroGradients();
    computer.accumulate(model, problem.examples, order, 0, 11, 11);
    computer.accumulate(model, problem.examples, order, 0, 11, 11);
    copyGradients(model.gradients).forEach((gradient, t) => gradient.forEach((value, i) => assertRelativelyClose(value, 2 * once.gradients[t]![i]!, `2 × ∂J/∂θ[${t}][${i}]`)));
  });

  it('two whole trainings with N = 2 give bit-identical losses (and match one thread closely)', () => {
    const problem = rnnSynced(23, 5);
    const run = (threads: number | null) => {
      const random = new SeededRandom(5);
      const parameters = createInitializedParameters(problem.config, { scheme: 'xavier' }, random);
      const model = new RecurrentModel(problem.config, parameters);
      const optimizer = createOptimizer('adam', { learningRate: 0.01 }, parameters);
      const dataset = { inputSize: 2, outputSize: 1, examples: problem.examples.slice(0, 18) };
      const validation = { inputSize: 2, outputSize: 1, examples: problem.examples.slice(18) };
      const computer = threads === null ? null : threaded({ ...problem, examples: dataset.examples }, threads);
      try {
        const outcome = train(model, optimizer, dataset, validation, { epochs: 4, batchSize: 5, random, remedies: DEFAULT_REMEDY_OPTIONS, computer });
        return [...outcome.result.lossPerEpoch, ...outcome.result.validationLossPerEpoch];
      } finally {
        computer?.dispose();
      }
    };
    const first = run(2);
    assert.equal(first.length, 8);
    assert.deepEqual(run(2), first);
    run(null).forEach((loss, i) => assert.ok(Math.abs(loss - first[i]!) <= 1e-10 * Math.abs(loss), `loss ${i}: ${loss} vs ${first[i]}`));
  });

  it('answers a cancel during a long batch within 200 ms, and its threads are gone after dispose', async () => {
    // the threads of the previous tests' workers are joined a moment after their 'exit'
    await new Promise((resolve) => setTimeout(resolve, 100));
    const before = threadCount();
    // long sequences: the batch takes about a second on 3 threads, the cancel comes after 150 ms
    const problem = lstmManyToOne(90, 800, 24);
    const model = initialisedModel(problem.config);
    const order = shuffledOrder(problem.examples.length);
    const computer = threaded(problem, 3);
    // the first batch also waits for the workers to start: warm them up with a tiny one
    computer.accumulate(model, problem.examples, order, 0, 3, 3);
    const running = threadCount();
    if (before !== null) assert.ok(running! >= before + 3, `threads ${running} while running, ${before} before (supervisor + 2 shard workers)`);
    const cancelAt = performance.now() + 150;
    const cancel = { get aborted(): boolean { return performance.now() >= cancelAt; } };
    model.zeroGradients();
    const loss = computer.accumulate(model, problem.examples, order, 0, 90, 90, cancel);
    const answered = performance.now() - cancelAt;
    assert.ok(Number.isNaN(loss), `cancelled batch returned ${loss}`);
    assert.ok(answered < 200, `cancel answered after ${answered.toFixed(1)} ms`);
    if (process.env['RNN_LAB_THREADS_VERBOSE'] !== undefined) console.log(`cancel answered after ${answered.toFixed(1)} ms`);
    // the computer stays usable: the next batch waits for the cancelled shards to stop
    const expected = referenceBatch(model, problem.examples, order, 0, 3, 3);
    model.zeroGradients();
    assertRelativelyClose(computer.accumulate(model, problem.examples, order, 0, 3, 3), expected.loss, 'J after a cancel');
    computer.dispose();
    computer.dispose();
    await within(computer.terminated, 5000, 'the supervisor ends after dispose');
    assert.throws(() => computer.accumulate(model, problem.examples, order, 0, 3, 3), /disposed/);
    if (before !== null) {
      // the supervisor's shard workers end with it: the process is back to its threads (V8's may come and go by one)
      const deadline = Date.now() + 2000;
      while ((threadCount() ?? 0) > before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.ok(threadCount()! <= before, `threads ${threadCount()} after dispose, ${before} before`);
    }
  });

  it('a worker that throws surfaces as an Error with its message, and the computer ends its workers', async () => {
    const problem = lstmManyToOne();
    const model = initialisedModel(problem.config);
    // the workers received 3 examples, the worker's shard (the last of the 3 sequences) indexes the 8th: its check throws
    const order = Int32Array.of(0, 1, 7);
    const computer = threaded(problem, 2, { trainingExamples: problem.examples.slice(0, 3) });
    assert.throws(() => computer.accumulate(model, problem.examples, order, 0, 3, 3), (error: unknown) => {
      assert.ok(error instanceof Error);
      assert.match(error.message, /^gradient shard worker 1: example 7 is not among the 3 training examples this worker received$/);
      return true;
    });
    await within(computer.terminated, 5000, 'the workers end after the error');
  });

  it('refuses a model whose parameters are not those of the config it was created for', () => {
    const problem = lstmManyToOne();
    const model = initialisedModel(problem.config);
    const computer = threaded({ ...problem, config: { ...problem.config, hiddenSize: 5, numLayers: 2 } }, 2);
    assert.throws(() => computer.accumulate(model, problem.examples, shuffledOrder(11), 0, 11, 11), /the model does not have the parameters/);
  });

  it('a worker that dies (out of memory at its resourceLimits) ends in an Error, not a hang', () => {
    const problem = lstmManyToOne(11, 6, 5);
    const model = initialisedModel(problem.config);
    const computer = threaded(problem, 2, { resourceLimits: { maxOldGenerationSizeMb: 1, maxYoungGenerationSizeMb: 1 } });
    assert.throws(() => computer.accumulate(model, problem.examples, shuffledOrder(11), 0, 11, 11), (error: unknown) => {
      assert.ok(error instanceof Error);
      if (process.env['RNN_LAB_THREADS_VERBOSE'] !== undefined) console.log(error.message);
      assert.match(error.message, /^gradient shard worker 1 (failed|stopped)/);
      return true;
    });
  });

  it('with one thread it is the calling thread alone', () => {
    const problem = rnnSynced();
    const model = initialisedModel(problem.config);
    const order = shuffledOrder(11);
    const expected = referenceBatch(model, problem.examples, order, 0, 11, 30);
    model.zeroGradients();
    assert.equal(threaded(problem, 1).accumulate(model, problem.examples, order, 0, 11, 30), expected.loss);
    assert.deepEqual(copyGradients(model.gradients), expected.gradients);
  });
});
