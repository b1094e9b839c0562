// Turns a topic's experiment into exactly what to do: a command call with sample paths made absolute under the
// extension's samples/ folder (commands such as Train on File take paths), or a sample file to open. Pure
// (node:path only), so unit tests check every experiment without VS Code.
import * as path from 'node:path';
import type { LectureExperiment } from './lectureTopics';

export type ResolvedExperiment =
  | {
      readonly kind: 'command';
      readonly command: string;
      /** The single argument passed to the command; undefined when the command takes none. */
      readonly argument: Readonly<Record<string, unknown>> | undefined;
      /** Absolute paths of the samples the experiment reads (the caller checks they exist). */
      readonly samplePaths: readonly string[];
    }
  | { readonly kind: 'openSample'; readonly samplePaths: readonly [string] };

/** A path under samples/ (forward slashes), made absolute; anything that would leave samples/ is refused. */
export function samplePath(samplesFolder: string, relative: string): string {
  const normalised = path.posix.normalize(relative);
  if (relative === '' || path.posix.isAbsolute(normalised) || normalised === '..' || normalised.startsWith('../')) {
    throw new Error(`The sample "${relative}" is not inside samples/`);
  }
  return path.join(samplesFolder, ...normalised.split('/'));
}

/** `samplesFolder` is the absolute path of the extension's samples/ folder. */
export function resolveExperiment(experiment: LectureExperiment, samplesFolder: string): ResolvedExperiment {
  if (experiment.kind === 'openSample') return { kind: 'openSample', samplePaths: [samplePath(samplesFolder, experiment.sample)] };
  const resolved = Object.entries(experiment.samples ?? {}).map(([field, relative]) => [field, samplePath(samplesFolder, relative)] as const);
  const argument =
    experiment.args === undefined && resolved.length === 0 ? undefined : { ...(experiment.args ?? {}), ...Object.fromEntries(resolved) };
  return { kind: 'command', command: experiment.command, argument, samplePaths: resolved.map(([, absolute]) => absolute) };
}
