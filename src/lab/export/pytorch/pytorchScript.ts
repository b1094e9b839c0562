// The exported PyTorch training script (issue 14): one readable file that needs only torch ≥ 1.13 and the standard
// library, and its sidecar JSON (initial parameters, the data as RNN Lab read it, the model file's template). The
// sections map to docs/maths.md; this file writes the run's constants and joins the sections in order.
import type { ModelConfig } from '../../../engine/modelConfig';
import { DEFAULT_ADAM_BETA1, DEFAULT_ADAM_BETA2, DEFAULT_ADAM_EPSILON, DEFAULT_MOMENTUM } from '../../../engine/optimizers';
import type { RemedyOptions } from '../../../engine/remedies/remedyOptions';
import type { ParameterSet } from '../../../engine/tensor';
import type { Normalization } from '../../../data/prepare/normalize';
import type { PreparationRecipe } from '../../../data/prepare/preparationRecipe';
import type { JsonValue } from '../../../modelFiles/modelJson';
import type { TrainingSettings } from '../../runs/runRecord';
import { RNN_LAB_VERSION } from '../../version';
import { sidecarPathOf, type ExportBundle } from '../exportBundle';
import { pythonDataSection, sidecarData } from '../pythonData';
import { pyLiteral } from '../pythonLiterals';
import { PYTHON_SEEDED_RANDOM } from '../pythonRandom';
import { PYTHON_DIAGNOSTICS_SECTION } from './diagnosticsSection';
import { PYTHON_LOSS_SECTION, PYTHON_TBPTT_SECTION } from './lossSection';
import { PYTHON_MAIN_SECTION } from './mainSection';
import { PYTHON_MODEL_SECTION } from './modelSection';
import { PYTHON_OMEGA_SECTION, PYTHON_UPDATE_SECTION } from './remedySection';

export interface PyTorchExportInput {
  readonly scriptPath: string;
  /** run.json the script's --check compares against (null: a config + data export). */
  readonly runJsonPath: string | null;
  readonly runId: string | null;
  readonly runName: string;
  /** Where the data came from, for people ("samples/sine.csv"). */
  readonly dataSource: string;
  readonly config: ModelConfig;
  readonly settings: TrainingSettings;
  readonly remedies: RemedyOptions;
  readonly recipe: PreparationRecipe;
  readonly normalization: Normalization;
  readonly trainCount: number;
  readonly validationCount: number;
  /** The parameters before the first update. */
  readonly initialParameters: ParameterSet;
  /** The seeded generator's words after it drew the initial parameters: it shuffles the mini-batches next. */
  readonly shuffleState: readonly number[];
  /** RNN Lab's model JSON of the initial model without state_dict: the trained model is saved in it. */
  readonly modelTemplate: Record<string, JsonValue>;
  /** The arithmetic the run trained in: float32 runs (RNN Lab's batched path) are checked in float32, at 1e-3. */
  readonly runPrecision: 'float32' | 'float64';
}

export function pytorchBundle(input: PyTorchExportInput): ExportBundle {
  const sidecarPath = sidecarPathOf(input.scriptPath);
  const sidecar = {
    format: 'rnn-lab-export-data',
    version: 1,
    runId: input.runId,
    exportedBy: `RNN Lab ${RNN_LAB_VERSION}`,
    initialParameters: Object.fromEntries(input.initialParameters.tensors.map((tensor) => [tensor.name, nested(tensor.data, tensor.shape)])),
    data: sidecarData(input.recipe),
    modelTemplate: input.modelTemplate,
  };
  const check = input.runJsonPath ?? 'run.json';
  return {
    target: 'pytorch',
    scriptPath: input.scriptPath,
    files: [
      { path: input.scriptPath, contents: pytorchScript(input) },
      { path: sidecarPath, contents: `${JSON.stringify(sidecar)}\n` },
    ],
    runJsonPath: input.runJsonPath,
    summary: `PyTorch script for ${input.runId !== null ? `run ${input.runId}` : input.runName}: python3 ${input.scriptPath}${input.runJsonPath !== null ? ` --check ${check}` : ''}`,
  };
}

export function pytorchScript(input: PyTorchExportInput): string {
  const sections = [
    header(input),
    PYTHON_SEEDED_RANDOM,
    pythonDataSection(input.recipe, input.normalization, input.dataSource),
    PYTHON_MODEL_SECTION,
    PYTHON_LOSS_SECTION,
    input.remedies.truncation !== null ? PYTHON_TBPTT_SECTION : TBPTT_OFF,
    input.remedies.omega > 0 ? PYTHON_OMEGA_SECTION : OMEGA_OFF,
    PYTHON_UPDATE_SECTION,
    PYTHON_DIAGNOSTICS_SECTION,
    PYTHON_MAIN_SECTION,
  ];
  return sections.map((section) => section.replace(/^\n+/, '').replace(/\n+$/, '')).join('\n\n\n') + '\n';
}

const TBPTT_OFF = `truncated_batch_gradients = None  # the run used full BPTT`;
const OMEGA_OFF = `Omega = None  # the run did not use Ω`;

