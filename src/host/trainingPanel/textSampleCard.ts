// The host side of the training panel's "Text sample" card (issue 6, chart 6) for character models. It owns the
// card's state — available or not, busy, the last request, the last sample or error — replays it on the page's
// `ready`, and answers the page's `sampleText` by reading the run's model.json and drawing the sample in a short-lived
// worker (textSampleWorkerClient.ts), never on the extension-host thread. Seeds are the run's seed, then +1 per sample,
// so every sample can be reproduced from its caption.
import * as vscode from 'vscode';
import { textSampleAvailability } from './characterRun';
import type { RunRecord } from '../../lab/runs/runRecord';
import type {
  TextSampleAvailability,
  TextSampleHostMessage,
  TextSampleRequest,
  TextSampleResult,
} from '../../protocol/textSampleProtocol';
import { DEFAULT_TEXT_SAMPLE_REQUEST } from '../../protocol/textSampleProtocol';
import { modelJsonPathOf, sampleTextFromSavedRun } from './textSampleWorkerClient';
import { requireWorkspaceTrust } from '../platform/workspaceTrust';
import { textSampleStrings } from './textSampleStrings';

export interface TextSampleCardServices {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  /** Posts to the page (dropped while it is not listening; the next replay carries the state). */
  readonly post: (message: TextSampleHostMessage) => void;
}

export class TextSampleCardHost {
  private availability: TextSampleAvailability | null = null;
  private record: RunRecord | undefined;
  private runJsonPath: string | null = null;
  private busy = false;
  private request: TextSampleRequest = DEFAULT_TEXT_SAMPLE_REQUEST;
  private last: TextSampleResult | undefined;
  private error: string | undefined;
  private samplesDrawn = 0;
  /** Characters the page reported showing, by the sample's seed; and who waits for such a report. */
  private readonly shown = new Map<number, number>();
  private readonly shownWaiters = new Map<number, ((characters: number) => void)[]>();

  constructor(private readonly services: TextSampleCardServices) {}

  /** The page reports that its card shows the sample drawn with `seed`. */
  onShown(seed: number, characters: number): void {
    this.shown.set(seed, characters);
    for (const resolve of this.shownWaiters.get(seed) ?? []) resolve(characters);
    this.shownWaiters.delete(seed);
  }

  /** Resolves with the characters the page shows for the sample of `seed`, or null after `timeoutMs` without a report. */
  whenShown(seed: number, timeoutMs: number): Promise<number | null> {
    const known = this.shown.get(seed);
    if (known !== undefined) return Promise.resolve(known);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(null), timeoutMs);
      const waiters = this.shownWaiters.get(seed) ?? [];
      waiters.push((characters) => {
        clearTimeout(timer);
        resolve(characters);
      });
      this.shownWaiters.set(seed, waiters);
    });
  }

  /** The card's availability for the run shown (null: not a character model, no card). */
  get currentAvailability(): TextSampleAvailability | null {
    return this.availability;
  }

  /** The panel shows a (new or updated) run. */
  setRun(record: RunRecord, runJsonPath: string | null): void {
    const otherRun = this.record?.id !== record.id;
    if (otherRun) {
      this.last = undefined;
      this.error = undefined;
      this.samplesDrawn = 0;
      this.shown.clear();
    }
    this.record = record;
    this.runJsonPath = runJsonPath;
    const availability = textSampleAvailability(record, runJsonPath);
    // the page forgets the card when it is shown another run, so a new run's card is always sent
    if (availability !== this.availability || otherRun) {
      this.availability = availability;
      if (availability !== null) this.services.post(this.stateMessage());
    }
  }

  /** The messages that rebuild the card on `ready` (none for runs that are not character models). */
  snapshot(): TextSampleHostMessage[] {
    if (this.availability === null) return [];
    const messages: TextSampleHostMessage[] = [this.stateMessage()];
    if (this.last !== undefined) messages.push({ type: 'textSample', ...this.last });
    if (this.error !== undefined) messages.push({ type: 'textSampleError', message: this.error });
    return messages;
  }

  /**
   * Draws a sample for `request` and shows it in the card. Resolves with the sample; rejects with a localised Error
   * (also shown in the card) when the run has no model to sample from or the worker fails.
   */
  async sample(request: TextSampleRequest): Promise<TextSampleResult> {
    this.request = request;
    const record = this.record;
    const modelFile = record?.modelFile ?? null;
    if (record === undefined || this.availability !== 'ready' || this.runJsonPath === null || modelFile === null) {
      const reason =
        this.availability === 'waiting'
          ? vscode.l10n.t('Text sampling is available when training ends.')
          : this.availability === 'noModel'
            ? vscode.l10n.t('This run saved no model, so there is nothing to sample from.')
            : vscode.l10n.t('This run is not a character model: text samples need a model trained on plain text.');
      return this.fail(reason);
    }
    if (this.busy) return this.fail(vscode.l10n.t('A sample is already being drawn; wait for it to finish.'));
    if (!requireWorkspaceTrust(vscode.l10n.t('Sampling text'))) return this.fail(vscode.l10n.t('Sampling text needs a trusted workspace.'));
    this.busy = true;
    this.error = undefined;
    this.services.post(this.stateMessage());
    const seed = (record.config.training.seed.value + this.samplesDrawn) >>> 0;
    this.samplesDrawn++;
    const workerScript = vscode.Uri.joinPath(this.services.extensionUri, 'dist', 'textSampleWorker.js').fsPath;
    try {
      const answer = await sampleTextFromSavedRun(workerScript, modelJsonPathOf(this.runJsonPath, modelFile), {
        prime: request.prime,
        length: request.length,
        temperature: request.temperature,
        seed,
      });
      const result: TextSampleResult = {
        text: answer.text,
        temperature: request.temperature,
        prime: request.prime,
        seed,
        greedy: answer.greedy,
        skippedPrimeCharacters: answer.skippedPrimeCharacters,
        elapsedMs: answer.elapsedMs,
      };
      this.last = result;
      this.services.log.info(`[text sample] ${record.id}: ${answer.text.length} characters at τ = ${request.temperature}, seed ${seed}, in ${Math.round(answer.elapsedMs)} ms`);
      this.busy = false;
      this.services.post(this.stateMessage());
      this.services.post({ type: 'textSample', ...result });
      return result;
    } catch (error) {
      this.busy = false;
      this.services.post(this.stateMessage());
      const reason = error instanceof Error ? error.message : String(error);
      this.services.log.error(`[text sample] ${record.id}: ${reason}`);
      return this.fail(reason);
    }
  }

  private fail(reason: string): never {
    const message = vscode.l10n.t('Could not sample text: {0}', reason);
    this.error = message;
    this.services.post({ type: 'textSampleError', message });
    throw new Error(message);
  }

  private stateMessage(): TextSampleHostMessage {
    return {
      type: 'textSampleState',
      availability: this.availability ?? 'noModel',
      busy: this.busy,
      request: this.request,
      strings: textSampleStrings(vscode.l10n),
    };
  }
}
