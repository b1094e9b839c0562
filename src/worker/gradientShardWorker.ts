// worker_threads entry (dist/gradientShardWorker.js) of the threaded gradient computer (node/threads/): started once
// as the supervisor by ThreadedGradientComputer, which starts it again as each shard worker. No messages: everything
// travels through the SharedArrayBuffers of workerData (node/threads/shardBuffers.ts).
import { isMainThread, workerData } from 'node:worker_threads';
import type { ShardWorkerData } from '../node/threads/shardBuffers';
import { runShard, runSupervisor } from '../node/threads/shardWorker';

if (isMainThread) throw new Error('dist/gradientShardWorker.js must be started as a worker_threads Worker');
const data = workerData as ShardWorkerData;
if (data.role === 'supervisor') runSupervisor(data);
else runShard(data);
