// The lecture's topology of a Keras / TF.js model, from what its symbolic run observed. The rules, in order:
//   1. no recurrent layer                                         → one-to-one
//   2. a stateful recurrent layer fed one step per call           → no topology (it depends on the calling loop)
//   3. encoder states handed to a decoder (`initial_state`), or a RepeatVector of an encoded input sequence,
//      ending in a sequence output                                 → many-to-many encoder–decoder
//   4. a single vector (no time axis: image features, a class …) repeated or handed as initial state into a
//      sequence-returning decoder, or reshaped into a sequence      → one-to-many
//   5. sequence in, no time axis out (last recurrent layer without return_sequences, then Dense) → many-to-one
//   6. sequence in, sequence out, every recurrent layer returning sequences                       → many-to-many synced
import type { TopologyId } from '../../engine/dataset';
import type { RecurrentObservation, ModelObservations } from './kerasLayerRules';
import type { ModelWalk } from './kerasGraphWalk';
import { formatDims, fullDims, type SymbolicTensor } from './symbolicTensor';

export interface KerasClassification {
  readonly topology: TopologyId | null;
  readonly inputLength: number | null;
  readonly outputLength: number | null;
  readonly cells: readonly string[];
  readonly reason: string;
}

export const STATEFUL_ONE_STEP_REASON = 'stateful model fed one step per call: topology depends on how it is called';

export function classifyKerasModel(walk: ModelWalk, observations: ModelObservations): KerasClassification {
  const cells = observations.recurrent.map((r) => r.cell);
  const result = (topology: TopologyId | null, inputLength: number | null, outputLength: number | null, reason: string): KerasClassification => ({
    topology,
    inputLength,
    outputLength,
    cells,
    reason: topology === null ? reason : withCaveats(reason, observations),
  });

  if (walk.layerCount === 0) return result(null, null, null, 'the model has no layers');
  if (walk.problem !== null) return result(null, null, null, `cannot follow the model graph: ${walk.problem}`);

  const sequenceInput = walk.inputs.find((t) => t.timeAxis);
  const sequenceOutput = walk.outputs.find((t) => t.timeAxis);
  const recurrent = observations.recurrent;

  // 1. No recurrent layer.
  if (recurrent.length === 0) {
    return result('one-to-one', 1, 1, 'no recurrent layer: nothing carries a state from one step to the next, so one input → one output');
  }

  // 2. Stateful, one step per call: whether it is many-to-one, synced or generative is decided by the caller's loop.
  const oneStepStateful = recurrent.find((r) => r.stateful && r.inputTimeLength === 1);
  if (oneStepStateful !== undefined) {
    return result(null, 1, null, `${STATEFUL_ONE_STEP_REASON} (${oneStepStateful.layer}: stateful, batch_input_shape with 1 timestep)`);
  }

  const inputLength = sequenceInput?.timeLength ?? null;
  const outputLength = sequenceOutput?.timeLength ?? null;

  // 3./4. A state handed from one recurrent layer to another.
  const handoff = findStateHandoff(recurrent);
  if (handoff !== undefined && sequenceOutput !== undefined) {
    const { decoder, state } = handoff;
    if (state.fromSequence) {
      const encoder = recurrent.find((r) => r.layer === state.stateOf);
      const encoderLength = encoder?.inputTimeLength ?? inputLength;
      const decoderSteps = lengthNote(outputLength ?? decoder.inputTimeLength);
      const encoderPart =
        state.stateOf === null
          ? `the encoded input sequence${lengthNote(encoderLength)}`
          : `encoder ${state.stateOf}, which reads the input sequence${lengthNote(encoderLength)} and returns its state (return_state),`;
      return result(
        'many-to-many-encoder-decoder',
        encoderLength,
        outputLength ?? decoder.inputTimeLength,
        `${encoderPart} initialises decoder ${decoder.layer} (initial_state), which writes the output sequence${decoderSteps}`,
      );
    }
    return result(
      'one-to-many',
      1,
      outputLength ?? decoder.inputTimeLength,
      `a single input without time axis initialises decoder ${decoder.layer} (initial_state); the decoder writes a sequence` +
        `${lengthNote(outputLength ?? decoder.inputTimeLength)} — its other input is the output so far fed back (teacher forcing)`,
    );
  }

  // RepeatVector: an encoded sequence (encoder–decoder) or a single input (one-to-many) copied to every decoder step.
  const repeat = observations.repeats[0];
  if (repeat !== undefined && sequenceOutput !== undefined) {
    const decoder = recurrent.find((r) => r.returnSequences) ?? recurrent[recurrent.length - 1];
    const decoderName = decoder === undefined ? 'the decoder' : `decoder ${decoder.layer}`;
    if (repeat.repeatsEncodedSequence && sequenceInput !== undefined) {
      const encoder = recurrent.find((r) => !r.returnSequences);
      return result(
        'many-to-many-encoder-decoder',
        inputLength,
        outputLength ?? repeat.n,
        `${encoder === undefined ? 'the encoder' : `encoder ${encoder.layer}`} summarises the input sequence${lengthNote(inputLength)} into one vector; ` +
          `RepeatVector ${repeat.layer} (n = ${repeat.n ?? '?'}) feeds it to ${decoderName}, which returns sequences${lengthNote(outputLength ?? repeat.n)}`,
      );
    }
    const input = walk.inputs[0];
    return result(
      'one-to-many',
      1,
      outputLength ?? repeat.n,
      `the input has no time axis (${input === undefined ? 'one vector' : describeShape(input)}); RepeatVector ${repeat.layer} (n = ${repeat.n ?? '?'}) ` +
        `copies it to every step of ${decoderName}, which returns sequences${lengthNote(outputLength ?? repeat.n)}`,
    );
  }

  if (sequenceInput === undefined && sequenceOutput !== undefined) {
    const reshape = observations.reshapedIntoSequence[0];
    const input = walk.inputs[0];
    return result(
      'one-to-many',
      1,
      outputLength,
      `the input has no time axis (${input === undefined ? 'one sample' : describeShape(input)})` +
        `${reshape === undefined ? '' : `; Reshape ${reshape} turns its features into a sequence`} and the output is a sequence${lengthNote(outputLength)}`,
    );
  }

  if (sequenceInput !== undefined && sequenceOutput === undefined) {
    const last = recurrent[recurrent.length - 1];
    return result(
      'many-to-one',
      inputLength,
      1,
      `the input is a sequence${lengthNote(inputLength)}; the last recurrent layer${last === undefined ? '' : ` (${last.layer}, ${last.cell})`} ` +
        `returns only its final state (return_sequences false), so the model gives one output per sequence`,
    );
  }

  if (sequenceInput !== undefined && sequenceOutput !== undefined) {
    const names = recurrent.map((r) => r.layer).join(', ');
    return result(
      'many-to-many-synced',
      inputLength,
      outputLength,
      `every recurrent layer (${names}) returns sequences and the output keeps the time axis${lengthNote(outputLength)}: one output for every input step`,
    );
  }

  // Neither end has a time axis: the model maps one input to one output, whatever happens inside.
  const reshape = observations.reshapedIntoSequence[0];
  const first = recurrent[0];
  const input = walk.inputs[0];
  const inside =
    reshape === undefined || first === undefined
      ? 'the recurrent layers see a single step'
      : `Reshape ${reshape} turns the input (${input === undefined ? 'one sample' : describeShape(input)}) into a sequence${lengthNote(first.inputTimeLength)} ` +
        `that ${first.layer} reads and summarises, but the model still takes one input`;
  return result('one-to-one', 1, 1, `neither the input nor the output has a time axis: ${inside}, so one input → one output`);
}

