// Runs corpus cases through `node --max-old-space-size=1400 dist/cli.js …` (10 s each, peak memory measured) and
// puts each outcome in one class: a refusal with or without its location, a correct or a wrong reading, a crash, a
// hang or running out of memory.
import * as childProcess from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Corpus } from './corpus';
import type { CorpusCase, Outcome, OutcomeClass, RunResult } from './corpusTypes';

export const TIME_LIMIT_MS = 10_000;
/** 1.5 GB in kB. */
export const MEMORY_LIMIT_KB = 1.5 * 1024 * 1024;
const OUTPUT_LIMIT = 8 * 1024 * 1024;

const STACK_TRACE = /\n\s+at \S|^\s+at .*:\d+:\d+\)?$/m;
const CRASH_WORDS = /TypeError|RangeError|ReferenceError|Maximum call stack|FATAL ERROR|Unhandled|Error: .*\n\s+at /;
const OUT_OF_MEMORY = /heap out of memory|Allocation failed|ERR_STRING_TOO_LONG|Cannot create a string longer|Array buffer allocation failed/i;

/** Records the process's peak memory when it exits (loaded with `-r` before dist/cli.js). */
const PRELOAD = `const fs = require('node:fs');
process.on('exit', () => { try { fs.writeFileSync(process.env.RNN_CORPUS_RSS_FILE, String(process.resourceUsage().maxRSS)); } catch {} });
`;

/** Peak resident memory of a running process (Linux), read before it is killed. */
function peakFromProc(pid: number | undefined): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match === null ? undefined : Number(match[1]);
  } catch {
    return undefined;
  }
}

