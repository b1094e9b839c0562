// The items of issue 13 that are about the shape of the input: deep nesting, devices/FIFOs/folders, sizes, line ends,
// the echo state network and truncated BPTT.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as childProcess from 'node:child_process';
import { all, inspected, sameLosses, says, trained } from './corpusChecks';
import { type CorpusFolder, lineEnds, nested, seededRandom } from './corpusFiles';
import { atColumn, atJson, atLine, either, naming, read, refuse, type CaseSpec } from './corpusTypes';

const NEST = /nest|deep|depth|levels/i;

/** A grad case with its `inputs` replaced by raw JSON text. */
export function gradCaseWith(folder: CorpusFolder, key: string, rawJson: string): string {
  const base = JSON.parse(folder.repoText('test/fixtures/grad-cases/rnn_T5_I2_H3_O1_mse_last.input.json')) as Record<string, unknown>;
  return JSON.stringify({ ...base, [key]: '__RAW__' }).replace('"__RAW__"', rawJson);
}

function nestingCases(folder: CorpusFolder): CaseSpec[] {
  const cases: CaseSpec[] = [];
  for (const [label, depth] of [['1e5', 100_000], ['5000', 5000], ['3000', 3000]] as const) {
    const data = folder.file(`nested-${label}.json`, () => nested(depth));
    const grad = folder.file(`nested-${label}.grad.json`, () => gradCaseWith(folder, 'inputs', nested(depth)));
    const item = 'deeply nested JSON';
    // 1e5 levels are refused; 3,000 and 5,000 levels may be refused (with a position) or read, but never crash
    const expect = depth === 100_000 ? refuse([atJson(data), NEST]) : either([atJson(data)]);
    cases.push({ id: `nesting/inspect-${label}`, item, runs: [['inspect', data, '--json']], expect });
    cases.push({ id: `nesting/train-${label}`, item, runs: [['train', data, '--epochs', '1', '--quiet']], expect });
    cases.push({ id: `nesting/topology-${label}`, item, runs: [['topology', data, '--json']], expect: refuse([atColumn(data)]) });
    cases.push({ id: `nesting/grads-${label}`, item, runs: [['grads', grad]], expect: refuse([new RegExp(`${grad}:\\d+:\\d+|inputs`)]) });
  }
  return cases;
}

function specialFileCases(folder: CorpusFolder): CaseSpec[] {
  const fifo = folder.make('named-queue.q', (full) => {
    childProcess.spawnSync('mkfifo', [full]);
  });
  const dir = folder.make('plain.d', (full) => fs.mkdirSync(full));
  const model = characterModel(folder);
  const item = 'devices, FIFOs, folders';
  const kinds: [string, string, RegExp[], RegExp[]][] = [
    ['dev-zero', '/dev/zero', [naming('/dev/zero'), /device|not a (regular )?file|special|too large|bytes|MB/i], [/folder|directory/i]],
    ['fifo', fifo, [naming(fifo), /FIFO|pipe|not a (regular )?file|special/i], [/folder|directory/i]],
    ['folder', dir, [naming(dir), /folder|directory/i], []],
    ['missing', 'no-such-file.csv', [naming('no-such-file.csv'), /no such|not found|does not exist|cannot (read|find|open)/i], []],
  ];
  const cases: CaseSpec[] = [];
  for (const [label, file, message, forbid] of kinds) {
    const commands: [string, string[]][] = [
      ['topology', ['topology', file, '--json']],
      ['inspect', ['inspect', file, '--json']],
      ['train', ['train', file, '--epochs', '1', '--quiet']],
      ['grads', ['grads', file]],
      ['sample', ['sample', file]],
    ];
    for (const [command, args] of commands) cases.push({ id: `special/${command}-${label}`, item, runs: [args], expect: refuse(message, forbid) });
  }
  cases.push({ id: 'special/sample-sane-model', item, runs: [['sample', model, '--length', '5', '--seed', '1']], expect: read('a character model samples', says(/\S/)) });
  return cases;
}

