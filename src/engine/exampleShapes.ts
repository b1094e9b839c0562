// Checks that a dataset fits a model before training, so a shape mistake is one clear message naming the example,
// not a wrong number or an out-of-bounds read deep in the time loop.
import type { SequenceDataset, SequenceExample } from './dataset';
import type { ModelConfig } from './modelConfig';

/** Throws an Error naming the example and the field that does not fit `config`. */
export function checkExampleFitsModel(config: ModelConfig, example: SequenceExample, where: string): void {
  const { inputSize: I, outputSize: O, topology } = config;
  const fail = (detail: string): never => {
    throw new Error(`${where}: ${detail}`);
  };
  if (!Number.isInteger(example.inputLength) || example.inputLength < 1) fail(`inputLength must be ≥ 1, got ${example.inputLength}`);
  if (!Number.isInteger(example.targetLength) || example.targetLength < 1) fail(`targetLength must be ≥ 1, got ${example.targetLength}`);
  const inputClasses = example.inputClasses;
  if (inputClasses !== undefined) {
    // One-hot inputs (oneHotExample.ts): checked on their class indices, without materialising the [T × I] rows.
    if (inputClasses.length !== example.inputLength) fail(`inputClasses has ${inputClasses.length} indices; expected inputLength ${example.inputLength}`);
    for (let t = 0; t < inputClasses.length; t++) {
      if (!(inputClasses[t]! >= 0 && inputClasses[t]! < I)) fail(`inputClasses[${t}] = ${inputClasses[t]} is not an input index 0…${I - 1}`);
    }
  } else if (example.inputs.length !== example.inputLength * I) {
    fail(`inputs has ${example.inputs.length} values; expected inputLength × inputSize = ${example.inputLength} × ${I}`);
  }
  switch (topology) {
    case 'one-to-one':
      if (example.inputLength !== 1 || example.targetLength !== 1) fail('one-to-one takes one input step and one target step');
      break;
    case 'one-to-many':
      if (example.inputLength !== 1) fail(`one-to-many takes one input vector (inputLength 1), got ${example.inputLength}`);
      break;
    case 'many-to-one':
      if (example.targetLength !== 1) fail(`many-to-one scores the last step only (targetLength 1), got ${example.targetLength}`);
      break;
    case 'many-to-many-synced':
      if (example.targetLength !== example.inputLength) {
        fail(`synced many-to-many scores every step: targetLength must equal inputLength ${example.inputLength}, got ${example.targetLength}`);
      }
      break;
    case 'many-to-many-encoder-decoder':
      break;
  }
  if (config.loss === 'xent') {
    const classes = example.targetClasses;
    if (classes === undefined || classes.length !== example.targetLength) {
      throw new Error(`${where}: cross-entropy needs targetClasses with ${example.targetLength} class indices`);
    }
    for (let i = 0; i < classes.length; i++) {
      if (!(classes[i]! >= 0 && classes[i]! < O)) fail(`targetClasses[${i}] = ${classes[i]} is not a class 0…${O - 1}`);
    }
  } else if (example.targets.length !== example.targetLength * O) {
    fail(`targets has ${example.targets.length} values; expected targetLength × outputSize = ${example.targetLength} × ${O}`);
  }
  if (inputClasses === undefined) {
    for (let i = 0; i < example.inputs.length; i++) {
      if (!Number.isFinite(example.inputs[i]!)) fail(`inputs[${i}] is not a finite number`);
    }
  }
  for (let i = 0; i < example.targets.length; i++) {
    if (!Number.isFinite(example.targets[i]!)) fail(`targets[${i}] is not a finite number`);
  }
}

/** Checks the dataset's sizes and every example against `config`. */
export function checkDatasetFitsModel(config: ModelConfig, dataset: SequenceDataset, name: string): void {
  if (dataset.inputSize !== config.inputSize) {
    throw new Error(`${name}: inputSize ${dataset.inputSize} does not match the model's ${config.inputSize}`);
  }
  if (dataset.outputSize !== config.outputSize) {
    throw new Error(`${name}: outputSize ${dataset.outputSize} does not match the model's ${config.outputSize}`);
  }
  dataset.examples.forEach((example, i) => checkExampleFitsModel(config, example, `${name} example ${i}`));
}