export function runCli(corpus: Corpus, args: readonly string[], timeoutMs = TIME_LIMIT_MS, tag = 'run'): Promise<RunResult> {
  const dir = corpus.folder.dir;
  const preload = path.join(dir, '.corpus-preload.cjs');
  if (!fs.existsSync(preload)) fs.writeFileSync(preload, PRELOAD);
  const rssFile = path.join(dir, `.rss-${tag.replace(/[^\w.-]/g, '_')}-${process.hrtime.bigint()}`);
  return new Promise((resolve) => {
    const started = performance.now();
    const child = childProcess.spawn(process.execPath, ['--max-old-space-size=1400', '-r', preload, corpus.folder.cli, ...args], {
      cwd: dir,
      env: { ...process.env, RNN_CORPUS_RSS_FILE: rssFile, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    child.stdout.on('data', (chunk: Buffer) => (outBytes += chunk.length) <= OUTPUT_LIMIT && out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (errBytes += chunk.length) <= OUTPUT_LIMIT && err.push(chunk));
    let timedOut = false;
    let killedPeak: number | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      killedPeak = peakFromProc(child.pid);
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      let maxRssKB = killedPeak;
      try {
        maxRssKB = Number(fs.readFileSync(rssFile, 'utf8'));
        fs.rmSync(rssFile);
      } catch {
        // killed, or crashed before the exit handler ran
      }
      resolve({ args, code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms: performance.now() - started, maxRssKB, timedOut });
    });
  });
}

/** The class of one run on its own (undefined: a clean exit 0 or 2, to be judged against the expectation). */
function processClass(run: RunResult): [OutcomeClass, string] | undefined {
  const tail = run.stderr.slice(-300).replace(/\s+/g, ' ');
  if ((run.maxRssKB ?? 0) > MEMORY_LIMIT_KB || OUT_OF_MEMORY.test(run.stderr)) return ['OOM', `peak ${Math.round((run.maxRssKB ?? 0) / 1024)} MB: ${tail}`];
  if (run.timedOut || run.ms > TIME_LIMIT_MS) return ['hang / timeout', `${Math.round(run.ms)} ms`];
  if (STACK_TRACE.test(run.stderr) || CRASH_WORDS.test(run.stderr)) return ['crash / stack trace', `exit ${run.code}: ${tail}`];
  if (run.code !== 0 && run.code !== 2) return ['crash / stack trace', `exit ${run.code ?? run.signal}: ${tail}`];
  return undefined;
}

export function classify(item: CorpusCase, runs: readonly RunResult[]): Outcome {
  const ms = runs.reduce((sum, run) => sum + run.ms, 0);
  const peaks = runs.map((run) => run.maxRssKB).filter((peak): peak is number => peak !== undefined);
  const maxRssKB = peaks.length === 0 ? undefined : Math.max(...peaks);
  const result = (outcome: OutcomeClass, passed: boolean, detail: string): Outcome => ({ id: item.id, category: item.category, item: item.item, outcome, passed, detail, ms, maxRssKB });
  for (const run of runs) {
    const bad = processClass(run);
    if (bad !== undefined) return result(bad[0], false, `${run.args.join(' ')} → ${bad[1]}`);
  }
  const expect = item.expect;
  const refused = runs.find((run) => run.code === 2);
  const forbid = expect.kind === 'read' ? [] : (expect.forbid ?? []);
  if (refused !== undefined) {
    const message = refused.stderr.trim().replace(/\s+/g, ' ').slice(0, 300);
    if (expect.kind === 'read') return result('refusal with location', false, `refused, a reading was expected: ${message}`);
    const missing = expect.message.filter((pattern) => !pattern.test(refused.stderr));
    const forbidden = forbid.filter((pattern) => pattern.test(refused.stderr));
    if (missing.length > 0 || forbidden.length > 0 || refused.stderr.trim() === '') {
      const why = [...missing.map((pattern) => `no ${pattern}`), ...forbidden.map((pattern) => `says ${pattern}`)].join(', ');
      return result('refusal without location', false, `${why}: ${message}`);
    }
    return result('refusal with location', true, message);
  }
  const said = runs.map((run) => `${run.stdout}\n${run.stderr}`).join('\n');
  if (expect.kind === 'refuse') return result('wrong reading', false, `exit 0, a refusal was expected: ${runs[0]?.stdout.replace(/\s+/g, ' ').slice(0, 200) ?? ''}`);
  const forbidden = forbid.filter((pattern) => pattern.test(said));
  if (forbidden.length > 0) return result('wrong reading', false, `says ${forbidden.join(', ')}`);
  const problem = expect.check?.(runs);
  return problem === undefined ? result('correct reading', true, expect.kind === 'read' ? expect.facts : (expect.facts ?? 'exit 0')) : result('wrong reading', false, problem);
}

export async function runCase(corpus: Corpus, item: CorpusCase): Promise<Outcome> {
  try {
    for (const name of item.needs) corpus.folder.ensure(name);
  } catch (error) {
    return { id: item.id, category: item.category, item: item.item, outcome: 'crash / stack trace', passed: false, detail: `could not write the case's files: ${String(error)}`, ms: 0, maxRssKB: undefined };
  }
  const runs: RunResult[] = [];
  for (const args of item.runs) runs.push(await runCli(corpus, args, item.timeoutMs ?? TIME_LIMIT_MS, item.id));
  return classify(item, runs);
}

/** Runs every case, `concurrency` at a time; `onOutcome` hears each as it finishes. Returns the outcomes in order. */
export function startCorpus(corpus: Corpus, concurrency = 2, cases = corpus.cases): Map<string, Promise<Outcome>> {
  const promises = new Map<string, Promise<Outcome>>();
  const resolvers = new Map<string, (outcome: Outcome) => void>();
  for (const item of cases) promises.set(item.id, new Promise((resolve) => resolvers.set(item.id, resolve)));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < cases.length) {
      const item = cases[next++] as CorpusCase;
      (resolvers.get(item.id) as (outcome: Outcome) => void)(await runCase(corpus, item));
    }
  };
  for (let i = 0; i < concurrency; i++) void worker();
  return promises;
}