/** A small character-level model for `rnn-lab sample`, trained once on the bundled story. */
export function characterModel(folder: CorpusFolder): string {
  const name = 'char-model.json';
  if (folder.names().includes(name)) return name;
  return folder.cliMake(name, (full) => ['train', folder.repoPath('samples/cuento-del-faro.txt'), '--epochs', '1', '--hidden', '4', '--window', '8', '--quiet', '--save', full]);
}

function sizeCases(folder: CorpusFolder): CaseSpec[] {
  const digits = folder.file('ten-million-digits.txt', () => {
    const random = seededRandom(7);
    const bytes = Buffer.alloc(20_000_000);
    for (let i = 0; i < bytes.length; i += 2) {
      bytes[i] = 48 + Math.floor(random() * 10);
      bytes[i + 1] = 10;
    }
    return bytes;
  });
  const numbers = Array.from({ length: 20_000 }, (_, i) => (Math.sin(i / 10) * 100).toFixed(2));
  const oneLine = folder.file('one-line-120k.csv', () => numbers.join(',') + '\n');
  const oneLineSpaces = folder.file('one-line-120k.txt', () => numbers.join(' '));
  const wide = folder.file('columns-1e5.csv', () => {
    const header = Array.from({ length: 100_000 }, (_, i) => `c${i + 1}`).join(',');
    const row = (r: number): string => Array.from({ length: 100_000 }, (_, i) => String((i * 7 + r) % 10)).join(',');
    return [header, row(1), row(2), row(3)].join('\n') + '\n';
  });
  const noData = /there is no data|no data/i;
  const sine = folder.repoPath('samples/sine.csv');
  return [
    {
      id: 'size/train-1e7-digit-lines', item: '10⁷ one-digit lines', runs: [['train', digits, '--hidden', '2', '--window', '2', '--epochs', '1', '--quiet', '--json']],
      expect: either([naming(digits), /MB|too (large|big|many)|size|limit/i], trained({ rows: 10_000_000 }), '10⁷ rows read and trained'),
    },
    { id: 'size/inspect-1e7-digit-lines', item: '10⁷ one-digit lines', runs: [['inspect', digits, '--json']], expect: either([naming(digits), /MB|too (large|big|many)|size|limit/i], inspected({ rows: 10_000_000, columnCount: 1 }), '10⁷ rows') },
    { id: 'size/train-hidden-2048-lstm-4-layers', item: 'memory estimate', runs: [['train', sine, '--hidden', '2048', '--layers', '4', '--cell', 'lstm', '--epochs', '1', '--quiet']], expect: refuse([/--hidden\b/, /\b512\b/]) },
    { id: 'size/train-hidden-512-lstm-4-layers', item: 'memory estimate', runs: [['train', sine, '--hidden', '512', '--layers', '4', '--cell', 'lstm', '--epochs', '1', '--quiet']], expect: refuse([/\d\s*(MB|GB|MiB|GiB)\b/]) },
    { id: 'size/inspect-one-line-120kB', item: 'one-line list, 10⁵ columns', runs: [['inspect', oneLine, '--json']], expect: read('20,000 values', all(inspected({ minValues: 20_000 }), says(noData, 0, true))) },
    { id: 'size/inspect-one-line-120kB-spaces', item: 'one-line list, 10⁵ columns', runs: [['inspect', oneLineSpaces, '--json']], expect: read('20,000 values', all(inspected({ minValues: 20_000 }), says(noData, 0, true))) },
    { id: 'size/train-one-line-120kB', item: 'one-line list, 10⁵ columns', runs: [['train', oneLine, '--window', '5', '--hidden', '2', '--epochs', '1', '--quiet', '--json']], expect: either([atLine(oneLine)], trained({}), 'trained', [noData]) },
    { id: 'size/inspect-columns-1e5', item: 'one-line list, 10⁵ columns', runs: [['inspect', wide, '--json']], expect: either([naming(wide), /\b10,?000\b/], inspected({ rows: 3, columnCount: 100_000, hasHeader: true }), '3 rows × 100,000 columns') },
    { id: 'size/train-columns-1e5', item: 'one-line list, 10⁵ columns', runs: [['train', wide, '--column', 'c2', '--window', '1', '--hidden', '2', '--epochs', '1', '--quiet']], expect: either([naming(wide)], undefined, undefined, [noData]) },
  ];
}

