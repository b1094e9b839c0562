// The lab's ParallelTraining (lab/training/trainingRun.ts) on Node: the machine's cores, and shard workers started
// from dist/gradientShardWorker.js beside the running bundle (the CLI, the training and Compare Remedies workers).
// Code that runs outside dist/ (the unit tests' tsc output) has no shard worker beside it: there the default thread
// count is 1, and an explicit thread count above 1 fails with the computer's "the gradient shard worker is missing".
import * as fs from 'node:fs';
import * as os from 'node:os';
import type { ResourceLimits } from 'node:worker_threads';
import type { ParallelTraining } from '../../lab/training/trainingRun';
import { createThreadedComputer, defaultShardWorkerScript } from './threadedGradientComputer';

export function machineCores(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/** `resourceLimits`: each shard worker's (the extension passes the user's rnnLab.workers.maxMemoryMB). */
export function nodeParallelTraining(resourceLimits?: ResourceLimits): ParallelTraining {
  return {
    cores: fs.existsSync(defaultShardWorkerScript()) ? machineCores() : 1,
    createThreadedComputer: (request) => createThreadedComputer({ ...request, ...(resourceLimits !== undefined ? { resourceLimits } : {}) }),
  };
}
