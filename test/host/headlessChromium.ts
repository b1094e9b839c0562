// Launches the system Chromium (Debian's /usr/bin/chromium) headless through playwright-core; playwright never
// downloads a browser here. Shared by the integration host adapter and the later end-to-end suite.
import * as fs from 'fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export function chromiumExecutable(): string {
  return process.env.RNN_LAB_CHROMIUM ?? DEFAULT_CHROMIUM;
}

export async function launchHeadlessChromium(): Promise<Browser> {
  const executablePath = chromiumExecutable();
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install it (apt-get install -y chromium) or point RNN_LAB_CHROMIUM at one.`,
    );
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox', // CI runs as root, where Chromium's sandbox refuses to start
      '--disable-gpu',
      // No internet here: keep Chromium from trying (and waiting on) its own network services.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
