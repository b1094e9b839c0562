// Drives the VS Code web workbench the way a person does: Quick Open (Ctrl+P), the Command Palette (F1), quick picks,
// modal dialogs and webviews. Selectors are VS Code 1.100's own DOM classes.
import type { FrameLocator, Locator, Page } from 'playwright-core';

const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_ROW = `${QUICK_INPUT} .monaco-list-row`;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function quickInputRows(page: Page, text: string | RegExp): Locator {
  return page.locator(QUICK_INPUT_ROW, { hasText: text });
}

export async function quickInputVisible(page: Page): Promise<boolean> {
  return page.locator(QUICK_INPUT).isVisible();
}

async function closeQuickInput(page: Page): Promise<void> {
  if (await quickInputVisible(page)) await page.keyboard.press('Escape');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
}

/** Types `query` into the palette and waits for a row containing `rowText`; retries until the deadline because the
 *  extension's commands appear only after its contributions are registered. Leaves the palette open on success. */
export async function findInPalette(page: Page, query: string, rowText: string, timeoutMs: number): Promise<Locator> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await closeQuickInput(page);
    await page.keyboard.press('F1');
    await page.locator(`${QUICK_INPUT} input`).waitFor({ timeout: 15_000 });
    await page.keyboard.type(query, { delay: 10 });
    const row = quickInputRows(page, rowText).first();
    try {
      await row.waitFor({ timeout: 5_000 });
      return row;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`the Command Palette never listed "${rowText}" for "${query}" within ${timeoutMs / 1000} s`);
    }
  }
}

/** Runs a command from the palette by its full title ("RNN Lab: Train on Selection"). */
export async function runCommand(page: Page, title: string, timeoutMs = 120_000): Promise<void> {
  const row = await findInPalette(page, title, title, timeoutMs);
  await row.click();
}

/** Opens a workspace file with Quick Open and waits for its editor tab. */
export async function quickOpen(page: Page, fileName: string): Promise<void> {
  await closeQuickInput(page);
  await page.keyboard.press('Control+P');
  await page.locator(`${QUICK_INPUT} input`).waitFor({ timeout: 15_000 });
  await page.keyboard.type(fileName, { delay: 10 });
  await quickInputRows(page, fileName).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor({ timeout: 30_000 });
}

/** Focuses the active text editor and selects its whole text. */
export async function selectAllInEditor(page: Page): Promise<void> {
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+A');
}

/** The DOM of the visible webview: the outer iframe (.webview.ready) holds #active-frame with the panel's page. */
export function activeWebview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

/** The title of the quick input on screen ('' when none). */
export async function quickInputTitle(page: Page): Promise<string> {
  const title = page.locator(`${QUICK_INPUT} .quick-input-title`);
  return (await title.isVisible()) ? ((await title.textContent()) ?? '') : '';
}

/** A button with exactly this label on a notification toast (e.g. the shape preview's "Train"). */
export function notificationButton(page: Page, label: RegExp): Locator {
  return page.locator('.notifications-toasts .notification-toast .monaco-button', { hasText: label });
}

/** A modal dialog's button with exactly this label, when a dialog is open. */
export function dialogButton(page: Page, label: RegExp): Locator {
  return page.locator('.monaco-dialog-box .monaco-button', { hasText: label });
}
