// The run record of an echo state network (`rnn-lab train … --cell esn --run-dir DIR`; Jaeger 2001, engine/esn/): the
// same RunRecord as a BPTT run, built by the same builder, with modelKind 'esn'. The reservoir is drawn once and the
// readout fitted once in closed form, so the record has one "epoch" — the fit — holding J on the training and the
// validation windows; there are no gradient updates (no per-update norms, nothing clipped: the epoch's gradient norms
// are NaN, stored as null), and the spectral sample of that epoch is the reservoir W's. Its model.json is the
// rnn-lab-esn-model document (modelFiles/echoStateModelJson.ts: W, W_in, leak, W_out); there is no initial-model.json,
// since W and W_in are never trained (model.json holds them as drawn).
import type { RecurrentMatrixSpectrum } from '../../engine/diagnostics/spectral';
import type { RunRecord } from './runRecord';
import { RunRecordBuilder, type RunStart } from './runRecordBuilder';
import { MODEL_FILE } from './runRecordFile';

/** What the closed-form fit measured. */
export interface EchoStateFit {
  readonly trainLoss: number;
  /** Null without validation windows. */
  readonly validationLoss: number | null;
  /** Reservoir draw, state collection and the ridge solve. */
  readonly elapsedMs: number;
  /** λ₁, ρ and the leaky bound of the reservoir W (engine/esn/reservoirSpectrum.ts). */
  readonly reservoir: RecurrentMatrixSpectrum;
}

/** The completed record of one fit, finished at `finishedAt`. */
export function echoStateRunRecord(start: Omit<RunStart, 'modelKind'>, fit: EchoStateFit, finishedAt: Date): RunRecord {
  const builder = new RunRecordBuilder({ ...start, modelKind: 'esn' });
  builder.addBatch({
    epochs: [
      {
        epoch: 1,
        trainLoss: fit.trainLoss,
        validationLoss: fit.validationLoss,
        meanGradientNorm: Number.NaN,
        maxGradientNorm: Number.NaN,
        clippedFraction: 0,
        elapsedMs: fit.elapsedMs,
      },
    ],
    gradientSamples: [],
    spectralSamples: [{ epoch: 1, matrices: [fit.reservoir] }],
    updateGradientNorms: [],
  });
  return builder.finish({ status: 'completed', finishedAt, modelFile: MODEL_FILE, initialModelFile: null });
}
