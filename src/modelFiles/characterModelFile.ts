// The character model inside a model.json: a many-to-many-synced cross-entropy model and the vocabulary stored with it
// (`training.vocabulary`, one distinct string per class), as the extension's text sample and `rnn-lab sample` read it.
import { RecurrentModel } from '../engine/model';
import { createCharacterModel, SamplingError, type CharacterModel } from '../engine/sampling';
import type { LoadedModel } from './modelJson';

/**
 * The character model of a loaded model file: the vocabulary is `training.vocabulary` in the file's extras (written by
 * the host when it trains on plain text), one distinct string per class. Throws a SamplingError saying why a file is
 * not a character model.
 */
export function characterModelFromFile(loaded: LoadedModel): CharacterModel {
  const { config } = loaded;
  if (config.topology !== 'many-to-many-synced' || config.loss !== 'xent') {
    throw new SamplingError('model', `not a character model: it is ${config.topology} with loss ${config.loss}; text sampling needs a many-to-many-synced model trained with cross-entropy on plain text`);
  }
  const vocabulary = loaded.extras.training?.['vocabulary'];
  if (!Array.isArray(vocabulary) || !vocabulary.every((entry): entry is string => typeof entry === 'string')) {
    throw new SamplingError('training.vocabulary', 'missing or not an array of strings; the model file has no character vocabulary (was it trained on plain text?)');
  }
  return createCharacterModel(new RecurrentModel(config, loaded.parameters), vocabulary);
}
