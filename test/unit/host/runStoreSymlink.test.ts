// Issue 13, item 3: the run store decides "inside the workspace" on real paths. A committed `.rnn-lab` or
// `.rnn-lab/runs` that is a symbolic link to a folder outside the workspace must not redirect a run's writes: the
// store refuses with a message naming the link, and nothing is created outside. Real symlinks in a temporary folder.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isPathInside, realPathOf, RunStore } from '../../../src/node/runStore';
import type { RunRecord } from '../../../src/lab/runs/runRecord';

const RUNS = path.join('.rnn-lab', 'runs');

describe('run store: real paths, symbolic links (issue 13)', () => {
  let temp: string;
  let workspace: string;
  let outside: string;

  beforeEach(() => {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-store-links-'));
    workspace = path.join(temp, 'workspace');
    outside = path.join(temp, 'outside');
    fs.mkdirSync(workspace);
    fs.mkdirSync(outside);
  });
  afterEach(() => fs.rmSync(temp, { recursive: true, force: true }));

  it('refuses a .rnn-lab link that leaves the workspace, before creating anything', async () => {
    fs.symlinkSync(outside, path.join(workspace, '.rnn-lab'), 'dir');
    const store = new RunStore(path.join(workspace, RUNS), { within: workspace });
    await assert.rejects(store.createRunDirectory(new Date(), 'evil'), /refusing to save runs in .*outside.*symbolic link/s);
    assert.deepEqual(fs.readdirSync(outside), [], 'nothing was written outside the workspace');
  });

  it('refuses a .rnn-lab/runs link that leaves the workspace', async () => {
    fs.mkdirSync(path.join(workspace, '.rnn-lab'));
    fs.symlinkSync(outside, path.join(workspace, RUNS), 'dir');
    const store = new RunStore(path.join(workspace, RUNS), { within: workspace });
    await assert.rejects(store.createRunDirectory(new Date(), 'evil'), /symbolic link/);
    assert.deepEqual(fs.readdirSync(outside), []);
  });

  it('accepts links that stay inside the workspace, and a workspace opened through a link', async () => {
    fs.mkdirSync(path.join(workspace, 'kept-runs'));
    fs.mkdirSync(path.join(workspace, '.rnn-lab'));
    fs.symlinkSync(path.join(workspace, 'kept-runs'), path.join(workspace, RUNS), 'dir');
    const linkedWorkspace = path.join(temp, 'workspace-link');
    fs.symlinkSync(workspace, linkedWorkspace, 'dir');
    const store = new RunStore(path.join(linkedWorkspace, RUNS), { within: linkedWorkspace });
    const { directory } = await store.createRunDirectory(new Date(Date.UTC(2026, 0, 1)), 'ok');
    const saved = await store.save(directory, { id: 'x' } as unknown as RunRecord, null);
    assert.ok(fs.existsSync(path.join(workspace, 'kept-runs', path.basename(directory), 'run.json')));
    assert.equal(path.dirname(saved.runJsonPath), directory);
  });

  it('refuses to write into a run folder replaced by a link out of the store', async () => {
    const store = new RunStore(path.join(workspace, RUNS), { within: workspace });
    const { directory } = await store.createRunDirectory(new Date(), 'swapped');
    fs.rmdirSync(directory);
    fs.symlinkSync(outside, directory, 'dir');
    await assert.rejects(store.save(directory, { id: 'x' } as unknown as RunRecord, '{}'), /refusing to write outside the run store/);
    await assert.rejects(store.discard(directory), /refusing to write outside the run store/);
    await assert.rejects(store.save(path.join(workspace, RUNS, '..', 'elsewhere'), { id: 'x' } as unknown as RunRecord, null), /outside the run store/);
    assert.deepEqual(fs.readdirSync(outside), []);
  });

  it('resolves paths not created yet through their deepest existing folder', async () => {
    fs.symlinkSync(outside, path.join(workspace, 'link'), 'dir');
    assert.equal(await realPathOf(path.join(workspace, 'link', 'a', 'b')), path.join(fs.realpathSync(outside), 'a', 'b'));
    assert.ok(isPathInside('/w/a/b', '/w'));
    assert.ok(isPathInside('/w', '/w'));
    assert.ok(!isPathInside('/w/../x', '/w'.concat('/y')));
    assert.ok(!isPathInside('/wx', '/w'));
    assert.ok(isPathInside('/w/..hidden', '/w'), 'a name starting with two dots is still inside');
  });
});

describe('containingFolder: a target inside a workspace folder, on real paths (chart exports, config data)', () => {
  let temp: string;
  before(() => {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-containing-'));
    fs.mkdirSync(path.join(temp, 'workspace', 'charts'), { recursive: true });
    fs.mkdirSync(path.join(temp, 'outside'));
    fs.symlinkSync(path.join(temp, 'outside'), path.join(temp, 'workspace', 'escape'), 'dir');
  });
  after(() => fs.rmSync(temp, { recursive: true, force: true }));

  it('accepts files (existing or not) below a folder and refuses links, dot-dot and other folders', async () => {
    const { containingFolder } = await import('../../../src/node/realPaths');
    const workspace = path.join(temp, 'workspace');
    assert.equal(await containingFolder(path.join(workspace, 'charts', 'new.png'), [workspace]), workspace);
    assert.equal(await containingFolder(path.join(workspace, 'escape', 'stolen.png'), [workspace]), undefined);
    assert.equal(await containingFolder(path.join(workspace, '..', 'outside', 'x.png'), [workspace]), undefined);
    assert.equal(await containingFolder('/etc/passwd', [workspace]), undefined);
    assert.equal(await containingFolder(path.join(temp, 'outside', 'x.png'), [workspace, path.join(temp, 'outside')]), path.join(temp, 'outside'));
  });
});
