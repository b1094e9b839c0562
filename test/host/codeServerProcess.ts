// Starts VS Code's server (as shipped in code-server) on a free loopback port, in its own process group, and stops the
// whole group again. Killing only the main pid would leave the extension host, file watcher and pty host running.
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';
import { ensureCodeServerInstalled } from './codeServerInstall';

export interface CodeServerOptions {
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** Scratch folder for the config file and the XDG folders code-server would otherwise create in $HOME. */
  readonly stateDir: string;
  /** code-server's own stdout/stderr go here (printed on failure). */
  readonly logFile: string;
  readonly startupTimeoutMs?: number;
  /** Extra code-server arguments, e.g. `--locale es` for the e2e suite. */
  readonly extraArgs?: readonly string[];
}

export interface RunningCodeServer {
  readonly port: number;
  /** e.g. http://127.0.0.1:41234 */
  readonly origin: string;
  /** Stops the server and every process it started (SIGTERM to the group, then SIGKILL). */
  stop(): Promise<void>;
}

const DEFAULT_STARTUP_TIMEOUT_MS = 90_000;
const START_ATTEMPTS = 3;

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('could not obtain a free port'))));
    });
  });
}

function healthy(origin: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(`${origin}/healthz`, { timeout: 2_000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function tailOfFile(file: string, lines: number): string {
  if (!fs.existsSync(file)) return `(no file ${file})`;
  return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

/** Environment for the server: without VS Code's own variables (inside a VS Code terminal VSCODE_IPC_HOOK_CLI would
 *  turn code-server into a client of that window) and with XDG folders inside the scratch folder. */
function serverEnvironment(stateDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE' || key === 'PORT') continue;
    env[key] = value;
  }
  env.XDG_DATA_HOME = path.join(stateDir, 'xdg-data');
  env.XDG_CONFIG_HOME = path.join(stateDir, 'xdg-config');
  return env;
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

async function startOnce(entry: string, options: CodeServerOptions): Promise<RunningCodeServer | string> {
  const port = await findFreePort();
  const origin = `http://127.0.0.1:${port}`;
  const configFile = path.join(options.stateDir, 'code-server.yaml');
  // Always an explicit config: without --config code-server writes one into ~/.config/code-server.
  fs.writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const logFd = fs.openSync(options.logFile, 'a');
  const child = spawn(
    process.execPath,
    [
      entry,
      '--config', configFile,
      '--bind-addr', `127.0.0.1:${port}`,
      '--user-data-dir', options.userDataDir,
      '--extensions-dir', options.extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      ...(options.extraArgs ?? []),
    ],
    // detached: setsid(), so the server and all its children form one process group we can signal as a whole.
    { detached: true, stdio: ['ignore', logFd, logFd], env: serverEnvironment(options.stateDir) },
  );
  fs.closeSync(logFd);
  const pid = child.pid;
  if (pid === undefined) return 'code-server could not be spawned';
  let exited: string | undefined;
  child.on('exit', (code, signal) => (exited = `code-server exited early (${code ?? signal})`));

  const stop = async (): Promise<void> => {
    killGroup(pid, 'SIGTERM');
    for (let waited = 0; exited === undefined && waited < 5_000; waited += 100) await sleep(100);
    // The main process may be gone while children of the group linger: make sure none survive.
    killGroup(pid, 'SIGKILL');
  };

  const deadline = Date.now() + (options.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS);
  while (Date.now() < deadline) {
    if (exited !== undefined) return exited;
    if (await healthy(origin)) return { port, origin, stop };
    await sleep(250);
  }
  await stop();
  return `code-server did not answer ${origin}/healthz within ${(options.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS) / 1000} s`;
}

export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  const entry = ensureCodeServerInstalled();
  for (const dir of [options.userDataDir, options.extensionsDir, options.stateDir]) fs.mkdirSync(dir, { recursive: true });
  let lastProblem = '';
  // Another process may take the free port between findFreePort() and code-server's listen(): retry on a new port.
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
    const started = await startOnce(entry, options);
    if (typeof started !== 'string') return started;
    lastProblem = started;
  }
  throw new Error(`${lastProblem}. Server log ${options.logFile}:\n${tailOfFile(options.logFile, 40)}`);
}

/** Installs a packaged extension (VSIX) into an extensions folder with the server's own CLI, the way a user would
 *  (`code-server --install-extension X.vsix`); used by suites that test the packaged extension rather than the tree. */
export function installVsixIntoCodeServer(vsixPath: string, options: Pick<CodeServerOptions, 'userDataDir' | 'extensionsDir' | 'stateDir'>): void {
  const entry = ensureCodeServerInstalled();
  for (const dir of [options.userDataDir, options.extensionsDir, options.stateDir]) fs.mkdirSync(dir, { recursive: true });
  const configFile = path.join(options.stateDir, 'code-server-cli.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  const result = spawnSync(
    process.execPath,
    [entry, '--config', configFile, '--user-data-dir', options.userDataDir, '--extensions-dir', options.extensionsDir,
      '--install-extension', vsixPath, '--force'],
    { encoding: 'utf8', env: serverEnvironment(options.stateDir), timeout: 120_000 },
  );
  if (result.status !== 0) {
    throw new Error(`code-server --install-extension ${vsixPath} failed (exit ${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
  }
}
