// Decides which VS Code runs the integration suite:
//   desktop      VS Code downloaded by @vscode/test-electron (needs internet, and a display on Linux);
//   code-server  VS Code's server from the npm package code-server, driven by headless Chromium (works offline).
// RNN_LAB_TEST_HOST=desktop|code-server forces one; unset (or "auto") tries desktop and falls back to code-server.
import { downloadAndUnzipVSCode } from '@vscode/test-electron';
import { VSCODE_TEST_CACHE } from './projectPaths';

export type TestHostKind = 'desktop' | 'code-server';

export type TestHostChoice =
  | { readonly kind: 'desktop'; readonly vscodeExecutablePath: string }
  | { readonly kind: 'code-server'; readonly reason: string };

const DOWNLOAD_TIMEOUT_MS = 20_000;

export function requestedHost(value = process.env.RNN_LAB_TEST_HOST): TestHostKind | 'auto' {
  if (value === undefined || value === '' || value === 'auto') return 'auto';
  if (value === 'desktop' || value === 'code-server') return value;
  throw new Error(`RNN_LAB_TEST_HOST must be "desktop", "code-server" or "auto" (got "${value}")`);
}

function hasDisplay(): boolean {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function downloadDesktop(): Promise<string> {
  return downloadAndUnzipVSCode({ cachePath: VSCODE_TEST_CACHE, timeout: DOWNLOAD_TIMEOUT_MS });
}

export async function chooseTestHost(): Promise<TestHostChoice> {
  const requested = requestedHost();
  if (requested === 'code-server') return { kind: 'code-server', reason: 'RNN_LAB_TEST_HOST=code-server' };
  if (requested === 'desktop') return { kind: 'desktop', vscodeExecutablePath: await downloadDesktop() };
  if (!hasDisplay()) {
    return { kind: 'code-server', reason: 'no display for desktop VS Code (DISPLAY unset; use xvfb-run to force desktop)' };
  }
  try {
    return { kind: 'desktop', vscodeExecutablePath: await downloadDesktop() };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { kind: 'code-server', reason: `desktop VS Code cannot be downloaded (${why})` };
  }
}
