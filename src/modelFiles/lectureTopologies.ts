// The lecture's five topologies with the example the lecture gives for each, and the one-line shape a lens shows
// ("many-to-one · sentiment analysis (sequence in → one output)").
import type { TopologyId } from '../engine/dataset';

export interface LectureTopology {
  readonly id: TopologyId;
  /** The lecture's example application. */
  readonly example: string;
  /** What goes in and what comes out. */
  readonly shape: string;
}

export const LECTURE_TOPOLOGIES: Readonly<Record<TopologyId, LectureTopology>> = {
  'one-to-one': { id: 'one-to-one', example: 'image classification', shape: 'one input → one output' },
  'one-to-many': { id: 'one-to-many', example: 'image captioning, OCR', shape: 'one input → sequence out' },
  'many-to-one': { id: 'many-to-one', example: 'sentiment analysis', shape: 'sequence in → one output' },
  'many-to-many-encoder-decoder': {
    id: 'many-to-many-encoder-decoder',
    example: 'machine translation',
    shape: 'sequence in → encoder state → sequence out of another length',
  },
  'many-to-many-synced': {
    id: 'many-to-many-synced',
    example: 'video frame labelling',
    shape: 'one output for every input step',
  },
};

export function lectureExample(topology: TopologyId): string {
  return LECTURE_TOPOLOGIES[topology].example;
}

/** "many-to-one · sentiment analysis (sequence in → one output)". */
export function topologyLensTitle(topology: TopologyId): string {
  const entry = LECTURE_TOPOLOGIES[topology];
  return `${topology} · ${entry.example} (${entry.shape})`;
}
