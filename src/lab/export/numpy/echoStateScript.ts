// The exported NumPy script of an echo state network run (issue 14): one readable file that needs only numpy and the
// standard library, and its sidecar JSON (the data as RNN Lab read it, and the run's model.json: the reservoir W, W_in
// and leak as drawn — never drawn again — and the recorded readout). The script runs the reservoir, fits the readout by
// ridge regression exactly as the engine does (engine/esn/), reports J and, with `--check run.json`, compares. The
// sections map to docs/maths.md; this file writes the run's constants and joins the sections in order.
import type { EchoStateNetwork } from '../../../engine/esn/echoStateNetwork';
import type { Normalization } from '../../../data/prepare/normalize';
import type { PreparationRecipe } from '../../../data/prepare/preparationRecipe';
import type { JsonValue } from '../../../modelFiles/modelJson';
import { RNN_LAB_VERSION } from '../../version';
import { sidecarPathOf, type ExportBundle } from '../exportBundle';
import { pythonDataSection, sidecarData } from '../pythonData';
import { pyLiteral } from '../pythonLiterals';
import { PYTHON_ESN_MAIN_SECTION } from './echoStateMain';
import { PYTHON_READOUT_SECTION, PYTHON_RESERVOIR_SECTION } from './echoStateSections';
import { PYTHON_TANH_SECTION } from './pythonTanh';

export interface EchoStateExportInput {
  readonly scriptPath: string;
  /** run.json the script's --check compares against. */
  readonly runJsonPath: string;
  readonly runId: string;
  readonly runName: string;
  /** Where the data came from, for people ("samples/sine.csv"). */
  readonly dataSource: string;
  /** The network of the run's model.json (its reservoir is what the script runs; its options the constants). */
  readonly network: EchoStateNetwork;
  /** The run's model.json as read (the script's template for the fitted model, and the recorded W_out). */
  readonly modelDocument: Record<string, JsonValue>;
  readonly recipe: PreparationRecipe;
  readonly normalization: Normalization;
  readonly trainCount: number;
  readonly validationCount: number;
}

export function echoStateBundle(input: EchoStateExportInput): ExportBundle {
  const sidecar = {
    format: 'rnn-lab-export-data',
    version: 1,
    runId: input.runId,
    exportedBy: `RNN Lab ${RNN_LAB_VERSION}`,
    data: sidecarData(input.recipe),
    model: input.modelDocument,
  };
  return {
    target: 'numpy',
    scriptPath: input.scriptPath,
    files: [
      { path: input.scriptPath, contents: echoStateScript(input) },
      { path: sidecarPathOf(input.scriptPath), contents: `${JSON.stringify(sidecar)}\n` },
    ],
    runJsonPath: input.runJsonPath,
    summary: `NumPy script for echo state network run ${input.runId}: python3 ${input.scriptPath} --check ${input.runJsonPath}`,
  };
}

export function echoStateScript(input: EchoStateExportInput): string {
  const sections = [
    header(input),
    pythonDataSection(input.recipe, input.normalization, input.dataSource),
    PYTHON_TANH_SECTION,
    PYTHON_RESERVOIR_SECTION,
    PYTHON_READOUT_SECTION,
    PYTHON_ESN_MAIN_SECTION,
  ];
  return sections.map((section) => section.replace(/^\n+/, '').replace(/\n+$/, '')).join('\n\n\n') + '\n';
}

function header(input: EchoStateExportInput): string {
  const { network } = input;
  const options = network.options;
  const stem = (input.scriptPath.split(/[\\/]/).pop() ?? 'train_esn_numpy.py').replace(/\.py$/, '');
  const sidecar = sidecarPathOf(input.scriptPath).split(/[\\/]/).pop() ?? '';
  const synced = network.topology === 'many-to-many-synced';
  return `#!/usr/bin/env python3
"""Echo state network (${network.topology}, ${network.reservoir.size} units) on ${input.dataSource}: run ${input.runId} ("${input.runName}"), exported by RNN Lab ${RNN_LAB_VERSION} to NumPy.

The same fit as in RNN Lab (Jaeger 2001): the same data preparation, the run's own reservoir W and W_in and leak rate
(from ${sidecar}, a copy of the run's model.json: not drawn again), the same scored steps, and the linear readout
fitted in closed form by ridge regression on the same normal equations, solved by the same Cholesky factorisation.
Every sum is taken in the engine's order and tanh is the engine's (V8's fdlibm), so J and W_out come out as the run's,
bit for bit. Needs numpy and the standard library only.

  python3 ${stem}.py --check ${input.runJsonPath}   # fit, then compare J (1e-9) and W_out with the run
  python3 ${stem}.py --ridge 1e-4                  # the same reservoir with another β
  python3 ${stem}.py --lapack                      # BLAS and numpy.linalg: faster for large reservoirs, other rounding

Writes next to this script (or --out-dir): ${stem}.model.json (the fitted network in RNN Lab's echo state model JSON:
open it in RNN Lab) and, with --check, ${stem}.check.json.
The sections follow RNN Lab's docs/maths.md: data preparation, echo state network (the reservoir, the washout, the
readout), losses.
"""
import argparse
import json
import math
import os
import re
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
STEM = ${pyLiteral(stem)}
SIDECAR = os.path.join(HERE, ${pyLiteral(sidecar)})
OUT_DIR = HERE

# ------------------------------------------------------------------ the run's echo state network (docs/maths.md "Echo state network")
TOPOLOGY = ${pyLiteral(network.topology)}
INPUT_SIZE = ${network.inputSize}  # I
OUTPUT_SIZE = ${network.outputSize}  # O (regression outputs: the readout is a least-squares fit)
RIDGE = ${pyLiteral(options.ridge)}  # β of W_out = Y Zᵀ (Z Zᵀ + βI)⁻¹
WASHOUT = ${options.washout}  # ${synced ? 'initial states of every sequence neither fitted nor scored' : `not applied to ${network.topology} data: only the state after the last input is used`}
TRAIN_COUNT = ${input.trainCount}
# The reservoir (read from the sidecar): N = ${network.reservoir.size}, leak a = ${pyLiteral(network.reservoir.leak)}, drawn with ρ = ${pyLiteral(options.spectralRadius)}, sparsity ${pyLiteral(options.sparsity)}, input scale ${pyLiteral(options.inputScale)}.
`;
}
