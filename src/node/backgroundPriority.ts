// The worker trains at full speed on one core; on a 2-core machine it competes with the extension host, the renderer
// and the server for the other. Lowering the worker thread's own scheduling priority (nice 10) lets those
// interactive threads run first whenever they are ready, so the editor stays responsive, while the worker still gets
// every otherwise idle cycle. Linux applies setpriority() to a single thread when given its thread id, found through
// /proc/thread-self; elsewhere (or when not permitted) the default priority is kept.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** Nice value of the training thread: below normal (0), above idle (19). */
export const TRAINING_THREAD_NICE = 10;

/** Returns whether the priority was lowered. */
export function lowerThisThreadPriority(nice = TRAINING_THREAD_NICE): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(threadId) || threadId <= 0) return false;
    setPriority(threadId, nice);
    return true;
  } catch {
    return false;
  }
}
