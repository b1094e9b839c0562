// RNN Lab's multi-threaded GradientComputer for the benchmark (issue 15: "--threads N"), behind one function so the
// comparison does not depend on how the threads module is named. Until the worker-thread computer is on main the
// threaded column reports why it is missing instead of a number.
import type { SequenceExample } from '../src/engine/dataset';
import type { ModelConfig } from '../src/engine/modelConfig';
import type { GradientComputer, Precision } from '../src/engine/training/gradientComputer';

export type ThreadedComputer = { readonly ok: true; readonly computer: GradientComputer } | { readonly ok: false; readonly reason: string };

export function createBenchThreadedComputer(threads: number, precision: Precision, config: ModelConfig, trainingExamples: readonly SequenceExample[]): ThreadedComputer {
  void threads;
  void precision;
  void config;
  void trainingExamples;
  return { ok: false, reason: 'the worker-thread computer (src/node/threads) is not on main yet' };
}
