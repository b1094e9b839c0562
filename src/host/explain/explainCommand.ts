// "RNN Lab: Explain…" (a quick pick of the lecture's topics → the explanation panel) and "RNN Lab: Run Lecture
// Experiment…" (runs a topic's experiment on a bundled sample; the walkthrough's buttons use it because a link cannot
// know where the extension's samples are). Both take an optional argument `{ "topic": "vanishing-gradient" }` (or the
// id alone) that skips the quick pick; a bad one is answered with a localised error listing the valid ids.
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { isRecord, printable } from '../../protocol/validation';
import type { ExperimentOutcome, ExperimentRunner, ExplanationRenderReport } from './explainPanel';
import { ExplanationPanel, ExplanationPanelSerializer } from './explainPanel';
import { shortCitation } from './explainView';
import { resolveExperiment } from './lectureExperiment';
import { lectureTopicText } from './lectureTopicText';
import type { LectureTopicId } from './lectureTopics';
import { LECTURE_TOPIC_IDS, isLectureTopicId, lectureTopic } from './lectureTopics';

export const EXPLAIN_COMMAND = 'rnnLab.explain';
export const RUN_LECTURE_EXPERIMENT_COMMAND = 'rnnLab.runLectureExperiment';

/**
 * What Explain… resolves to: the topic shown and what the page reported drawing, or undefined when the pick was
 * dismissed or the argument refused.
 */
export interface ExplainResult {
  readonly topic: LectureTopicId;
  readonly rendered: ExplanationRenderReport;
}

/** What Run Lecture Experiment… resolves to: the command run and what it returned. */
export interface LectureExperimentResult {
  readonly topic: LectureTopicId;
  readonly command: string;
  readonly ok: boolean;
  readonly message: string;
  readonly result?: unknown;
}

type TopicArgument = { readonly topic: LectureTopicId | undefined } | { readonly error: string };

/** `{ topic }`, the bare id, or nothing (topic undefined: ask). An error message when the argument is unusable. */
function topicArgument(raw: unknown): TopicArgument {
  if (raw === undefined || raw === null) return { topic: undefined };
  const value = isRecord(raw) ? raw.topic : raw;
  if (isLectureTopicId(value)) return { topic: value };
  return { error: vscode.l10n.t('Unknown lecture topic {0}; use one of: {1}.', printable(value), LECTURE_TOPIC_IDS.join(', ')) };
}

interface TopicPick extends vscode.QuickPickItem {
  readonly topic: LectureTopicId;
}

async function pickTopic(title: string, describe: (topic: LectureTopicId) => { label: string; detail: string }): Promise<LectureTopicId | undefined> {
  const items: TopicPick[] = LECTURE_TOPIC_IDS.map((topic) => ({
    ...describe(topic),
    description: lectureTopic(topic).sources.map(shortCitation).join(' · '),
    topic,
  }));
  const picked = await vscode.window.showQuickPick(items, { title, matchOnDetail: true, placeHolder: vscode.l10n.t('Pick a topic of the lecture') });
  return picked?.topic;
}

/** A short account, for the student, of what the experiment's command returned (train commands return `{ status }`). */
function describeResult(result: unknown): ExperimentOutcome {
  if (!isRecord(result) || typeof result.status !== 'string') return { ok: true, message: vscode.l10n.t('The experiment is open.') };
  const detail = typeof result.message === 'string' ? result.message : '';
  switch (result.status) {
    case 'completed':
      return { ok: true, message: vscode.l10n.t('Training finished; its charts are in the training panel.') };
    case 'diverged':
      // For the exploding-gradient experiment this is the lesson, not a failure.
      return { ok: true, message: vscode.l10n.t('Training diverged and was stopped; the training panel shows where. {0}', detail).trim() };
    case 'cancelled':
      return { ok: true, message: vscode.l10n.t('Training was stopped before the last epoch.') };
    case 'dismissed':
      return { ok: false, message: vscode.l10n.t('The experiment was not started.') };
    default:
      return { ok: false, message: vscode.l10n.t('The experiment could not run: {0}', detail === '' ? result.status : detail) };
  }
}

export async function runLectureExperiment(extensionUri: vscode.Uri, topic: LectureTopicId): Promise<LectureExperimentResult> {
  const samplesFolder = vscode.Uri.joinPath(extensionUri, 'samples').fsPath;
  const resolved = resolveExperiment(lectureTopic(topic).experiment, samplesFolder);
  const command = resolved.kind === 'command' ? resolved.command : 'vscode.open';
  const missing = resolved.samplePaths.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    const message = vscode.l10n.t('The sample {0} is missing from the extension; reinstall RNN Lab.', missing.join(', '));
    void vscode.window.showErrorMessage(message);
    return { topic, command, ok: false, message };
  }
  if (resolved.kind === 'openSample') {
    await vscode.window.showTextDocument(vscode.Uri.file(resolved.samplePaths[0]), { preview: false });
    return { topic, command, ok: true, message: vscode.l10n.t('The sample is open in the editor.') };
  }
  const available = await vscode.commands.getCommands(true);
  if (!available.includes(resolved.command)) {
    const message = vscode.l10n.t('The command {0} is not available in this window.', resolved.command);
    void vscode.window.showErrorMessage(message);
    return { topic, command, ok: false, message };
  }
  const result: unknown =
    resolved.argument === undefined
      ? await vscode.commands.executeCommand(resolved.command)
      : await vscode.commands.executeCommand(resolved.command, resolved.argument);
  return { topic, command, ...describeResult(result), result };
}

export function registerExplainCommands(extensionUri: vscode.Uri, log: vscode.LogOutputChannel): vscode.Disposable {
  const runner: ExperimentRunner = (topic) => runLectureExperiment(extensionUri, topic);

  const explain = async (argument?: unknown): Promise<ExplainResult | undefined> => {
    const given = topicArgument(argument);
    if ('error' in given) {
      log.warn(`[explain] rejected argument ${printable(argument)}`);
      void vscode.window.showErrorMessage(given.error);
      return undefined;
    }
    const topic =
      given.topic ??
      (await pickTopic(vscode.l10n.t('RNN Lab: Explain'), (id) => {
        const text = lectureTopicText(id, vscode.l10n);
        return { label: text.title, detail: text.summary };
      }));
    if (topic === undefined) return undefined;
    const rendered = await ExplanationPanel.createOrShow(extensionUri, topic, log, runner);
    return { topic, rendered };
  };

  const experiment = async (argument?: unknown): Promise<LectureExperimentResult | undefined> => {
    const given = topicArgument(argument);
    if ('error' in given) {
      log.warn(`[lecture experiment] rejected argument ${printable(argument)}`);
      void vscode.window.showErrorMessage(given.error);
      return undefined;
    }
    const topic =
      given.topic ??
      (await pickTopic(vscode.l10n.t('RNN Lab: Run Lecture Experiment'), (id) => {
        const text = lectureTopicText(id, vscode.l10n);
        return { label: text.experimentLabel, detail: `${text.title} — ${text.lookFor}` };
      }));
    if (topic === undefined) return undefined;
    log.info(`[lecture experiment] ${topic}`);
    return runLectureExperiment(extensionUri, topic);
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(EXPLAIN_COMMAND, explain),
    vscode.commands.registerCommand(RUN_LECTURE_EXPERIMENT_COMMAND, experiment),
    vscode.window.registerWebviewPanelSerializer(ExplanationPanel.viewType, new ExplanationPanelSerializer(extensionUri, log, runner)),
  );
}
