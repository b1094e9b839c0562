// Mutations of the bundled data samples (samples/*.csv, samples/*.txt): truncations, seeded bit flips, BOMs and
// UTF-16, line-end mixes, quoted newlines, thousands separators, NaN/Infinity literals, `__proto__` column names,
// empty, blank and binary files. A mutation that keeps the table must read as the original does (same rows, names
// and types); one that breaks it must be refused at its line.
import { inspected, sameTableAsOriginal, type InspectFacts } from './corpusChecks';
import { type CorpusFolder, flipBits, lineEnds, randomBytes, truncate, UTF8_BOM, utf16be, utf16le, utf8Bom } from './corpusFiles';
import { atColumn, atJson, atLine, either, naming, read, refuse, type CaseSpec } from './corpusTypes';

const TRAIN = ['--window', '3', '--hidden', '2', '--epochs', '1', '--quiet'];
const EMPTY = /empty|no data|nothing|blank|0 bytes/i;
const BINARY = /binary|not (a )?text|NUL|encoding|UTF|unreadable|control character/i;

function inspectCase(id: string, file: string, expect: CaseSpec['expect']): CaseSpec {
  return { id: `mutation-data/${id}`, item: 'mutation', runs: [['inspect', file, '--json']], expect };
}

/** inspect the original, then the mutation: the same table. */
function sameTable(id: string, original: string, file: string): CaseSpec {
  return { id: `mutation-data/${id}`, item: 'mutation', runs: [['inspect', original, '--json'], ['inspect', file, '--json']], expect: read('the same table as the original', sameTableAsOriginal) };
}

function trainCase(id: string, file: string, extra: readonly string[], expect: CaseSpec['expect']): CaseSpec {
  return { id: `mutation-data/${id}`, item: 'mutation', runs: [['train', file, ...TRAIN, ...extra]], expect };
}

function eitherInspect(file: string, facts?: InspectFacts): CaseSpec['expect'] {
  return either([atLine(file)], facts === undefined ? undefined : inspected(facts));
}

function truncationsAndFlips(folder: CorpusFolder): CaseSpec[] {
  const sine = folder.repoBytes('samples/sine.csv');
  const sentiment = folder.repoBytes('samples/sentiment.csv');
  const story = folder.repoBytes('samples/cuento-del-faro.txt');
  const adding = folder.repoBytes('samples/adding-problem.csv');
  const cases: CaseSpec[] = [];
  for (const fraction of [0.05, 0.33, 0.5, 0.77, 0.999]) {
    const file = folder.file(`sine-truncated-${fraction}.csv`, truncate(sine, fraction));
    cases.push(inspectCase(`sine-truncated-${fraction}`, file, eitherInspect(file, { columns: ['t', 'value'] })));
  }
  for (const fraction of [0.25, 0.5, 0.9]) {
    const file = folder.file(`sentiment-truncated-${fraction}.csv`, truncate(sentiment, fraction));
    cases.push(inspectCase(`sentiment-truncated-${fraction}`, file, eitherInspect(file, { columns: ['text', 'label'] })));
  }
  const addingHalf = folder.file('adding-truncated-0.5.csv', truncate(adding, 0.5));
  cases.push(trainCase('adding-truncated-0.5-train', addingHalf, [], either([atLine(addingHalf)])));
  // cut inside a two-byte UTF-8 character
  const cut = story.indexOf(Buffer.from('á', 'utf8'), story.length >> 1) + 1;
  const storyCut = folder.file('story-cut-mid-character.txt', story.subarray(0, cut));
  cases.push(trainCase('story-cut-mid-character-train', storyCut, [], either([naming(storyCut)])));
  for (const [seed, bits] of [[1, 1], [2, 4], [3, 16], [4, 64]] as const) {
    const file = folder.file(`sine-flip-${seed}-${bits}.csv`, flipBits(sine, seed, bits));
    cases.push(inspectCase(`sine-flip-${bits}-bits-seed-${seed}`, file, eitherInspect(file)));
    cases.push(trainCase(`sine-flip-${bits}-bits-seed-${seed}-train`, file, ['--column', 'value'], either([atLine(file)])));
  }
  const sentimentFlip = folder.file('sentiment-flip.csv', flipBits(sentiment, 5, 8));
  cases.push(inspectCase('sentiment-flip-8-bits', sentimentFlip, eitherInspect(sentimentFlip)));
  const storyFlip = folder.file('story-flip.txt', flipBits(story, 6, 32));
  cases.push(trainCase('story-flip-32-bits-train', storyFlip, [], either([atLine(storyFlip)])));
  return cases;
}

