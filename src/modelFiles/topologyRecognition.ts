// What recognising a model file answers: the lecture topology (or why there is none), the step counts, the
// recurrent cells, and where the model sits in the file so editor lenses can place themselves above it.
import type { TopologyId } from '../engine/dataset';
import type { SourceRange } from './json/sourcePositions';

/** Which kind of file the model came from. */
export type ModelFileFormat =
  | 'rnn-config' // RNN Lab's own *.rnn.json
  | 'keras-1' // Keras 1.x model.to_json()
  | 'keras-2' // Keras 2.x / tf.keras model.to_json()
  | 'keras-3' // Keras 3 model.to_json() (inbound nodes as {args, kwargs})
  | 'tfjs-layers-model' // TensorFlow.js model.json, current format (modelTopology is the Keras JSON)
  | 'tfjs-legacy'; // TensorFlow.js model.json, old format (modelTopology.model_config)

export interface TopologyRecognition {
  /** null when the file holds no model this module understands. */
  readonly format: ModelFileFormat | null;
  /** null when the topology cannot be decided; `reason` says why. */
  readonly topology: TopologyId | null;
  /** The lecture's example for the topology (null with it). */
  readonly example: string | null;
  /** Input steps T (1 when the input has no time axis); null when the shapes do not say. */
  readonly inputLength: number | null;
  /** Output steps (1 when the output has no time axis); null when the shapes do not say. */
  readonly outputLength: number | null;
  /** Recurrent layers in the order data flows through them, e.g. ["LSTM", "Bidirectional(GRU)"]. */
  readonly cells: readonly string[];
  /** One or two sentences explaining the decision (or why there is none). */
  readonly reason: string;
  /** The model node (rnn.json root, Keras model object): where a lens goes. */
  readonly modelRange: SourceRange | null;
  /** The layers array of a Keras/TF.js model, when there is one. */
  readonly layersRange: SourceRange | null;
  /** Malformed JSON or an unreadable model: message and where. */
  /** `kind` 'shape': valid JSON, but a shape or size Keras would not accept (keras/shapeChecks.ts); else a syntax error. */
  readonly error: { readonly message: string; readonly range: SourceRange; readonly kind?: 'syntax' | 'shape' } | null;
}

/** The fields `rnn-lab topology --json` prints, exactly these. */
export interface TopologySummary {
  readonly topology: TopologyId | null;
  readonly example: string | null;
  readonly inputLength: number | null;
  readonly outputLength: number | null;
  readonly cells: readonly string[];
  readonly reason: string;
}

export function topologySummary(recognition: TopologyRecognition): TopologySummary {
  const { topology, example, inputLength, outputLength, cells, reason } = recognition;
  return { topology, example, inputLength, outputLength, cells: [...cells], reason };
}
