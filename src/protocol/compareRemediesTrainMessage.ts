// host → compare worker: train one line-up entry on the shared windows (the answers are in compareProtocol.ts).
import type { DemoDataset } from '../lab/lineup/lineupData';
import type { DemoExperiment } from '../lab/lineup/lineup';

export interface CompareTrainMessage {
  readonly type: 'train';
  readonly experiment: DemoExperiment;
  /** The windows every entry trains on (the same for all: only the remedy differs). */
  readonly data: DemoDataset;
}
