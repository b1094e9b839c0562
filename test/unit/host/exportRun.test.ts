// Issue 14, "Export Run as PyTorch Script…" in the extension: the host ⇄ export worker messages are validated field
// by field; the real worker_threads worker (bundled as esbuild.js bundles it) answers a malformed request and a folder
// that holds no run with an `error` answer instead of crashing; an ExportError's message reaches the host as it is;
// the copied terminal command quotes paths for the platform's shell; and package.json contributes the command
// (localised title, trust, explorer menus for run.json and run folders).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pythonCheckCommand, shellWord } from '../../../src/host/exportRun/checkCommand';
import { exportRunInWorker } from '../../../src/host/exportRun/exportWorkerClient';
import { runInOneShotWorker } from '../../../src/host/platform/oneShotWorker';
import { describeWorkerError } from '../../../src/host/platform/workerLimits';
import { ExportError } from '../../../src/lab/export/exportBundle';
import { MAX_EXPORT_PATH_LENGTH, parseExportRunRequest, parseExportWorkerMessage } from '../../../src/protocol/exportProtocol';
import type { ValidationResult } from '../../../src/protocol/validation';
import { describeIssue } from '../../../src/protocol/validation';
import { describeExportFailure } from '../../../src/worker/exportWorker';
import { bundleWorker } from '../workerBundle';

const root = path.resolve(__dirname, '../../../..');
const RUN = '/w/.rnn-lab/runs/2026-01-01T00-00-00-000Z-sine';

function rejectedAt<T>(result: ValidationResult<T>, at: string, kind?: string): void {
  assert.ok(!result.ok, `expected a rejection at ${at}`);
  assert.equal(result.issue.path, at, describeIssue(result.issue));
  if (kind !== undefined) assert.equal(result.issue.kind, kind);
}

describe('export channel (host ⇄ export worker, issue 14)', () => {
  it('accepts a request for a run folder, with or without a script path', () => {
    for (const request of [{ type: 'export', runDirectory: RUN }, { type: 'export', runDirectory: RUN, out: '/w/train.py' }]) {
      const parsed = parseExportRunRequest(request);
      assert.ok(parsed.ok, parsed.ok ? '' : describeIssue(parsed.issue));
      assert.deepEqual(parsed.value, request);
    }
  });

  it('rejects a malformed request at its field', () => {
    rejectedAt(parseExportRunRequest(null), '', 'notObject');
    rejectedAt(parseExportRunRequest({ type: 'train', runDirectory: RUN }), 'type', 'unknownType');
    rejectedAt(parseExportRunRequest({ type: 'export' }), 'runDirectory', 'wrongType');
    rejectedAt(parseExportRunRequest({ type: 'export', runDirectory: '' }), 'runDirectory');
    rejectedAt(parseExportRunRequest({ type: 'export', runDirectory: 'x'.repeat(MAX_EXPORT_PATH_LENGTH + 1) }), 'runDirectory', 'outOfRange');
    rejectedAt(parseExportRunRequest({ type: 'export', runDirectory: RUN, out: 7 }), 'out', 'wrongType');
  });

  it('accepts the two answers: the script written (run.json or null) and an error', () => {
    const answers = [
      { type: 'exported', scriptPath: `${RUN}/train_pytorch.py`, runJsonPath: `${RUN}/run.json`, summary: 'PyTorch LSTM script' },
      { type: 'exported', scriptPath: '/w/train.py', runJsonPath: null, summary: 'config + data' },
      { type: 'error', message: `${RUN}: no run.json` },
    ];
    for (const answer of answers) {
      const parsed = parseExportWorkerMessage(answer);
      assert.ok(parsed.ok, parsed.ok ? '' : describeIssue(parsed.issue));
      assert.deepEqual(parsed.value, answer);
    }
  });

  it('rejects a malformed answer at its field', () => {
    rejectedAt(parseExportWorkerMessage({ type: 'exported', runJsonPath: null, summary: '' }), 'scriptPath', 'wrongType');
    rejectedAt(parseExportWorkerMessage({ type: 'exported', scriptPath: '/w/a.py', summary: '' }), 'runJsonPath', 'wrongType');
    rejectedAt(parseExportWorkerMessage({ type: 'exported', scriptPath: '/w/a.py', runJsonPath: null }), 'summary', 'wrongType');
    rejectedAt(parseExportWorkerMessage({ type: 'error' }), 'message', 'wrongType');
    rejectedAt(parseExportWorkerMessage({ type: 'done' }), 'type', 'unknownType');
  });
});

