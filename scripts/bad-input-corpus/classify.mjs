#!/usr/bin/env node
// Runs the bad-input corpus of issue 13 (two cases at a time, each through `node --max-old-space-size=1400
// dist/cli.js`, 10 s each) and prints a markdown table: per category, how many cases ended in each class (refusal
// with / without location, correct / wrong reading, crash, hang, OOM), then the failing case ids by issue item.
//
//   node scripts/bad-input-corpus/classify.mjs [--only PREFIX] [--concurrency N] [--json FILE] [--keep]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cli, loadCorpusModules, requireCli, root } from './loadCorpus.mjs';

const argv = process.argv.slice(2);
const option = (name) => {
  const index = argv.indexOf(name);
  return index < 0 ? undefined : argv[index + 1];
};
const only = option('--only');
const concurrency = Number(option('--concurrency') ?? 2);
const jsonFile = option('--json');
const keep = argv.includes('--keep');

requireCli();
const { buildCorpus, startCorpus, OUTCOME_CLASSES } = await loadCorpusModules();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-corpus-'));
const corpus = buildCorpus(dir, root, cli);
const cases = corpus.cases.filter((item) => only === undefined || item.id.startsWith(only));
const started = Date.now();
const promises = startCorpus(corpus, concurrency, cases);
const outcomes = [];
for (const item of cases) {
  const outcome = await promises.get(item.id);
  outcomes.push(outcome);
  process.stderr.write(`${outcome.passed ? 'ok  ' : 'FAIL'} ${outcome.id} (${Math.round(outcome.ms)} ms): ${outcome.outcome}${outcome.passed ? '' : ` — ${outcome.detail.slice(0, 200)}`}\n`);
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (!keep) fs.rmSync(dir, { recursive: true, force: true });

const short = {
  'refusal with location': 'refused, located',
  'refusal without location': 'refused, not located',
  'correct reading': 'read correctly',
  'wrong reading': 'read wrongly',
  'crash / stack trace': 'crash',
  'hang / timeout': 'hang',
  OOM: 'OOM',
};
const categories = [...new Set(outcomes.map((outcome) => outcome.category))];
const lines = [];
lines.push(`${outcomes.length} cases, ${outcomes.filter((outcome) => outcome.passed).length} pass, ${outcomes.filter((outcome) => !outcome.passed).length} fail (${seconds} s, concurrency ${concurrency})`, '');
lines.push(`| category | cases | pass | ${OUTCOME_CLASSES.map((name) => short[name]).join(' | ')} |`);
lines.push(`|---|---:|---:|${OUTCOME_CLASSES.map(() => '---:').join('|')}|`);
const row = (label, list) => {
  const counts = OUTCOME_CLASSES.map((name) => list.filter((outcome) => outcome.outcome === name).length || '·');
  return `| ${label} | ${list.length} | ${list.filter((outcome) => outcome.passed).length} | ${counts.join(' | ')} |`;
};
for (const category of categories) lines.push(row(category, outcomes.filter((outcome) => outcome.category === category)));
lines.push(row('**all**', outcomes), '');
lines.push('The class counts every case, failing or not: a refusal without location, a wrong reading, a crash, a hang or OOM always fails; a located refusal fails where a reading was expected, a reading fails where a refusal was expected.', '');
const failing = outcomes.filter((outcome) => !outcome.passed);
if (failing.length > 0) {
  lines.push('Failing cases by issue item:', '');
  for (const item of [...new Set(failing.map((outcome) => outcome.item))]) {
    const ids = failing.filter((outcome) => outcome.item === item);
    lines.push(`- **${item}** (${ids.length}): ${ids.map((outcome) => `\`${outcome.id}\` (${short[outcome.outcome]})`).join(', ')}`);
  }
  lines.push('');
}
process.stdout.write(lines.join('\n'));
if (jsonFile !== undefined) fs.writeFileSync(jsonFile, JSON.stringify({ seconds: Number(seconds), outcomes }, null, 2));
