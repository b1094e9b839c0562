// A read `*.rnn.json` as the training flow's settings overrides (lab/settings/resolveSettings.ts): every value the
// config states overrides the `rnnLab.*` settings for that run. Remedies the config leaves out are switched off
// explicitly (clipNorm 0, tbptt 0, …) so a run from a config trains what the file says, not what the settings
// happen to enable. Values the training flow has no setting for are listed in `notCarried` so the user is told.
// Echo state networks are refused, as by the engine: the editor's training flow trains by BPTT only.
// No vscode import.
import type { RnnConfig } from '../../modelFiles/rnnConfig/rnnConfig';
import { configTopology } from '../../modelFiles/rnnConfig/configTopology';
import { modelConfigFromRnnConfig } from '../../modelFiles/rnnConfig/modelConfigFromRnnConfig';
import type { SettingsOverrides } from './resolveSettings';
import {
  DEFAULT_FORGET_BIAS,
  DEFAULT_LOSS,
  DEFAULT_MOMENTUM,
  DEFAULT_ONE_TO_MANY_INPUT,
  DEFAULT_DATA_STRIDE,
} from '../../modelFiles/rnnConfig/rnnConfigFields';
import { DEFAULT_IDENTITY_SCALE } from '../../engine/init';

export interface ConfigTrainingPlan {
  readonly overrides: SettingsOverrides;
  /** Data file as written in the config (relative to the config's folder), or null. */
  readonly dataPath: string | null;
  /** Input column for the training flow: header name or 1-based number as text; undefined = let the flow decide. */
  readonly columns: readonly string[] | undefined;
  /** Config fields with no counterpart in the training flow, as `field = value`. */
  readonly notCarried: readonly string[];
}

export type ConfigTrainingResult = { readonly ok: true; readonly plan: ConfigTrainingPlan } | { readonly ok: false; readonly reason: string };

export function configTrainingPlan(config: RnnConfig): ConfigTrainingResult {
  // Same refusals as the engine: an ESN has no BPTT-trained weights; the topology must be decidable.
  const buildable = modelConfigFromRnnConfig(config);
  if (!buildable.ok) return { ok: false, reason: buildable.reason };
  const decided = configTopology(config);
  if (decided.topology === null) return { ok: false, reason: decided.reason };
  const topology = decided.topology;
  const notCarried: string[] = [];
  const note = (field: string, value: unknown): void => {
    notCarried.push(`${field} = ${JSON.stringify(value)}`);
  };

  // The flow cuts windows of `window` input steps; one-to-many reads 1 step and generates `window` outputs
  // (host/data/windowing.ts), so there the window is the config's outputLength.
  let window: number | null = topology === 'one-to-many' ? decided.outputLength : decided.inputLength;
  if (topology === 'one-to-one') window = 1;
  if (topology === 'many-to-many-encoder-decoder' && decided.outputLength !== null && decided.outputLength !== decided.inputLength) {
    note('outputLength', decided.outputLength);
  }

  const model: Record<string, unknown> = {
    topology,
    cell: config.cell,
    nonlinearity: config.nonlinearity,
    hiddenSize: config.hiddenSize,
    layers: config.layers,
    ...(window !== null ? { window } : {}),
    ...(config.data !== null ? { horizon: config.data.horizon } : {}),
  };

  const overrides: SettingsOverrides = {
    model,
    training: {
      epochs: config.epochs,
      batch: config.batch,
      optimizer: config.optimizer,
      learningRate: config.learningRate,
      seed: config.seed,
      // only when the file states them: otherwise the settings (the machine's choice) decide
      ...(config.precision !== null ? { precision: config.precision } : {}),
      ...(config.threads !== null ? { threads: config.threads } : {}),
    },
    remedies: {
      clipNorm: config.clipNorm ?? 0,
      clipValue: config.clipValue ?? 0,
      tbpttK1: config.tbptt?.k1 ?? 0,
      tbpttK2: config.tbptt?.k2 ?? 0,
      l2: config.l2,
      omega: config.omega,
      init: config.init,
      spectralRadius: config.spectralRadius ?? 0,
    },
    ...(config.data !== null ? { data: { normalization: config.data.normalization } } : {}),
  };

  if (config.loss !== DEFAULT_LOSS) note('loss', config.loss);
  if (config.optimizer === 'momentum' && config.momentum !== DEFAULT_MOMENTUM) note('momentum', config.momentum);
  if (config.init === 'identity' && config.identityScale !== DEFAULT_IDENTITY_SCALE) note('identityScale', config.identityScale);
  if (config.cell === 'lstm' && config.forgetBias !== DEFAULT_FORGET_BIAS) note('forgetBias', config.forgetBias);
  if (topology === 'one-to-many' && config.oneToManyInput !== DEFAULT_ONE_TO_MANY_INPUT) note('oneToManyInput', config.oneToManyInput);
  if (config.data !== null && config.data.stride !== DEFAULT_DATA_STRIDE) note('data.stride', config.data.stride);

  const column = config.data?.column ?? null;
  // The flow numbers columns from 1 (as a spreadsheet does); the config from 0 (as the CLI does).
  const columns = column === null ? undefined : [typeof column === 'number' ? String(column + 1) : column];
  return { ok: true, plan: { overrides, dataPath: config.data?.path ?? null, columns, notCarried } };
}