function encodings(folder: CorpusFolder): CaseSpec[] {
  const sineText = folder.repoText('samples/sine.csv');
  const sine = folder.repoPath('samples/sine.csv');
  const bom = folder.file('sine-utf8-bom.csv', utf8Bom(sineText));
  const le = folder.file('sine-utf16le.csv', utf16le(sineText));
  const be = folder.file('sine-utf16be.csv', utf16be(sineText));
  const leNoBom = folder.file('sine-utf16le-no-bom.csv', Buffer.from(sineText, 'utf16le'));
  const onlyBom = folder.file('only-utf8-bom.csv', UTF8_BOM);
  const onlyBom16 = folder.file('only-utf16-bom.csv', Buffer.from([0xff, 0xfe]));
  const doubleBom = folder.file('double-bom.csv', Buffer.concat([UTF8_BOM, utf8Bom('t,value\n1,2\n3,4\n')]));
  const latin1 = folder.file('latin1-names.csv', Buffer.from('nombre,valor\ncaf\xe9,1\nni\xf1o,2\nca\xf1a,3\n', 'latin1'));
  return [
    sameTable('sine-utf8-bom', sine, bom),
    trainCase('sine-utf8-bom-train', bom, ['--column', 't'], read('column t found', () => undefined)),
    // UTF-16 with a BOM: read as the original, or refused naming the encoding
    { ...sameTable('sine-utf16le', sine, le), expect: either([naming(le), /UTF-16/], sameTableAsOriginal) },
    { ...sameTable('sine-utf16be', sine, be), expect: either([naming(be), /UTF-16/], sameTableAsOriginal) },
    inspectCase('sine-utf16le-without-bom', leNoBom, either([naming(leNoBom), /UTF-16|encoding|NUL|binary/i], inspected({ rows: 1000, columns: ['t', 'value'] }))),
    inspectCase('only-utf8-bom', onlyBom, refuse([naming(onlyBom), EMPTY])),
    trainCase('only-utf8-bom-train', onlyBom, [], refuse([naming(onlyBom), EMPTY])),
    inspectCase('only-utf16-bom', onlyBom16, refuse([naming(onlyBom16), /empty|no data|nothing|UTF-16/i])),
    inspectCase('double-utf8-bom', doubleBom, either([atLine(doubleBom)], inspected({ rows: 2, columns: ['t', 'value'] }))),
    inspectCase('latin1-text', latin1, either([atLine(latin1)], inspected({ rows: 3, columnCount: 2 }))),
  ];
}

function lineEndMixes(folder: CorpusFolder): CaseSpec[] {
  const sine = folder.repoPath('samples/sine.csv');
  const sentiment = folder.repoPath('samples/sentiment.csv');
  const sineText = folder.repoText('samples/sine.csv');
  const sentimentText = folder.repoText('samples/sentiment.csv');
  const cases: CaseSpec[] = [];
  const variants: [string, string[]][] = [['crlf', ['\r\n']], ['cr', ['\r']], ['lf-cr-crlf', ['\n', '\r', '\r\n']], ['crlf-lf', ['\r\n', '\n']]];
  for (const [label, ends] of variants) {
    cases.push(sameTable(`sine-${label}`, sine, folder.file(`sine-ends-${label}.csv`, lineEnds(sineText, ends))));
    cases.push(sameTable(`sentiment-${label}`, sentiment, folder.file(`sentiment-ends-${label}.csv`, lineEnds(sentimentText, ends))));
  }
  cases.push(sameTable('sine-no-final-newline', sine, folder.file('sine-no-final-newline.csv', sineText.trimEnd())));
  cases.push(sameTable('sine-trailing-blank-lines', sine, folder.file('sine-trailing-blank-lines.csv', sineText + '\n\n\n\r\n')));
  const crcrlf = folder.file('sine-cr-crlf.csv', lineEnds(sineText, ['\r\r\n']));
  cases.push(inspectCase('sine-cr-cr-lf', crcrlf, eitherInspect(crcrlf, { rows: 1000, columns: ['t', 'value'] })));
  return cases;
}

function quotingAndNumbers(folder: CorpusFolder): CaseSpec[] {
  const quoted = folder.file('quoted-newlines.csv', 'text,label\n"line one\nline two",pos\n"a, b\r\nc",neg\n"say ""hi""\nthere",pos\n');
  const quotedCr = folder.file('quoted-newlines-cr.csv', 'text,label\r"one\rtwo",pos\r"x",neg\r');
  const unclosed = folder.file('unclosed-quote-at-end.csv', 'text,label\n"fine",pos\n"never closed,neg\n');
  const thousands = folder.file('thousands-quoted.csv', 'month,sales\n1,"1,234"\n2,"2,345.5"\n3,"12,000"\n4,"999"\n');
  const european = folder.file('thousands-european.csv', 'month;sales\n1;1.234,5\n2;2.345,0\n3;12.000,25\n');
  const spaced = folder.file('thousands-spaced.csv', 'month,sales\n1,1 234\n2,2 345\n3,12 000\n');
  const thousandsExpect = (file: string): CaseSpec['expect'] => either([atColumn(file)], inspected({ rows: 3, columnCount: 2, missing: { sales: 0 } }));
  return [
    inspectCase('quoted-newlines', quoted, read('3 rows, 2 columns', inspected({ rows: 3, columns: ['text', 'label'] }))),
    inspectCase('quoted-newlines-cr-only', quotedCr, read('2 rows, 2 columns', inspected({ rows: 2, columns: ['text', 'label'] }))),
    inspectCase('unclosed-quote-at-end', unclosed, refuse([atLine(unclosed, 3)])),
    inspectCase('thousands-quoted-1,234', thousands, either([atColumn(thousands)], inspected({ rows: 4, columns: ['month', 'sales'], missing: { sales: 0 } }))),
    inspectCase('thousands-european-1.234,5', european, thousandsExpect(european)),
    inspectCase('thousands-spaced-1-234', spaced, thousandsExpect(spaced)),
  ];
}

