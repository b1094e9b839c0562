#!/usr/bin/env node
// Writes the bad-input corpus of issue 13 into a folder (default: a new temporary folder, never the repository) with
// manifest.json: per case its id, category, issue item, command lines and expectation (refuse / read / either-clean).
// Deterministic: the same cases and the same bytes on every run.
//
//   node scripts/bad-input-corpus/generate.mjs [DIR]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cli, loadCorpusModules, requireCli, root } from './loadCorpus.mjs';

requireCli(); // the `sample` cases' character model is trained with the CLI
const dir = path.resolve(process.argv[2] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-corpus-')));
fs.mkdirSync(dir, { recursive: true });
const { buildCorpus, writeAll } = await loadCorpusModules();
const corpus = buildCorpus(dir, root, cli);
const manifest = writeAll(corpus);
const categories = {};
for (const item of corpus.cases) categories[item.category] = (categories[item.category] ?? 0) + 1;
process.stdout.write(`${corpus.cases.length} cases, ${corpus.folder.names().length} files in ${dir}\nmanifest: ${manifest}\n`);
for (const [category, count] of Object.entries(categories)) process.stdout.write(`  ${category}: ${count}\n`);