function lineEndCases(folder: CorpusFolder): CaseSpec[] {
  const sineText = folder.repoText('samples/sine.csv');
  const crOnly = folder.file('cr-only.csv', 'a,b\r1,2\r3,4\r');
  const mixed = folder.file('mixed-ends.csv', 'a,b\n1,2\r3,4\r\n5,6\n');
  const sineCr = folder.file('sine-cr.csv', lineEnds(sineText, ['\r']));
  const sineMixed = folder.file('sine-mixed.csv', lineEnds(sineText, ['\n', '\r', '\r\n']));
  const item = 'CR-only and mixed line ends';
  const trainArgs = ['--column', 'value', '--window', '5', '--hidden', '2', '--epochs', '1', '--quiet', '--json'];
  return [
    { id: 'line-ends/inspect-cr-only', item, runs: [['inspect', crOnly, '--json']], expect: read('2 columns a, b; 2 rows; header', inspected({ rows: 2, columns: ['a', 'b'], hasHeader: true })) },
    { id: 'line-ends/inspect-mixed', item, runs: [['inspect', mixed, '--json']], expect: read('2 columns a, b; 3 rows', inspected({ rows: 3, columns: ['a', 'b'], hasHeader: true })) },
    { id: 'line-ends/train-sine-cr-only', item, runs: [['train', sineCr, ...trainArgs]], expect: read('1000 rows', trained({ rows: 1000 })) },
    { id: 'line-ends/train-sine-mixed', item, runs: [['train', sineMixed, ...trainArgs]], expect: read('1000 rows', trained({ rows: 1000 })) },
  ];
}

function esnAndTbpttCases(folder: CorpusFolder): CaseSpec[] {
  const random = seededRandom(3);
  const esn = folder.file('noisy-sine-40.csv', () => 't,value\n' + Array.from({ length: 40 }, (_, t) => `${t},${(Math.sin(0.3 * t) + 0.1 * (random() - 0.5)).toFixed(4)}`).join('\n') + '\n');
  const esnArgs = ['train', esn, '--cell', 'esn', '--window', '5', '--reservoir', '8', '--seed', '1', '--quiet'];
  const saved = 'esn-model.saved.json';
  const savedExists = (): string | undefined => (fs.existsSync(path.join(folder.dir, saved)) ? undefined : `${saved} not written`);
  const sine = folder.repoPath('samples/sine.csv');
  const base = ['train', sine, '--window', '20', '--hidden', '4', '--epochs', '2', '--seed', '1', '--json', '--quiet'];
  return [
    { id: 'esn/train-40-rows', item: 'ESN on 40 rows', runs: [esnArgs], expect: read('exit 0', () => undefined) },
    { id: 'esn/train-40-rows-save', item: 'ESN on 40 rows', runs: [[...esnArgs, '--save', saved]], expect: read('the model file is written', savedExists) },
    { id: 'tbptt/19-20-differs-from-2-2', item: 'TBPTT', runs: [[...base, '--tbptt', '19,20'], [...base, '--tbptt', '2,2']], expect: read('lossPerEpoch differ', sameLosses(0, 1, false)) },
    { id: 'tbptt/20-20-equals-full-bptt', item: 'TBPTT', runs: [[...base, '--tbptt', '20,20'], base], expect: read('lossPerEpoch identical', sameLosses(0, 1, true)) },
  ];
}

export function issueShapeCases(folder: CorpusFolder): CaseSpec[] {
  return [...nestingCases(folder), ...specialFileCases(folder), ...sizeCases(folder), ...lineEndCases(folder), ...esnAndTbpttCases(folder)];
}
