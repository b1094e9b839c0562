// The topology of an RNN Lab config: as written, or inferred from the step counts (docs/maths.md, "Losses": the
// topology decides which outputs are scored). With T_in = inputLength (or data.window) and T_out = outputLength:
//   1 → 1 one-to-one · 1 → N one-to-many · T → 1 many-to-one · T → T synced · T → M (M ≠ T) encoder–decoder.
import type { TopologyId } from '../../engine/dataset';
import type { RnnConfig } from './rnnConfig';

export interface ConfigTopology {
  readonly topology: TopologyId | null;
  readonly explicit: boolean;
  readonly inputLength: number | null;
  readonly outputLength: number | null;
  readonly reason: string;
}

export function configTopology(config: RnnConfig): ConfigTopology {
  const inputLength = config.inputLength ?? config.data?.window ?? null;
  const inputSource = config.inputLength !== null ? 'inputLength' : 'data.window';
  const outputLength = config.outputLength;
  if (config.topology !== null) {
    const lengths = lengthsOfExplicit(config.topology, inputLength, outputLength);
    const steps = (n: number | null, what: string): string => (n === null ? `? ${what} steps` : `${n} ${what} step${n === 1 ? '' : 's'}`);
    return {
      ...lengths,
      topology: config.topology,
      explicit: true,
      reason: `topology set in the config (${steps(lengths.inputLength, 'input')} → ${steps(lengths.outputLength, 'output')})`,
    };
  }
  if (inputLength === null || outputLength === null) {
    const missing = [inputLength === null ? 'inputLength (or data.window)' : null, outputLength === null ? 'outputLength' : null]
      .filter((m): m is string => m !== null)
      .join(' and ');
    return {
      topology: null,
      explicit: false,
      inputLength,
      outputLength,
      reason: `no "topology" and no ${missing}: cannot tell how many steps go in and come out; set "topology" or both lengths`,
    };
  }
  const lengths = `${inputSource} ${inputLength} → outputLength ${outputLength}`;
  const inferred = inferFromLengths(inputLength, outputLength);
  return { topology: inferred.topology, explicit: false, inputLength, outputLength, reason: `inferred from ${lengths}: ${inferred.why}` };
}

function inferFromLengths(inputLength: number, outputLength: number): { topology: TopologyId; why: string } {
  if (inputLength === 1 && outputLength === 1) return { topology: 'one-to-one', why: 'one input → one output' };
  if (inputLength === 1) return { topology: 'one-to-many', why: 'one input → a sequence out' };
  if (outputLength === 1) return { topology: 'many-to-one', why: 'a sequence in → one output' };
  if (inputLength === outputLength) return { topology: 'many-to-many-synced', why: 'one output for every input step' };
  return { topology: 'many-to-many-encoder-decoder', why: 'the output sequence has another length than the input' };
}

/** Step counts an explicit topology implies where the config leaves them out. */
function lengthsOfExplicit(
  topology: TopologyId,
  inputLength: number | null,
  outputLength: number | null,
): { inputLength: number | null; outputLength: number | null } {
  switch (topology) {
    case 'one-to-one':
      return { inputLength: 1, outputLength: 1 };
    case 'one-to-many':
      return { inputLength: 1, outputLength };
    case 'many-to-one':
      return { inputLength, outputLength: 1 };
    case 'many-to-many-synced':
      return { inputLength: inputLength ?? outputLength, outputLength: outputLength ?? inputLength };
    case 'many-to-many-encoder-decoder':
      return { inputLength, outputLength };
  }
}

/** Recurrent cells as the lecture names them, one per layer; encoder–decoder lists the encoder then the decoder stack. */
export function configCells(config: RnnConfig, topology: TopologyId | null): string[] {
  const label = { rnn: 'RNN', lstm: 'LSTM', gru: 'GRU', esn: 'ESN' }[config.cell];
  if (config.cell === 'esn') return [label];
  const stacks = topology === 'many-to-many-encoder-decoder' ? 2 : 1;
  return Array.from({ length: config.layers * stacks }, () => label);
}