function literals(folder: CorpusFolder): CaseSpec[] {
  const cases: CaseSpec[] = [];
  const refused = ['NaN', 'nan', 'Infinity', '-Infinity', 'inf', '1e400', '-1e400'];
  const eitherWay = ['0x1F', '1_000', '+5', '.5', '5.', '1e-400'];
  for (const literal of [...refused, ...eitherWay]) {
    const slug = literal.replace(/[^a-zA-Z0-9+-]/g, '_');
    const file = folder.file(`literal-${slug}.csv`, `t,value\n0,1\n1,${literal}\n2,3\n3,4\n`);
    const expect = refused.includes(literal) ? refuse([atLine(file, 3), /finite|NaN|infinit|too large|overflow|range/i]) : either([atLine(file, 3)], inspected({ rows: 4, missing: { value: 0 } }));
    cases.push(inspectCase(`csv-literal-${slug}`, file, expect));
  }
  for (const [label, text] of [['NaN', '[1, NaN, 3]'], ['Infinity', '[1, Infinity, 3]'], ['1e400', '[1, 1e400, 3]'], ['-Infinity', '{"series": [1, -Infinity]}']] as const) {
    const file = folder.file(`json-literal-${label}.json`, text);
    cases.push(inspectCase(`json-literal-${label}`, file, refuse([atJson(file)])));
  }
  return cases;
}

function oddFiles(folder: CorpusFolder): CaseSpec[] {
  const empty = folder.file('empty.csv', '');
  const blank = folder.file('blank-lines.csv', '  \n\n \t\n\r\n');
  const binary = folder.file('garbage.bin.csv', randomBytes(99, 4096));
  const png = folder.file('image.png.csv', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(98, 2000)]));
  const nul = folder.file('sine-with-nul.csv', folder.repoText('samples/sine.csv').replace('\n5,', '\n5\u0000,'));
  const proto = folder.file('proto-columns.csv', '__proto__,constructor,toString\n1,2,3\n4,5,6\n7,8,9\n');
  const protoJson = folder.file('proto-records.json', JSON.stringify([1, 2, 3, 4].map((i) => ({ a: i }))).replace(/\{/g, '{"__proto__": 7, "constructor": 8, '));
  const longLine = folder.file('one-long-line.txt', 'a'.repeat(1_000_000));
  const commas = folder.file('only-commas.csv', ',\n'.repeat(100_000));
  const longName = folder.file('long-column-name.csv', `${'n'.repeat(10_000)},b\n1,2\n3,4\n`);
  return [
    inspectCase('empty-file', empty, refuse([naming(empty), EMPTY])),
    trainCase('empty-file-train', empty, [], refuse([naming(empty), EMPTY])),
    inspectCase('blank-lines-only', blank, refuse([naming(blank), EMPTY])),
    inspectCase('binary-garbage', binary, refuse([naming(binary), BINARY])),
    trainCase('binary-garbage-train', binary, [], refuse([naming(binary), BINARY])),
    inspectCase('png-header', png, refuse([naming(png), BINARY])),
    inspectCase('nul-byte-in-csv', nul, either([naming(nul), /:7\b|line 7\b|byte \d+/], inspected({ columns: ['t', 'value'] }))),
    inspectCase('proto-constructor-column-names', proto, read('3 columns named __proto__, constructor, toString', inspected({ rows: 3, columns: ['__proto__', 'constructor', 'toString'] }))),
    trainCase('proto-column-train', proto, ['--column', '__proto__', '--window', '1'], either([atLine(proto)])),
    inspectCase('proto-keys-json-records', protoJson, either([atJson(protoJson)], inspected({ rows: 4 }))),
    inspectCase('one-line-of-1MB', longLine, either([naming(longLine)])),
    trainCase('one-line-of-1MB-train', longLine, [], either([naming(longLine)])),
    inspectCase('only-commas-1e5-lines', commas, either([naming(commas)])),
    inspectCase('column-name-of-10k-characters', longName, read('2 rows, 2 columns', inspected({ rows: 2, columnCount: 2 }))),
  ];
}

export function dataMutationCases(folder: CorpusFolder): CaseSpec[] {
  return [...truncationsAndFlips(folder), ...encodings(folder), ...lineEndMixes(folder), ...quotingAndNumbers(folder), ...literals(folder), ...oddFiles(folder)];
}
