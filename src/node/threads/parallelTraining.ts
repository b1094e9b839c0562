// The lab's ParallelTraining (lab/training/trainingRun.ts) on Node: the machine's cores, and shard workers started
// from dist/gradientShardWorker.js beside the running bundle (the CLI, the training and Compare Remedies workers).
import * as os from 'node:os';
import type { ResourceLimits } from 'node:worker_threads';
import type { ParallelTraining } from '../../lab/training/trainingRun';
import { createThreadedComputer } from './threadedGradientComputer';

export function machineCores(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/** `resourceLimits`: each shard worker's (the extension passes the user's rnnLab.workers.maxMemoryMB). */
export function nodeParallelTraining(resourceLimits?: ResourceLimits): ParallelTraining {
  return {
    cores: machineCores(),
    createThreadedComputer: (request) => createThreadedComputer({ ...request, ...(resourceLimits !== undefined ? { resourceLimits } : {}) }),
  };
}
