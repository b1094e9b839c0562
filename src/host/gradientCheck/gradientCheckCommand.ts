// "RNN Lab: Gradient Check": the finite-difference check of docs/maths.md "Gradient check" for the CURRENT settings'
// cell, nonlinearity, layers and topology, on a model small enough to check every entry (H ≤ 4, T ≤ 8, at most 2
// layers). Resolves with what the panel drew (for tests).
import * as vscode from 'vscode';
import {
  GRADIENT_CHECK_DEFAULT_HIDDEN,
  GRADIENT_CHECK_DEFAULT_STEPS,
} from '../../engine/gradcheck';
import type { GradientCheckRequest } from '../../protocol/gradientCheckProtocol';
import { GRADIENT_CHECK_MAX_HIDDEN, GRADIENT_CHECK_MAX_LAYERS, GRADIENT_CHECK_MAX_STEPS } from '../../protocol/gradientCheckProtocol';
import type { GradientCheckOutcome } from './gradientCheckPanel';
import { GradientCheckPanel } from './gradientCheckPanel';
import { readTrainingSettings } from '../platform/settings';

export const GRADIENT_CHECK_COMMAND = 'rnnLab.gradientCheck';

/** The tiny model for the current settings: same cell, σ, topology and seed; sizes capped to gradient-check size. */
export function gradientCheckRequestFromSettings(resource?: vscode.Uri): GradientCheckRequest {
  const { model, training } = readTrainingSettings(resource).settings;
  return {
    cell: model.cell.value,
    nonlinearity: model.nonlinearity.value,
    numLayers: Math.min(model.layers.value, GRADIENT_CHECK_MAX_LAYERS),
    topology: model.topology.value,
    hiddenSize: Math.min(model.hiddenSize.value, GRADIENT_CHECK_DEFAULT_HIDDEN, GRADIENT_CHECK_MAX_HIDDEN),
    steps: Math.min(model.window.value, GRADIENT_CHECK_DEFAULT_STEPS, GRADIENT_CHECK_MAX_STEPS),
    seed: training.seed.value,
  };
}

export function gradientCheck(extensionUri: vscode.Uri, log: vscode.LogOutputChannel): Promise<GradientCheckOutcome> {
  const request = (): GradientCheckRequest => gradientCheckRequestFromSettings(vscode.window.activeTextEditor?.document.uri);
  return GradientCheckPanel.run(extensionUri, log, request(), request);
}
