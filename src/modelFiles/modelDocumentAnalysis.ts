// What the lenses need from one JSON document, computed once per document version: the engine's topology
// recognition (Keras 1/2/3, TF.js model.json or *.rnn.json) and, for an RNN Lab config, the read config with the
// position of every top-level key (where remedy lenses go). Never throws: malformed JSON is a recognition error.
// No vscode import.
import type { RnnConfig } from './rnnConfig/rnnConfig';
import { readRnnConfigText } from './rnnConfig/readRnnConfig';
import { recognizeTopology } from './recognizeTopology';
import type { SourcePosition } from './json/sourcePositions';
import type { TopologyRecognition } from './topologyRecognition';
import { isRnnConfigFileName } from './rnnConfig/configFileNames';

/** Larger documents are data, not model files: no lens (keeps opening a big JSON data file instant). */
export const MAX_MODEL_DOCUMENT_LENGTH = 5_000_000;

export interface RnnConfigAnalysis {
  readonly config: RnnConfig;
  /** Start of each top-level key (the quote), by key; the last one wins for duplicated keys, as in JSON.parse. */
  readonly keyPositions: ReadonlyMap<string, SourcePosition>;
}

export interface ModelDocumentAnalysis {
  readonly recognition: TopologyRecognition | null;
  /** Set when the document is an RNN Lab config. */
  readonly rnnConfig: RnnConfigAnalysis | null;
}

const NOTHING: ModelDocumentAnalysis = { recognition: null, rnnConfig: null };

/**
 * Keys without which the engine finds no model (modelDocument.ts: Keras class_name / TF.js modelTopology, or an RNN
 * Lab marker key). A text containing none of them is not parsed at all: editing a large JSON data file stays cheap.
 */
const MODEL_KEY_HINTS: readonly string[] = ['"class_name"', '"modelTopology"', '"topology"', '"cell"', '"hiddenSize"', '"inputLength"', '"outputLength"', '"esn"', '"tbptt"'];

export function analyzeModelDocument(text: string, fileName: string): ModelDocumentAnalysis {
  if (text.length > MAX_MODEL_DOCUMENT_LENGTH) return NOTHING;
  if (!isRnnConfigFileName(fileName) && !MODEL_KEY_HINTS.some((hint) => text.includes(hint))) return NOTHING;
  let recognition: TopologyRecognition;
  try {
    recognition = recognizeTopology(text, { fileName });
  } catch {
    // The engine promises never to throw; a lens must not take the editor down if it ever does.
    return NOTHING;
  }
  if (recognition.format !== 'rnn-config' || recognition.error !== null) return { recognition, rnnConfig: null };
  const reading = readRnnConfigText(text);
  if (!reading.ok || reading.root.kind !== 'object') return { recognition, rnnConfig: null };
  const keyPositions = new Map<string, SourcePosition>();
  for (const property of reading.root.properties) keyPositions.set(property.key, reading.lines.positionAt(property.keyOffset));
  return { recognition, rnnConfig: { config: reading.config, keyPositions } };
}
