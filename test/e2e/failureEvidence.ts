// What a failing end-to-end test leaves behind in test/e2e/screenshots/: a screenshot of the workbench and a copy of
// every extension host log of the session's profile (<user-data-dir>/logs/<session>/…/exthost*.log, remoteagent.log).
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { findHostLogs } from '../host/extensionHostLogs';

export async function saveFailureEvidence(page: Page | undefined, userDataDir: string, screenshotsDir: string, testSlug: string): Promise<string[]> {
  const saved: string[] = [];
  if (page !== undefined) {
    const shot = path.join(screenshotsDir, `FAILED-${testSlug}.png`);
    try {
      await page.screenshot({ path: shot, timeout: 20_000 });
      saved.push(shot);
    } catch (error) {
      console.error(`[e2e] could not take the failure screenshot: ${String(error)}`);
    }
  }
  findHostLogs(userDataDir)
    .filter((file) => /(exthost|remoteagent)[^/]*\.log$/i.test(file))
    .forEach((file, index) => {
      const copy = path.join(screenshotsDir, `FAILED-${testSlug}-${index}-${path.basename(file)}`);
      fs.copyFileSync(file, copy);
      saved.push(copy);
    });
  return saved;
}
