// The items of issue 13 about what is in the data: ±1.7e308, comma decimals, an airline-passengers export with a
// footer, a header without rows, short rows, three columns of one name, a Keras input shape of −30, an overflowing
// grad case.
import { all, inspected, parseJson, says, type TrainJson } from './corpusChecks';
import { type CorpusFolder, seededRandom } from './corpusFiles';
import { gradCaseWith } from './issueCases';
import { atLine, atPath, either, naming, read, refuse, type CaseSpec, type Check } from './corpusTypes';

const TRAIN_SMALL = ['--window', '2', '--hidden', '2', '--epochs', '1', '--quiet', '--json'];

/**
 * ±1.7e308 read correctly, never silently zero: a finite, non-zero loss and a finite, non-zero z-score scale (σ is
 * computed on x / max|x|, so the normalised values are ±1, not 0 or NaN).
 */
const finiteNonZeroLoss: Check = (runs) => {
  const json = parseJson<TrainJson>(runs[0]);
  if (typeof json === 'string') return json;
  if (typeof json.trainLoss !== 'number' || !Number.isFinite(json.trainLoss) || json.trainLoss <= 0) return `trainLoss ${json.trainLoss}`;
  const normalization = json.data['normalization'] as { columns?: { scale?: unknown; offset?: unknown }[] } | undefined;
  const scale = normalization?.columns?.[0]?.scale;
  const offset = normalization?.columns?.[0]?.offset;
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0) return `normalisation scale ${JSON.stringify(scale)}`;
  return typeof offset === 'number' && Number.isFinite(offset) ? undefined : `normalisation offset ${JSON.stringify(offset)}`;
};

/** `inspect` (text, run 1) prints finite statistics of v: min −1.7e+308, max 1.7e+308, a finite mean. */
const finiteStatistics: Check = (runs) => {
  const text = runs[1]?.stdout ?? '';
  if (/NaN|Infinity/.test(text)) return `statistics not finite: ${text.slice(0, 160)}`;
  return /min -1\.7e\+308, max 1\.7e\+308, mean -?\d/.test(text) ? undefined : `no finite min/max/mean of v: ${text.slice(0, 160)}`;
};

function valueCases(folder: CorpusFolder): CaseSpec[] {
  const huge = folder.file('huge-values.csv', 't,v\n' + Array.from({ length: 40 }, (_, t) => `${t},${t % 2 === 0 ? '1.7e308' : '-1.7e308'}`).join('\n') + '\n');
  const decimalsTwoColumns = folder.file('comma-decimal-a-b.csv', 'a,b\n0,14\n0,27\n0,33\n0,41\n');
  const decimalsOneColumn = folder.file('comma-decimal-one-column.csv', 'value\n0,14\n0,27\n1,05\n0,98\n');
  const decimalsExtraField = folder.file('comma-decimal-extra-field.csv', 't,value\n1,0,14\n2,0,27\n3,1,05\n');
  const decimal = /decimal/i;
  return [
    { id: 'values/train-plus-minus-1.7e308', item: '±1.7e308', runs: [['train', huge, '--column', 'v', ...TRAIN_SMALL]], expect: either([naming(huge), /1\.7e\+?308|overflow|too large|finite|range/i], finiteNonZeroLoss, 'a finite non-zero loss and normalisation scale') },
    {
      id: 'values/inspect-plus-minus-1.7e308', item: '±1.7e308', runs: [['inspect', huge, '--json'], ['inspect', huge]],
      expect: either([naming(huge), /1\.7e\+?308|overflow|too large|finite|range/i], all(inspected({ rows: 40, columns: ['t', 'v'], missing: { v: 0 } }), finiteStatistics), '40 rows, finite statistics'),
    },
    { id: 'values/comma-decimal-0,14-two-columns', item: 'comma decimal', runs: [['inspect', decimalsTwoColumns, '--json']], expect: read('a warning about a comma decimal', inspected({ warnings: [decimal] })) },
    { id: 'values/comma-decimal-one-column', item: 'comma decimal', runs: [['inspect', decimalsOneColumn, '--json']], expect: either([atLine(decimalsOneColumn), decimal], inspected({ warnings: [decimal] }), 'a warning about a comma decimal') },
    { id: 'values/comma-decimal-extra-field', item: 'comma decimal', runs: [['inspect', decimalsExtraField, '--json']], expect: either([atLine(decimalsExtraField), decimal], inspected({ warnings: [decimal] }), 'a warning about a comma decimal') },
  ];
}

