// `rnn-lab sample MODEL.json [--length N] [--temperature T] [--prime TEXT] [--seed S]` — text from a character model
// saved by `rnn-lab train FILE.txt --save MODEL.json` or by the editor (a run's model.json): the prime is read first,
// then each next character is drawn from softmax(ŷ/T) (docs/maths.md "Losses"), seeded, greedy (argmax) as T → 0.
// The same sampler as the training panel's "Text sample" card (engine/sampling.ts).
import { FileReadError, readTextFile } from '../../node/nodePlatform';
import { CliInputError, CliUsageError, type CliCommand } from '../cliSupport';
import { booleanFlag, integerFlag, numberFlag, parseFlags, requirePositionals, stringFlag } from '../flags';
import { GREEDY_TEMPERATURE, MAX_SAMPLE_LENGTH, MAX_TEMPERATURE, SamplingError, sampleText } from '../../engine/sampling';
import { characterModelFromFile } from '../../modelFiles/characterModelFile';
import { parseModel } from '../../modelFiles/modelJson';

const DEFAULTS = { length: 200, temperature: 1, prime: '', seed: 1 } as const;

const FLAGS = {
  length: { type: 'string', accepts: `an integer 1–${MAX_SAMPLE_LENGTH}` },
  temperature: { type: 'string', accepts: `a number greater than 0 and at most ${MAX_TEMPERATURE}` },
  prime: { type: 'string', accepts: 'text read before sampling starts' },
  seed: { type: 'string', accepts: 'an integer' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

const HELP = `Usage: rnn-lab sample MODEL.json [--length N] [--temperature T] [--prime TEXT] [--seed S] [--json]

Writes text drawn from a character-level model (trained on plain text: \`rnn-lab train FILE.txt --save MODEL.json\`,
or a run's model.json saved by the editor). The model reads the prime, then draws one character at a time from
softmax(ŷ / T); the same seed gives the same text.

  --length N        characters to draw, 1–${MAX_SAMPLE_LENGTH} (default ${DEFAULTS.length})
  --temperature T   T > 0: below 1 more conservative, above 1 more varied; T ≤ ${GREEDY_TEMPERATURE} is greedy (argmax)
                    (default ${DEFAULTS.temperature})
  --prime TEXT      read before sampling; characters the model never saw are skipped and named on stderr
  --seed S          seed of the draws (default ${DEFAULTS.seed})
  --json            print { text, prime, temperature, seed, greedy, skippedPrimeCharacters } instead of the text
`;

export function sampleCommand(): CliCommand {
  return { summary: 'write text with a character-level model (temperature, prime, seed)', run: runSample };
}

async function runSample(args: readonly string[]): Promise<number> {
  const flags = parseFlags('sample', args, FLAGS);
  if (booleanFlag(flags, 'help')) {
    process.stdout.write(HELP);
    return 0;
  }
  const [path] = requirePositionals('sample', flags, ['MODEL.json']) as [string];
  const length = integerFlag(flags, 'length', 1, MAX_SAMPLE_LENGTH) ?? DEFAULTS.length;
  const temperature = numberFlag(flags, 'temperature', 0, MAX_TEMPERATURE, { exclusiveMin: true }) ?? DEFAULTS.temperature;
  const seed = integerFlag(flags, 'seed', -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER) ?? DEFAULTS.seed;
  const prime = stringFlag(flags, 'prime') ?? DEFAULTS.prime;
  let text: string;
  try {
    text = await readTextFile(path);
  } catch (error) {
    // Not a regular file, or over 64 MB: `MODEL.json: this is a folder, not a file` (src/node/nodePlatform.ts).
    if (error instanceof FileReadError) throw new CliInputError(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliInputError(`${path}: cannot read the model file (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(code)})`);
  }
  try {
    const model = characterModelFromFile(parseModel(text, path));
    const sample = sampleText(model, { prime, length, temperature, seed, unknownPrimeCharacters: 'skip' });
    if (sample.skippedPrimeCharacters.length > 0) {
      process.stderr.write(`skipped prime characters the model never saw: ${sample.skippedPrimeCharacters.map((c) => JSON.stringify(c)).join(' ')}\n`);
    }
    if (booleanFlag(flags, 'json')) {
      process.stdout.write(`${JSON.stringify({ text: sample.text, prime, temperature, seed, greedy: sample.greedy, skippedPrimeCharacters: sample.skippedPrimeCharacters })}\n`);
    } else {
      process.stdout.write(`${prime}${sample.text}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof SamplingError) {
      // "model: not a character model …" or a vocabulary problem: the file, not the flags
      const hint = error.field === 'model' || error.field.startsWith('training.') ? ' Sample from a model trained on plain text (rnn-lab train FILE.txt --save MODEL.json).' : '';
      throw new CliInputError(`${path}: ${error.message}.${hint}`);
    }
    if (error instanceof Error && error.name === 'ModelFormatError') throw new CliInputError(error.message);
    if (error instanceof CliUsageError) throw error;
    throw error;
  }
}