/** The first recurrent layer that receives a state produced by another recurrent layer (or any initial state). */
function findStateHandoff(recurrent: readonly RecurrentObservation[]): { decoder: RecurrentObservation; state: SymbolicTensor } | undefined {
  for (const decoder of recurrent) {
    const fromEncoder = decoder.initialStates.find((s) => s.recurrentState && s.stateOf !== decoder.layer);
    if (fromEncoder !== undefined) return { decoder, state: fromEncoder };
  }
  for (const decoder of recurrent) {
    const anyState = decoder.initialStates[0];
    if (anyState !== undefined) return { decoder, state: anyState };
  }
  return undefined;
}

function lengthNote(length: number | null | undefined): string {
  return length === null || length === undefined ? '' : ` of ${length} steps`;
}

function describeShape(tensor: SymbolicTensor): string {
  return `shape ${formatDims(fullDims(tensor))}`;
}

function withCaveats(reason: string, observations: ModelObservations): string {
  const notes: string[] = [];
  const stateful = observations.recurrent.filter((r) => r.stateful).map((r) => r.layer);
  if (stateful.length > 0) notes.push(`stateful layers (${stateful.join(', ')}) also carry their state from batch to batch`);
  if (observations.assumedShapePreserving.length > 0) {
    notes.push(`assumed shape-preserving: ${observations.assumedShapePreserving.join(', ')}`);
  }
  return notes.length === 0 ? reason : `${reason}. Note: ${notes.join('; ')}`;
}
