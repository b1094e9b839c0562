// `rnn-lab topology FILE [--json]`: the lecture topology of a model file (*.rnn.json, Keras model.to_json(),
// TensorFlow.js model.json). With --json prints exactly {topology, example, inputLength, outputLength, cells, reason}.
// A file that cannot be read or is not valid JSON: `FILE:line:column: message` on stderr, exit 2.
import { FileReadError, readTextFile } from '../../node/nodePlatform';
import { CliUsageError, type CliCommand } from '../cliSupport';
import { booleanFlag, parseFlags, requirePositionals } from '../flags';
import { LECTURE_TOPOLOGIES } from '../../modelFiles/lectureTopologies';
import { recognizeTopology } from '../../modelFiles/recognizeTopology';
import { formatLineColumn } from '../../modelFiles/json/sourcePositions';
import { topologySummary, type TopologyRecognition } from '../../modelFiles/topologyRecognition';

const FLAGS = {
  json: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

const HELP = `Usage: rnn-lab topology FILE [--json]

Names the lecture topology of the model in FILE: an RNN Lab *.rnn.json, a Keras model.to_json() (Keras 1, 2,
tf.keras, Keras 3) or a TensorFlow.js model.json.

  --json   print {topology, example, inputLength, outputLength, cells, reason} (topology null when undecidable)
`;

export function topologyCommand(): CliCommand {
  return {
    summary: 'name the lecture topology of a *.rnn.json, Keras or TF.js model file',
    async run(args: readonly string[]): Promise<number> {
      const flags = parseFlags('topology', args, FLAGS);
      if (booleanFlag(flags, 'help')) {
        process.stdout.write(HELP);
        return 0;
      }
      const [file = ''] = requirePositionals('topology', flags, ['FILE']);
      let text: string;
      try {
        text = await readTextFile(file);
      } catch (error) {
        // Not a regular file, or over the size limit: `FILE: what it is` (src/node/nodePlatform.ts).
        if (error instanceof FileReadError) {
          process.stderr.write(`${error.message}\n`);
          return 2;
        }
        return reportInputError(file, '1:1', `cannot read the file: ${describeReadError(error)}`);
      }
      const recognition = recognizeTopology(text, { fileName: file });
      if (recognition.error !== null) {
        const what = recognition.error.kind === 'shape' ? 'invalid model' : 'malformed JSON';
        return reportInputError(file, formatLineColumn(recognition.error.range.start), `${what}: ${recognition.error.message}`);
      }
      process.stdout.write(booleanFlag(flags, 'json') ? `${JSON.stringify(topologySummary(recognition), null, 2)}\n` : humanReadable(recognition));
      return 0;
    },
  };
}

/** `file:line:column: message` (the editor-clickable form), exit code 2. */
function reportInputError(file: string, lineColumn: string, message: string): number {
  process.stderr.write(`${file}:${lineColumn}: ${message}\n`);
  return 2;
}

function describeReadError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory, not a file';
  if (code === 'EACCES') return 'permission denied';
  if (error instanceof CliUsageError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

function humanReadable(recognition: TopologyRecognition): string {
  const lines: string[] = [];
  if (recognition.topology === null) {
    lines.push('topology: cannot be decided');
  } else {
    const entry = LECTURE_TOPOLOGIES[recognition.topology];
    lines.push(`${recognition.topology} · ${entry.example} (${entry.shape})`);
  }
  const steps = (n: number | null): string => (n === null ? 'unknown' : String(n));
  lines.push(`  input length:  ${steps(recognition.inputLength)}`);
  lines.push(`  output length: ${steps(recognition.outputLength)}`);
  lines.push(`  cells:         ${recognition.cells.length === 0 ? 'none' : recognition.cells.join(', ')}`);
  if (recognition.format !== null) lines.push(`  format:        ${recognition.format}`);
  lines.push(`  reason:        ${recognition.reason}`);
  return `${lines.join('\n')}\n`;
}