function header(input: PyTorchExportInput): string {
  const { config, settings, remedies } = input;
  const stem = (input.scriptPath.split(/[\\/]/).pop() ?? 'train_pytorch.py').replace(/\.py$/, '');
  const sidecar = (sidecarPathOf(input.scriptPath).split(/[\\/]/).pop() ?? '') as string;
  const what = input.runId !== null ? `run ${input.runId} ("${input.runName}")` : `the config ${input.runName}`;
  const checkLine = input.runJsonPath !== null ? `python3 ${stem}.py --check ${input.runJsonPath}` : `python3 ${stem}.py`;
  const truncation = remedies.truncation === null ? 'None' : `(${remedies.truncation.k1}, ${remedies.truncation.k2})`;
  return `#!/usr/bin/env python3
"""${config.cell.toUpperCase()} ${config.topology} on ${input.dataSource}: ${what}, exported by RNN Lab ${RNN_LAB_VERSION} to PyTorch.

The same experiment as in RNN Lab: the same data preparation, the same initial parameters (from ${sidecar}), the same
loss J = 1/(2m) Σ (ŷ − y)² (with the ½) or cross-entropy, optimiser, remedies and mini-batch order, so the training
loss of every epoch matches the run's ${input.runPrecision === 'float64' ? 'to about 1e-12 in float64' : 'within float32 rounding (the run trained in float32, RNN Lab\'s batched path)'}. Needs torch >= 1.13 and the standard library only.

  ${checkLine}${input.runJsonPath !== null ? `   # train on the CPU in ${input.runPrecision}; compare every epoch with the run` : '   # train on the CPU in float64'}
  python3 ${stem}.py --device cuda --dtype float32   # on a GPU
  torchrun --nproc_per_node 2 ${stem}.py             # distributed: each rank trains on a shard of every batch

Writes next to this script (or --out-dir): ${stem}.model.json (the trained model, RNN Lab's model JSON: open it in RNN
Lab), ${stem}.losses.json, ${stem}.gradient_decay.csv/.json (‖∂J/∂h_k‖ per layer and step on the probe sequence, every
epoch) and TensorBoard logs under runs/ when tensorboard is installed.
The sections follow RNN Lab's docs/maths.md: data preparation, parameter layout, losses, backpropagation through time,
truncated BPTT, remedies, optimisers, diagnostics.
"""
import argparse
import contextlib
import json
import math
import os
import sys

import torch
import torch.distributed as dist
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel

HERE = os.path.dirname(os.path.abspath(__file__))
STEM = ${pyLiteral(stem)}
SIDECAR = os.path.join(HERE, ${pyLiteral(sidecar)})
OUT_DIR = HERE
WORLD = 1

# ------------------------------------------------------------------ the run's model and training settings
CELL = ${pyLiteral(config.cell)}
NONLINEARITY = ${pyLiteral(config.nonlinearity)}  # σ of the vanilla RNN
TOPOLOGY = ${pyLiteral(config.topology)}
ONE_TO_MANY_INPUT = ${pyLiteral(config.oneToManyInput)}
INPUT_SIZE = ${config.inputSize}
HIDDEN_SIZE = ${config.hiddenSize}
OUTPUT_SIZE = ${config.outputSize}  # ${config.loss === 'xent' ? 'classes' : 'regression outputs'}
NUM_LAYERS = ${config.numLayers}
LOSS = ${pyLiteral(config.loss)}
EPOCHS = ${settings.training.epochs}
BATCH_SIZE = ${settings.training.batch}
OPTIMIZER = ${pyLiteral(settings.training.optimizer)}
LEARNING_RATE = ${pyLiteral(settings.training.learningRate)}
MOMENTUM = ${pyLiteral(DEFAULT_MOMENTUM)}
ADAM_BETAS = (${pyLiteral(DEFAULT_ADAM_BETA1)}, ${pyLiteral(DEFAULT_ADAM_BETA2)})
ADAM_EPSILON = ${pyLiteral(DEFAULT_ADAM_EPSILON)}
CLIP_NORM = ${remedies.clipNorm === null ? 'None' : pyLiteral(remedies.clipNorm)}  # τ of clipping by global norm
CLIP_VALUE = ${remedies.clipValue === null ? 'None' : pyLiteral(remedies.clipValue)}  # c of clipping by value
L2 = ${pyLiteral(remedies.l2)}  # λ of λ‖W‖²/2
OMEGA = ${pyLiteral(remedies.omega)}  # α of Pascanu's Ω
TBPTT = ${truncation}  # (k1, k2) of truncated BPTT, None: full BPTT
GRADIENT_NORM_BOUND = ${pyLiteral(remedies.gradientNormBound)}  # without clipping, a larger ‖∂J/∂θ‖ is a divergence
TRAIN_COUNT = ${input.trainCount}
SHUFFLE_STATE = ${pyLiteral([...input.shuffleState])}  # the run's generator after drawing the initial parameters
RUN_DTYPE = ${pyLiteral(input.runPrecision)}  # the arithmetic the run trained in: --dtype's default
`;
}

/** Flat row-major values → nested lists with the tensor's shape (a vector stays flat). */
function nested(data: Float64Array, shape: readonly number[]): JsonValue {
  if (shape.length <= 1) return Array.from(data);
  const [rows, ...rest] = shape as [number, ...number[]];
  const size = data.length / rows;
  return Array.from({ length: rows }, (_, row) => nested(data.subarray(row * size, (row + 1) * size), rest));
}