/** 144 months of an airline-passengers-like series (seeded, growing, seasonal). */
function airlineRows(): string[] {
  const random = seededRandom(1949);
  return Array.from({ length: 144 }, (_, m) => {
    const month = `${1949 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
    const value = Math.round(110 + 2.4 * m + 40 * Math.sin((2 * Math.PI * m) / 12) * (1 + m / 144) + 10 * random());
    return `"${month}",${value}`;
  });
}

function tableCases(folder: CorpusFolder): CaseSpec[] {
  const footer = 'International airline passengers: monthly totals in thousands. Jan 49 ? Dec 60';
  const body = `"Month","Passengers"\n${airlineRows().join('\n')}\n\n${footer}\n`;
  const airline = folder.file('airline-passengers.csv', body);
  const airlineNote = folder.file('airline-passengers-note.csv', `Monthly airline passengers, 1949-1960 (source: a textbook)\n${body}`);
  const headerOnly = folder.file('header-only.csv', 'a,b\n');
  const shortRow = folder.file('short-row.csv', 'a,b\n1,2\n3\n5,6\n');
  const tripleV = folder.file('three-v-columns.csv', 'v,v,v\n1,2,3\n4,5,6\n7,8,9\n10,11,12\n');
  const ambiguous = /ambiguous|duplicate|(3|three) columns|more than one|several columns|shared by columns|which/i;
  const airlineTrain = ['--column', 'Passengers', '--window', '12', '--hidden', '2', '--epochs', '1', '--quiet', '--json'];
  const rows144: Check = (runs) => {
    const json = parseJson<TrainJson>(runs[0]);
    return typeof json === 'string' ? json : json.data.rows === 144 ? undefined : `data.rows ${json.data.rows}`;
  };
  return [
    { id: 'tables/airline-footer-inspect', item: 'airline export with footer', runs: [['inspect', airline, '--json']], expect: read('144 rows, 0 missing, a warning at line 147', inspected({ rows: 144, columns: ['Month', 'Passengers'], missing: { Passengers: 0 }, warnings: [/\b147\b/] })) },
    { id: 'tables/airline-footer-train', item: 'airline export with footer', runs: [['train', airline, ...airlineTrain]], expect: read('144 rows', rows144) },
    { id: 'tables/airline-note-and-footer-inspect', item: 'airline export with footer', runs: [['inspect', airlineNote, '--json']], expect: read('144 rows, header, warnings at lines 1 and 148', inspected({ rows: 144, hasHeader: true, columns: ['Month', 'Passengers'], missing: { Passengers: 0 }, warnings: [/line 1\b/, /\b148\b/] })) },
    { id: 'tables/airline-note-and-footer-train', item: 'airline export with footer', runs: [['train', airlineNote, ...airlineTrain]], expect: read('144 rows', rows144) },
    { id: 'tables/header-only-inspect', item: 'header without data rows', runs: [['inspect', headerOnly, '--json']], expect: read('columns a, b; a warning naming line 1', inspected({ columns: ['a', 'b'], rows: 0, warnings: [/line 1\b/] })) },
    { id: 'tables/header-only-train', item: 'header without data rows', runs: [['train', headerOnly, '--epochs', '1', '--quiet']], expect: refuse([naming(headerOnly), /no data|header|no rows|0 rows/i], [/characters/]) },
    { id: 'tables/short-row-inspect', item: 'row with fewer fields', runs: [['inspect', shortRow, '--json']], expect: read('a warning naming line 3', inspected({ columns: ['a', 'b'], warnings: [/line 3\b/] })) },
    { id: 'tables/short-row-train', item: 'row with fewer fields', runs: [['train', shortRow, '--column', 'b', '--window', '1', '--hidden', '2', '--epochs', '1', '--quiet']], expect: either([atLine(shortRow, 3)], says(/line 3\b/), 'a warning naming line 3') },
    { id: 'tables/three-v-columns-inspect', item: 'three columns named v', runs: [['inspect', tripleV, '--column', 'v', '--json']], expect: either([atLine(tripleV, 1), ambiguous], says(ambiguous), 'explicit disambiguation') },
    { id: 'tables/three-v-columns-train', item: 'three columns named v', runs: [['train', tripleV, '--column', 'v', '--window', '1', '--hidden', '2', '--epochs', '1', '--quiet']], expect: either([atLine(tripleV, 1), ambiguous], says(ambiguous), 'explicit disambiguation') },
  ];
}

function modelCases(folder: CorpusFolder): CaseSpec[] {
  const keras = folder.repoText('test/fixtures/models/keras3-stacked-lstm-forecast.json');
  const minus30 = folder.file('keras-input-minus-30.json', keras.replace(/("batch_shape": \[\s*null,\s*)60/, '$1-30'));
  const gradBase = JSON.parse(folder.repoText('test/fixtures/grad-cases/rnn_T5_I2_H3_O1_mse_last.input.json')) as { targets: unknown };
  const overflowTargets = JSON.stringify(gradBase.targets).replace(/-?\d+(\.\d+)?(e-?\d+)?/g, '1e308');
  const overflow = folder.file('grad-overflow.json', gradCaseWith(folder, 'targets', overflowTargets));
  return [
    { id: 'models/keras-input-shape-minus-30', item: 'Keras input shape −30', runs: [['topology', minus30, '--json']], expect: refuse([atPath(minus30, 'batch_shape'), /-30|negative|positive/i]) },
    { id: 'models/grads-loss-overflow', item: 'grads loss overflow', runs: [['grads', overflow]], expect: refuse([/overflow|not finite|infinit|too large/i]) },
  ];
}

export function issueDataCases(folder: CorpusFolder): CaseSpec[] {
  return [...valueCases(folder), ...tableCases(folder), ...modelCases(folder)];
}
