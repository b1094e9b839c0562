// The whole bad-input corpus of issue 13: the issue's items, absurd flags and the mutations of valid samples.
// Deterministic (every random choice is seeded); files are written into `dir` only when a case runs (or by `writeAll`).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CorpusFolder } from './corpusFiles';
import type { CaseSpec, CorpusCase } from './corpusTypes';
import { issueDataCases } from './dataIssueCases';
import { dataMutationCases } from './dataMutationCases';
import { flagCases } from './flagCases';
import { issueShapeCases } from './issueCases';
import { modelMutationCases } from './modelMutationCases';

export interface Corpus {
  readonly folder: CorpusFolder;
  readonly cases: readonly CorpusCase[];
}

/** `repoRoot` holds samples/ and test/fixtures/; `cli` is dist/cli.js. */
export function buildCorpus(dir: string, repoRoot: string, cli: string): Corpus {
  const folder = new CorpusFolder(dir, repoRoot, cli);
  const specs: CaseSpec[] = [...issueShapeCases(folder), ...issueDataCases(folder), ...flagCases(folder), ...dataMutationCases(folder), ...modelMutationCases(folder)];
  const declared = new Set(folder.names());
  const seen = new Set<string>();
  const cases = specs.map((spec): CorpusCase => {
    if (seen.has(spec.id)) throw new Error(`duplicate case id ${spec.id}`);
    seen.add(spec.id);
    const needs = [...new Set(spec.runs.flat().filter((arg) => declared.has(arg)))];
    // `sample` needs the character model, which is made by training (declared once, used by many cases)
    return { ...spec, category: spec.id.split('/')[0] as string, needs };
  });
  return { folder, cases };
}

/** Writes every file (for `generate.mjs`) and a manifest.json describing each case; returns the manifest's path. */
export function writeAll(corpus: Corpus): string {
  for (const name of corpus.folder.names()) corpus.folder.ensure(name);
  const manifest = corpus.cases.map((item) => ({
    id: item.id,
    category: item.category,
    item: item.item,
    commands: item.runs.map((args) => ['rnn-lab', ...args].join(' ')),
    needs: item.needs,
    expect: describeExpectation(item),
  }));
  const file = path.join(corpus.folder.dir, 'manifest.json');
  fs.writeFileSync(file, JSON.stringify({ cases: manifest.length, manifest }, null, 2));
  return file;
}

export function describeExpectation(item: CorpusCase): Record<string, unknown> {
  const expect = item.expect;
  const patterns = (list: readonly RegExp[] | undefined): string[] | undefined => list?.map((pattern) => pattern.source);
  if (expect.kind === 'read') return { kind: 'read', facts: expect.facts };
  if (expect.kind === 'refuse') return { kind: 'refuse', exit: 2, message: patterns(expect.message), forbid: patterns(expect.forbid) };
  return { kind: 'either-clean', exit: [0, 2], message: patterns(expect.message), facts: expect.facts, forbid: patterns(expect.forbid) };
}
