// Locates the code-server install (VS Code 1.100.3 server, npm package code-server@4.100.3) that
// scripts/install-code-server.sh puts in a git-ignored cache folder, and runs that script when it is missing.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { PROJECT_ROOT, VSCODE_TEST_CACHE } from './projectPaths';

/** The newest code-server whose `engines` accepts Node 20 (test/host/README.md). */
export const CODE_SERVER_VERSION = '4.100.3';

export const INSTALL_SCRIPT = path.join(PROJECT_ROOT, 'scripts', 'install-code-server.sh');

export function codeServerInstallDir(): string {
  return process.env.RNN_LAB_CODE_SERVER_DIR ?? path.join(VSCODE_TEST_CACHE, 'code-server');
}

/** code-server's launcher (its package.json "bin"), started with the current Node. */
export function codeServerEntry(installDir = codeServerInstallDir()): string {
  return path.join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

export function isCodeServerInstalled(installDir = codeServerInstallDir()): boolean {
  return (
    fs.existsSync(path.join(installDir, `.installed-${CODE_SERVER_VERSION}`)) && fs.existsSync(codeServerEntry(installDir))
  );
}

/** Returns the launcher path, installing code-server first (about 2 minutes) when it is not there yet. */
export function ensureCodeServerInstalled(): string {
  const installDir = codeServerInstallDir();
  if (isCodeServerInstalled(installDir)) return codeServerEntry(installDir);
  console.log(`[integration] code-server@${CODE_SERVER_VERSION} is not installed in ${installDir}; running ${INSTALL_SCRIPT}`);
  const result = spawnSync('bash', [INSTALL_SCRIPT], { stdio: 'inherit', env: process.env });
  if (result.status !== 0 || !isCodeServerInstalled(installDir)) {
    throw new Error(
      `could not install code-server@${CODE_SERVER_VERSION} (exit ${result.status ?? result.signal}). ` +
        `Run \`bash scripts/install-code-server.sh\` and read its output; it needs ripgrep, chromium, libkrb5-dev ` +
        `and a C++ toolchain (apt-get install -y chromium ripgrep libkrb5-dev build-essential python3).`,
    );
  }
  return codeServerEntry(installDir);
}
