// `rnnLab.sampleText` (not in the command palette): what the training panel's "Sample" button does, for scripts and
// tests — `{ runId, temperature?, prime?, length? }` draws a sample from that run's panel (the active or last used
// training panel when runId is omitted), shows it in the card and resolves with it plus `shownCharacters`, what the
// page's card reported showing (null when the page did not report in time, e.g. a hidden panel); undefined after an
// error message.
import * as vscode from 'vscode';
import type { TextSampleResult } from '../../protocol/textSampleProtocol';
import { DEFAULT_TEXT_SAMPLE_REQUEST, parseTextSampleRequest } from '../../protocol/textSampleProtocol';
import { describeIssue, isRecord } from '../../protocol/validation';
import { TrainingPanel } from './trainingPanel';

export const SAMPLE_TEXT_COMMAND = 'rnnLab.sampleText';

export interface SampleTextCommandResult extends TextSampleResult {
  readonly shownCharacters: number | null;
}

export async function sampleTextCommand(rawArgs?: unknown): Promise<SampleTextCommandResult | undefined> {
  const args = rawArgs === undefined || rawArgs === null ? {} : rawArgs;
  if (!isRecord(args) || (args.runId !== undefined && typeof args.runId !== 'string')) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Sample Text: expected {0}, received {1}.', '{ "runId": "…", "temperature": 1, "prime": "", "length": 300 }', JSON.stringify(rawArgs)));
    return undefined;
  }
  const request = parseTextSampleRequest({ ...DEFAULT_TEXT_SAMPLE_REQUEST, ...args });
  if (!request.ok) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Sample Text: invalid argument. {0}', describeIssue(request.issue)));
    return undefined;
  }
  const panel = typeof args.runId === 'string' ? TrainingPanel.forRun(args.runId) : TrainingPanel.mostRecent();
  if (panel === undefined) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Sample Text: no training panel shows that run. Open it with "RNN Lab: Show Gradient Decay" first.'));
    return undefined;
  }
  try {
    const sample = await panel.sampleText(request.value);
    return { ...sample, shownCharacters: await panel.textSampleShown(sample.seed) };
  } catch (error) {
    void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    return undefined;
  }
}
