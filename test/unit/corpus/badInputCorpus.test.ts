// Issue 13: the generated corpus of bad inputs and hostile flags. Every case runs `node --max-old-space-size=1400
// dist/cli.js …` in a temporary folder (two at a time) and must end in the class it expects: a refusal (exit 2)
// naming what and where (line:column, JSON path or flag), or a correct reading; never a stack trace, never more than
// 10 s or 1.5 GB. scripts/bad-input-corpus/classify.mjs prints the same outcomes as a table (docs/bad-input-corpus.md).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildCorpus } from './corpus';
import type { Outcome } from './corpusTypes';
import { startCorpus } from './runCorpus';

const root = path.resolve(__dirname, '../../../..');
const cli = path.join(root, 'dist', 'cli.js');

describe('bad-input corpus (issue 13): exit 2 with a located message or a correct reading, never a crash, < 10 s, < 1.5 GB', function () {
  this.timeout(120_000);
  const dir = path.join(os.tmpdir(), `rnn-lab-corpus-${process.pid}-${Date.now()}`);
  const corpus = buildCorpus(dir, root, cli);
  let outcomes = new Map<string, Promise<Outcome>>();

  before(function () {
    if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: run "node esbuild.js" first`);
    fs.mkdirSync(dir, { recursive: true });
    outcomes = startCorpus(corpus, 2);
  });

  after(async () => {
    await Promise.all(outcomes.values());
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`has ${corpus.cases.length} cases: every issue item and at least 50 mutations`, () => {
    const mutations = corpus.cases.filter((item) => item.item === 'mutation').length;
    assert.ok(mutations >= 50, `${mutations} mutations`);
  });

  for (const item of corpus.cases) {
    it(`${item.id} (${item.expect.kind})`, async () => {
      const outcome = await (outcomes.get(item.id) as Promise<Outcome>);
      assert.ok(outcome.passed, `${outcome.outcome}: ${outcome.detail}`);
    });
  }
});
