// Entry point shared by the CLI (`rnn-lab topology`) and the editor lenses: text of a JSON file → the lecture
// topology of the model in it, or why there is none. Never throws; malformed JSON comes back as `error`.
import { configCells, configTopology } from './rnnConfig/configTopology';
import { configTopologyProblem } from './rnnConfig/configTopologyProblem';
import { readRnnConfig } from './rnnConfig/readRnnConfig';
import { classifyKerasModel } from './keras/classifyKerasModel';
import { walkModel } from './keras/kerasGraphWalk';
import { emptyObservations } from './keras/kerasLayerRules';
import { findShapeProblem } from './keras/shapeChecks';
import { lectureExample } from './lectureTopologies';
import { parseLocatedJson } from './json/locatedJson';
import { locateModel } from './modelDocument';
import { LineIndex, type SourceRange } from './json/sourcePositions';
import type { ModelFileFormat, TopologyRecognition } from './topologyRecognition';

export interface RecognizeOptions {
  /** The file's name: `*.rnn.json` is read as an RNN Lab config even without its marker fields. */
  readonly fileName?: string;
}

export function recognizeTopology(text: string, options: RecognizeOptions = {}): TopologyRecognition {
  const lines = new LineIndex(text);
  const parsed = parseLocatedJson(text);
  if (!parsed.ok) {
    const range = lines.range(parsed.error.offset, parsed.error.length);
    return { ...unclassified(null, `malformed JSON: ${parsed.error.message}`), error: { message: parsed.error.message, range } };
  }
  const located = locateModel(parsed.root, options.fileName);
  if (located.format === null) return unclassified(null, located.reason);
  const modelRange = lines.range(located.model.offset, located.model.length);

  if (located.format === 'rnn-config') {
    const { config, diagnostics } = readRnnConfig(located.model, lines);
    // A field that decides the topology is invalid (or a NaN literal): refused at it, as the editor underlines it.
    const problem = configTopologyProblem(located.model, diagnostics);
    if (problem !== undefined) {
      const range = lines.range(problem.offset, problem.length);
      return { ...unclassified('rnn-config', `invalid model: ${problem.message}`), error: { message: problem.message, range, kind: 'shape' } };
    }
    const decided = configTopology(config);
    return {
      format: 'rnn-config',
      topology: decided.topology,
      example: decided.topology === null ? null : lectureExample(decided.topology),
      inputLength: decided.inputLength,
      outputLength: decided.outputLength,
      cells: configCells(config, decided.topology),
      reason: decided.reason,
      modelRange,
      layersRange: null,
      error: null,
    };
  }

  // A negative or fractional shape would be read as an input length of −30: refused, located, before the walk.
  const shapeProblem = findShapeProblem(parsed.root);
  if (shapeProblem !== undefined) {
    const range = lines.range(shapeProblem.offset, shapeProblem.length);
    return { ...unclassified(located.format, `invalid model: ${shapeProblem.message}`), error: { message: shapeProblem.message, range, kind: 'shape' } };
  }
  const observations = emptyObservations();
  const walk = walkModel(located.model, observations);
  const decided = classifyKerasModel(walk, observations);
  const layersRange: SourceRange | null = located.layers === undefined ? null : lines.range(located.layers.offset, located.layers.length);
  return {
    format: located.format,
    topology: decided.topology,
    example: decided.topology === null ? null : lectureExample(decided.topology),
    inputLength: decided.inputLength,
    outputLength: decided.outputLength,
    cells: decided.cells,
    reason: decided.reason,
    modelRange,
    layersRange,
    error: null,
  };
}

function unclassified(format: ModelFileFormat | null, reason: string): TopologyRecognition {
  return {
    format,
    topology: null,
    example: null,
    inputLength: null,
    outputLength: null,
    cells: [],
    reason,
    modelRange: null,
    layersRange: null,
    error: null,
  };
}