describe('export worker (issue 14)', function () {
  this.timeout(60_000);
  let directory: string;
  let workerScript: string;

  before(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-export-'));
    workerScript = await bundleWorker('exportWorker', directory);
  });
  after(() => fs.rmSync(directory, { recursive: true, force: true }));

  it('passes an ExportError’s message on as it is; other failures keep their kind', () => {
    assert.equal(describeExportFailure(new ExportError('/w/run: the run has no model.json; train it again')), '/w/run: the run has no model.json; train it again');
    assert.equal(describeExportFailure(new Error("EACCES: permission denied, open '/w/run/train_pytorch.py'")), "EACCES: permission denied, open '/w/run/train_pytorch.py'");
    assert.equal(describeExportFailure(new TypeError('x is undefined')), 'TypeError: x is undefined');
    assert.equal(describeExportFailure('thrown text'), 'thrown text');
  });

  it('answers a malformed request with an error, not a crash', async () => {
    await assert.rejects(
      runInOneShotWorker({ workerScript, request: { type: 'export', runDirectory: 42 }, parse: parseExportWorkerMessage, timeoutMs: 30_000, awaited: 'export', job: 'export' }),
      /^Error: malformed request: runDirectory: expected a string, received 42$/,
    );
  });

  it('refuses a folder that holds no run with the exporter’s message, and writes nothing', async () => {
    const empty = fs.mkdtempSync(path.join(directory, 'not-a-run-'));
    await assert.rejects(exportRunInWorker(workerScript, empty), (error: unknown) => {
      assert.ok(error instanceof Error && error.message.length > 0);
      assert.doesNotMatch(error.message, /malformed|stopped|within/, 'the exporter answered, the worker did not crash or time out');
      return true;
    });
    assert.deepEqual(fs.readdirSync(empty), []);
  });

  it('names the export when its worker runs out of memory', () => {
    const oom = Object.assign(new Error('heap'), { code: 'ERR_WORKER_OUT_OF_MEMORY' });
    assert.equal(describeWorkerError(oom, 'export', 512), 'exporting the run ran out of memory (limit 512 MB): raise rnnLab.workers.maxMemoryMB');
  });
});

describe('the copied command (issue 14)', () => {
  it('is python3 <script> --check <run.json>, plain paths unquoted', () => {
    assert.equal(pythonCheckCommand(`${RUN}/train_pytorch.py`, `${RUN}/run.json`, 'linux'), `python3 ${RUN}/train_pytorch.py --check ${RUN}/run.json`);
    assert.equal(pythonCheckCommand('/w/train.py', null, 'linux'), 'python3 /w/train.py');
  });

  it('quotes paths with spaces or shell characters for the platform', () => {
    assert.equal(shellWord('/home/ana/mis runs/train.py', 'darwin'), "'/home/ana/mis runs/train.py'");
    assert.equal(shellWord("/w/it's $HOME/a.py", 'linux'), `'/w/it'\\''s $HOME/a.py'`);
    assert.equal(shellWord('C:\\Users\\ana\\runs\\train.py', 'win32'), 'C:\\Users\\ana\\runs\\train.py');
    assert.equal(shellWord('C:\\Users\\Ana María\\train.py', 'win32'), '"C:\\Users\\Ana María\\train.py"');
  });
});

describe('package.json contributes Export Run as PyTorch Script… (issue 14)', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const nls: Record<string, string> = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8'));
  const nlsEs: Record<string, string> = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.es.json'), 'utf8'));
  const ID = 'rnnLab.exportRunAsPyTorch';

  it('declares the command with its category, a localised title and the trust enablement', () => {
    const command = manifest.contributes.commands.find((entry: { command: string }) => entry.command === ID);
    assert.ok(command, `${ID} is not contributed`);
    assert.equal(command.category, 'RNN Lab');
    assert.equal(command.enablement, 'isWorkspaceTrusted');
    assert.equal(command.title, '%command.exportRunAsPyTorch.title%');
    assert.equal(nls['command.exportRunAsPyTorch.title'], 'Export Run as PyTorch Script…');
    assert.ok(nlsEs['command.exportRunAsPyTorch.title']?.startsWith('Exportar'));
  });

  it('shows it in the explorer on run.json files and on the folders directly inside .rnn-lab/runs', () => {
    const entries: { command: string; when: string }[] = manifest.contributes.menus['explorer/context'].filter((entry: { command: string }) => entry.command === ID);
    assert.equal(entries.length, 2);
    assert.ok(entries.some((entry) => entry.when === 'resourceScheme == file && resourceFilename == run.json'));
    const folder = entries.find((entry) => entry.when.includes('explorerResourceIsFolder'));
    const source = /resourceDirname =~ \/(.+)\/$/.exec(folder?.when ?? '')?.[1];
    assert.ok(source, folder?.when);
    const parentOfRunFolder = new RegExp(source);
    for (const parent of ['/home/ana/lab/.rnn-lab/runs', 'C:\\Users\\ana\\lab\\.rnn-lab\\runs']) assert.ok(parentOfRunFolder.test(parent), parent);
    for (const parent of ['/home/ana/lab/.rnn-lab', '/home/ana/lab/.rnn-lab/runs/2026-x', '/home/ana/lab/my-rnn-lab/runs']) assert.ok(!parentOfRunFolder.test(parent), parent);
  });
});
