// RNN Lab's multi-threaded GradientComputer for the benchmark (issue 15: "--threads N"): the shard workers of
// src/node/threads, started from dist/gradientShardWorker.js beside the running CLI bundle.
import type { SequenceExample } from '../src/engine/dataset';
import type { ModelConfig } from '../src/engine/modelConfig';
import type { GradientComputer, Precision } from '../src/engine/training/gradientComputer';
import { createThreadedComputer } from '../src/node/threads/threadedGradientComputer';

export type ThreadedComputer = { readonly ok: true; readonly computer: GradientComputer } | { readonly ok: false; readonly reason: string };

export function createBenchThreadedComputer(threads: number, precision: Precision, config: ModelConfig, trainingExamples: readonly SequenceExample[]): ThreadedComputer {
  try {
    return { ok: true, computer: createThreadedComputer({ threads, precision, config, trainingExamples }) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
