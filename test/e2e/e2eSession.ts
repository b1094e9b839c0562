// One code-server + headless Chromium session for the end-to-end suite: a throwaway profile (user settings with the
// chosen colour theme), the packaged extension installed from its VSIX, a workspace that is a copy of samples/, and a
// page showing the workbench on that folder. `close()` stops the browser and the server's whole process group.
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { startCodeServer } from '../host/codeServerProcess';
import type { RunningCodeServer } from '../host/codeServerProcess';
import { launchHeadlessChromium } from '../host/headlessChromium';
import { TEST_PROFILE_SETTINGS } from '../host/testProfileSettings';
import { PROJECT_ROOT } from '../host/projectPaths';

export const DARK_THEME = 'Default Dark Modern';
export const LIGHT_THEME = 'Default Light Modern';

export interface E2eSessionOptions {
  /** Folder of this session's profile, workspace and logs (inside the run's temp folder). */
  readonly sessionDir: string;
  /** Shared extensions folder that already holds the installed VSIX. */
  readonly extensionsDir: string;
  readonly colorTheme: string;
  /** Extra code-server arguments, e.g. ['--locale', 'es']. */
  readonly extraArgs?: readonly string[];
  /** Display language: written to argv.json (what "Configure Display Language" does) and passed as `--locale`. */
  readonly displayLanguage?: string;
}

export interface E2eSession {
  readonly page: Page;
  readonly userDataDir: string;
  readonly workspaceDir: string;
  readonly serverLog: string;
  close(): Promise<void>;
}

/** Workbench start-up, extension activation and training share two loaded cores: be generous. */
export const WORKBENCH_LOAD_TIMEOUT_MS = 180_000;

function writeUserSettings(userDataDir: string, colorTheme: string): void {
  const userDir = path.join(userDataDir, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  const settings = { ...TEST_PROFILE_SETTINGS, 'workbench.colorTheme': colorTheme, 'window.commandCenter': false };
  fs.writeFileSync(path.join(userDir, 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
}

export function userDataDirOf(sessionDir: string): string {
  return path.join(sessionDir, 'user-data');
}

export async function openE2eSession(options: E2eSessionOptions): Promise<E2eSession> {
  const userDataDir = userDataDirOf(options.sessionDir);
  const workspaceDir = path.join(options.sessionDir, 'samples');
  const stateDir = path.join(options.sessionDir, 'state');
  const serverLog = path.join(options.sessionDir, 'code-server.log');
  fs.cpSync(path.join(PROJECT_ROOT, 'samples'), workspaceDir, { recursive: true });
  writeUserSettings(userDataDir, options.colorTheme);
  if (options.displayLanguage !== undefined) {
    fs.writeFileSync(path.join(userDataDir, 'argv.json'), `${JSON.stringify({ locale: options.displayLanguage }, null, 2)}\n`);
  }

  const server: RunningCodeServer = await startCodeServer({
    userDataDir,
    extensionsDir: options.extensionsDir,
    stateDir,
    logFile: serverLog,
    startupTimeoutMs: 120_000,
    extraArgs: [...(options.extraArgs ?? []), ...(options.displayLanguage !== undefined ? ['--locale', options.displayLanguage] : [])],
  });
  let browser: Browser | undefined;
  try {
    browser = await launchHeadlessChromium();
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.setDefaultTimeout(60_000);
    if (options.displayLanguage !== undefined) {
      // With a display language other than English the server loads that language's pack, whose nls.messages.js
      // sets globalThis._VSCODE_NLS_LANGUAGE; the workbench then asks the server for extension manifests localized
      // with package.nls.<language>.json and gives the extension host vscode.env.language. No language pack can be
      // downloaded offline (core UI strings stay English), so stand in for the pack's loader and set the language.
      await page.addInitScript((language: string) => {
        (globalThis as { _VSCODE_NLS_LANGUAGE?: string })._VSCODE_NLS_LANGUAGE = language;
      }, options.displayLanguage);
    }
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(workspaceDir)}`, { timeout: WORKBENCH_LOAD_TIMEOUT_MS });
    // The workbench is usable once the explorer shows the workspace's files.
    await page.locator('.monaco-workbench').waitFor({ timeout: WORKBENCH_LOAD_TIMEOUT_MS });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'sine.csv' }).first().waitFor({ timeout: WORKBENCH_LOAD_TIMEOUT_MS });
    const openedBrowser = browser;
    return {
      page,
      userDataDir,
      workspaceDir,
      serverLog,
      close: async () => {
        await openedBrowser.close().catch(() => undefined);
        await server.stop();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await server.stop();
    throw error;
  }
}
