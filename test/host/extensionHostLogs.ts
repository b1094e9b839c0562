// Finds and prints the logs worth reading when a suite fails: the (remote) extension host log, the server log and
// the window's renderer log. VS Code writes them under <user-data-dir>/logs/<session>/…
import * as fs from 'fs';
import * as path from 'path';

const INTERESTING_LOG = /(exthost|remoteagent|renderer|server|sharedprocess|main)[^/]*\.log$/i;

export function findHostLogs(userDataDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (INTERESTING_LOG.test(full)) found.push(full);
    }
  };
  walk(path.join(userDataDir, 'logs'));
  return found.sort();
}

export interface CollectedLog {
  readonly relativePath: string;
  readonly contents: string;
}

function lastLines(text: string, count: number): string {
  const lines = text.trimEnd().split('\n');
  return (lines.length > count ? [`… (${lines.length - count} earlier lines)`] : []).concat(lines.slice(-count)).join('\n');
}

/** Prints the extension host logs (locations and last lines) to stderr. */
export function printHostLogs(userDataDir: string, fromWorkbench: readonly CollectedLog[], linesEach = 60): void {
  const files = findHostLogs(userDataDir);
  console.error(`[code-server-host] logs are under ${path.join(userDataDir, 'logs')}`);
  for (const file of files) {
    if (!/(exthost|remoteagent)\.log$/i.test(file)) {
      console.error(`[code-server-host]   ${file}`);
      continue;
    }
    console.error(`[code-server-host] ---- ${file} (last ${linesEach} lines) ----`);
    console.error(lastLines(fs.readFileSync(file, 'utf8'), linesEach));
  }
  // The workbench also hands over its (browser-side) logs with codeAutomationExit.
  for (const log of fromWorkbench.filter((entry) => /(exthost|window|renderer)\.log$/i.test(entry.relativePath))) {
    console.error(`[code-server-host] ---- workbench log ${log.relativePath} (last ${linesEach} lines) ----`);
    console.error(lastLines(log.contents, linesEach));
  }
}
