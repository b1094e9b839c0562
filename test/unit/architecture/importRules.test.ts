// The import rules between RNN Lab's parts (docs/architecture.md), checked on every source file: which part may import
// which, which packages each part may use, vscode only in the host, Node only where an adapter or an entry point needs
// it, the webview taking only types from the numerics, and no circle of files.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { importCycles, importsOf, sourceFiles, type ImportEdge } from './importGraph';

const root = path.resolve(__dirname, '../../../..');

type Part = 'engine' | 'modelFiles' | 'data' | 'lab' | 'protocol' | 'node' | 'worker' | 'host' | 'cli' | 'extension' | 'webview' | 'bench';

/** The part a project file belongs to (the folder under src/, or webview/ and bench/). */
function partOf(file: string): Part | undefined {
  if (file === 'src/extension.ts') return 'extension';
  const match = /^(?:src\/([^/]+)\/|(webview|bench)\/)/.exec(file);
  return (match?.[1] ?? match?.[2]) as Part | undefined;
}

/** Parts each part may import values from (its own included). */
const MAY_IMPORT: Readonly<Record<Part, readonly Part[]>> = {
  engine: ['engine'],
  modelFiles: ['engine', 'modelFiles'],
  data: ['engine', 'modelFiles', 'data'],
  lab: ['engine', 'modelFiles', 'data', 'lab'],
  protocol: ['engine', 'modelFiles', 'data', 'lab', 'protocol'],
  node: ['engine', 'data', 'lab', 'node'],
  // worker entry points: each is its own program (no entry imports another)
  worker: ['engine', 'modelFiles', 'data', 'lab', 'protocol', 'node'],
  host: ['engine', 'modelFiles', 'data', 'lab', 'protocol', 'node', 'host'],
  cli: ['engine', 'modelFiles', 'data', 'lab', 'protocol', 'node', 'cli', 'bench'],
  extension: ['host'],
  // the panels draw what the host sends: values only from the channel files, the chart series and themselves
  webview: ['webview', 'protocol'],
  bench: ['engine', 'modelFiles', 'data', 'lab', 'node', 'bench'],
};

/** Parts a webview may take types (only) from. */
const WEBVIEW_TYPES_FROM: readonly Part[] = ['engine', 'modelFiles', 'data', 'lab'];
/** The one folder of lab/ whose values the panels use: the series each chart draws, computed from a run record. */
const WEBVIEW_LAB_VALUES = 'src/lab/charts/';

/** Packages (and Node built-ins, as "node:") each part may import. */
const PACKAGES: Readonly<Record<Part, readonly string[]>> = {
  engine: ['ml-matrix'],
  modelFiles: ['jsonc-parser'],
  data: [],
  lab: ['valibot'],
  protocol: ['valibot'],
  node: ['node:'],
  worker: ['node:'],
  host: ['vscode', 'node:'],
  cli: ['node:', 'chart.js'],
  extension: ['vscode'],
  webview: ['chart.js', '@vscode-elements/elements', 'valibot'],
  bench: ['node:'],
};

function packageName(specifier: string): string {
  if (specifier.startsWith('node:')) return 'node:';
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
}

function describeEdge(edge: ImportEdge): string {
  return `${edge.from}:${edge.line} imports "${edge.specifier}"`;
}

describe('architecture: import rules between the parts (docs/architecture.md)', () => {
  const files = sourceFiles(root, ['src', 'webview']);
  const edges = files.flatMap((file) => importsOf(root, file));

  it('reads the whole tree (sanity: every part has files and the graph has edges)', () => {
    const parts = new Set(files.map(partOf));
    for (const part of ['engine', 'modelFiles', 'data', 'lab', 'protocol', 'node', 'worker', 'host', 'cli', 'extension', 'webview'] as const) {
      assert.ok(parts.has(part), `no files in part ${part}`);
    }
    assert.ok(edges.length > 500, `${edges.length} imports`);
    assert.deepEqual(files.filter((file) => partOf(file) === undefined), [], 'every file belongs to a part');
  });

  it('each part imports only the parts below it', () => {
    const violations = edges
      .filter((edge) => edge.to !== undefined)
      .filter((edge) => {
        const from = partOf(edge.from) as Part;
        const to = partOf(edge.to as string);
        if (to === undefined) return true;
        if (MAY_IMPORT[from].includes(to)) return from === 'worker' && to === 'worker';
        if (from === 'webview') return !(edge.typeOnly && WEBVIEW_TYPES_FROM.includes(to)) && !(edge.to as string).startsWith(WEBVIEW_LAB_VALUES);
        return true;
      })
      .map(describeEdge);
    assert.deepEqual(violations, []);
  });

  it('each part uses only its packages: vscode only in the host, Node only in adapters, entry points and tools', () => {
    const violations = edges
      .filter((edge) => edge.to === undefined)
      .filter((edge) => !PACKAGES[partOf(edge.from) as Part].includes(packageName(edge.specifier)))
      .map(describeEdge);
    assert.deepEqual(violations, []);
  });

  it('ml-matrix is used by the engine\'s linear algebra only', () => {
    const users = edges.filter((edge) => edge.specifier === 'ml-matrix' && !edge.from.startsWith('src/engine/linalg/')).map(describeEdge);
    assert.deepEqual(users, []);
  });

  it('has no circle of files', () => {
    assert.deepEqual(importCycles(edges), []);
  });

  it('keeps every source file at 400 lines or fewer', () => {
    const long = sourceFiles(root, ['src', 'webview', 'test', 'bench'])
      .map((file) => ({ file, lines: require('node:fs').readFileSync(path.join(root, file), 'utf8').split('\n').length - 1 }))
      .filter((entry: { lines: number }) => entry.lines > 400)
      .map((entry: { file: string; lines: number }) => `${entry.file}: ${entry.lines} lines`);
    assert.deepEqual(long, []);
  });
});
