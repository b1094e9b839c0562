// The export channel (issue 14, host ⇄ export worker): "RNN Lab: Export Run as PyTorch Script…" has a short-lived
// worker_threads worker (dist/exportWorker.js) build the standalone script of a saved run (lab/export/runExport.ts)
// and write it with its sidecar file (node/exportFiles.ts), so reading the run's data and generating the script never
// keep the extension host busy. One request, one answer; the host terminates the worker afterwards. As valibot
// schemas (schema.ts) with their inferred types.
import * as v from 'valibot';
import type { ValidationResult } from './validation';
import { messageUnion, parseWith, textUpTo } from './schema';

/** Longer than any path an operating system accepts (Linux PATH_MAX is 4096 bytes). */
export const MAX_EXPORT_PATH_LENGTH = 4096;

/** A file or folder path as it crosses a boundary (also the training panel's `exportRun` message). */
export const ExportPathSchema = v.pipe(textUpTo(MAX_EXPORT_PATH_LENGTH), v.nonEmpty('a non-empty path'));

/** Host → worker: export the run saved in `runDirectory` (its run.json and model.json). */
export const ExportRunRequestSchema = messageUnion([
  v.object({
    type: v.literal('export'),
    runDirectory: ExportPathSchema,
    /** Where the script goes; default inside the run folder (lab/export/exportBundle.ts names it). */
    out: v.optional(ExportPathSchema),
  }),
]);
export type ExportRunRequest = v.InferOutput<typeof ExportRunRequestSchema>;

/** Worker → host: the script written (and the run.json its `--check` compares against), or why there is none. */
export const ExportWorkerMessageSchema = messageUnion([
  v.object({
    type: v.literal('exported'),
    scriptPath: ExportPathSchema,
    runJsonPath: v.nullable(ExportPathSchema),
    /** One line for people (English, from the exporter): what was exported and how to run it. */
    summary: v.string(),
  }),
  /** An ExportError's message as it is (English, says what to do), or what else went wrong. */
  v.object({ type: v.literal('error'), message: v.string() }),
]);
export type ExportWorkerMessage = v.InferOutput<typeof ExportWorkerMessageSchema>;
export type RunExportedMessage = Extract<ExportWorkerMessage, { type: 'exported' }>;

export function parseExportRunRequest(raw: unknown): ValidationResult<ExportRunRequest> {
  return parseWith(ExportRunRequestSchema, raw);
}

export function parseExportWorkerMessage(raw: unknown): ValidationResult<ExportWorkerMessage> {
  return parseWith(ExportWorkerMessageSchema, raw);
}
