// Where `rnn-lab demo` finds the bundled samples: next to the bundle (dist/cli.js → ../samples), in the repository
// and in an installed package.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { ADDING_SAMPLE, SINE_SAMPLE } from '../lab/lineup/lineupData';
import { CliInputError } from './cliSupport';

/**
 * The samples folder; `override` (tests) wins. Throws a CliInputError naming the path when the files are missing.
 */
export function findSamplesDirectory(override?: string): string {
  const directory = override ?? path.join(__dirname, '..', 'samples');
  for (const file of [ADDING_SAMPLE, SINE_SAMPLE]) {
    if (!existsSync(path.join(directory, file))) {
      throw new CliInputError(
        `demo: the bundled sample ${path.join(directory, file)} is missing; reinstall RNN Lab, or regenerate the samples with "node samples/generate.mjs" in the repository`,
      );
    }
  }
  return directory;
}
