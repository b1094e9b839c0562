// The Compare Remedies line-up: the demo's sine line-up (src/lab/lineup/lineup.ts — vanilla tanh RNN, + clipping,
// + TBPTT, + L2, IRNN, orthogonal, LSTM, GRU, ESN) with the remedy parameters from the user's settings
// (rnnLab.remedies.*; 0 there means "off" for a normal run, so here it falls back to the demo's value — an entry
// whose remedy is off would just repeat the vanilla RNN). Same seed and budget for every entry. No vscode import.
import type { BpttExperiment, DemoExperiment } from './lineup';
import { DEMO_CLIP_NORM, DEMO_L2, DEMO_TRUNCATION, demoLineup } from './lineup';

/** Entry ids, in the lecture's order. */
export const COMPARE_ENTRY_IDS = ['rnn', 'clipping', 'tbptt', 'l2', 'irnn', 'orthogonal', 'lstm', 'gru', 'esn'] as const;
export type CompareEntryId = (typeof COMPARE_ENTRY_IDS)[number];

export function isCompareEntryId(value: string): value is CompareEntryId {
  return (COMPARE_ENTRY_IDS as readonly string[]).includes(value);
}

/** rnnLab.remedies.* as read from the settings (0 = off). */
export interface CompareRemedySettings {
  readonly clipNorm: number;
  readonly tbpttK1: number;
  readonly tbpttK2: number;
  readonly l2: number;
}

export interface CompareLineupOptions {
  readonly remedies: CompareRemedySettings;
  /** Epochs of every BPTT entry (the shared budget); default the demo's full budget. */
  readonly epochs?: number;
  readonly seed?: number;
}

/** The parameters actually used: a setting of 0 (off) or invalid falls back to the demo default. */
export function effectiveRemedyParameters(settings: CompareRemedySettings): { clipNorm: number; k1: number; k2: number; l2: number } {
  const positive = (value: number, fallback: number): number => (Number.isFinite(value) && value > 0 ? value : fallback);
  const k1 = Math.round(positive(settings.tbpttK1, DEMO_TRUNCATION.k1));
  // k2 ≥ k1 is required by TBPTT(k1, k2) (docs/maths.md "Truncated BPTT"); 0 means "same as k1".
  const k2 = Math.max(k1, Math.round(positive(settings.tbpttK2, k1)));
  return { clipNorm: positive(settings.clipNorm, DEMO_CLIP_NORM), k1, k2, l2: positive(settings.l2, DEMO_L2) };
}

/** The whole line-up with ids without the task prefix ("clipping", not "sine-clipping"). */
export function compareLineup(options: CompareLineupOptions): DemoExperiment[] {
  const { clipNorm, k1, k2, l2 } = effectiveRemedyParameters(options.remedies);
  return demoLineup(false)
    .filter((experiment) => experiment.task === 'sine')
    .map((experiment): DemoExperiment => {
      const id = experiment.id.replace(/^sine-/, '');
      const seed = options.seed ?? experiment.seed;
      if (experiment.kind === 'esn') return { ...experiment, id, seed };
      const bptt: BpttExperiment = { ...experiment, id, seed, ...(options.epochs !== undefined ? { epochs: options.epochs } : {}) };
      switch (id) {
        case 'clipping':
          return { ...bptt, label: `RNN + clip ‖g‖ ≤ ${clipNorm}`, remedies: { clipNorm } };
        case 'tbptt':
          return { ...bptt, label: `RNN + TBPTT(${k1},${k2})`, remedies: { truncation: { k1, k2 } } };
        case 'l2':
          return { ...bptt, label: `RNN + L2 ${l2}`, remedies: { l2 } };
        case 'irnn':
          return { ...bptt, remedies: { clipNorm } };
        default:
          return bptt;
      }
    });
}
