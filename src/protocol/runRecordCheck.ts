// The run record as the training panel receives it, and the structural check every record goes through before the
// panel draws it (a run.json from disk, a restored panel's state, a message from the host). The check is about shape,
// not values: norms may be null (JSON has no NaN/Infinity, so a diverged run's non-finite norms come back as null)
// and the charts draw those as gaps.
import type { EpochMetrics, GradientNormSample, RunRecord, SpectralSample, ValidationPredictions } from '../lab/runs/runRecord';
export type { ValidationPredictions } from '../lab/runs/runRecord';
import { RUN_RECORD_FORMAT } from '../lab/runs/runRecord';
import type { ValidationResult } from './validation';
import { accept, isRecord, reject } from './validation';

/** The record the panel draws: a RunRecord (validationPredictions is optional: number series only). */

function isNumberOrNullArray(value: unknown): value is readonly (number | null)[] {
  return Array.isArray(value) && value.every((entry) => entry === null || typeof entry === 'number');
}

function checkEpochs(raw: unknown): ValidationResult<readonly EpochMetrics[]> {
  if (!Array.isArray(raw)) return reject('epochs', 'wrongType', 'an array of epoch metrics', raw);
  for (let i = 0; i < raw.length; i++) {
    const epoch: unknown = raw[i];
    if (!isRecord(epoch)) return reject(`epochs[${i}]`, 'notObject', 'an object { epoch, trainLoss, … }', epoch);
    if (typeof epoch.epoch !== 'number') return reject(`epochs[${i}].epoch`, 'wrongType', 'a number', epoch.epoch);
    for (const field of ['trainLoss', 'validationLoss', 'meanGradientNorm', 'maxGradientNorm', 'clippedFraction'] as const) {
      const value = epoch[field];
      if (value !== null && typeof value !== 'number') return reject(`epochs[${i}].${field}`, 'wrongType', 'a number or null', value);
    }
  }
  return accept(raw as readonly EpochMetrics[]);
}

function checkGradientSamples(raw: unknown): ValidationResult<readonly GradientNormSample[]> {
  if (!Array.isArray(raw)) return reject('gradientNormsPerTimestep', 'wrongType', 'an array of samples', raw);
  for (let i = 0; i < raw.length; i++) {
    const sample: unknown = raw[i];
    const at = `gradientNormsPerTimestep[${i}]`;
    if (!isRecord(sample)) return reject(at, 'notObject', 'an object { epoch, layer, hiddenNorms }', sample);
    if (typeof sample.epoch !== 'number') return reject(`${at}.epoch`, 'wrongType', 'a number', sample.epoch);
    if (typeof sample.layer !== 'number') return reject(`${at}.layer`, 'wrongType', 'a number', sample.layer);
    if (!isNumberOrNullArray(sample.hiddenNorms)) return reject(`${at}.hiddenNorms`, 'wrongType', 'an array of numbers', sample.hiddenNorms);
    for (const field of ['cellNorms', 'decoderHiddenNorms', 'lossTermHiddenNorms'] as const) {
      if (sample[field] !== undefined && !isNumberOrNullArray(sample[field])) {
        return reject(`${at}.${field}`, 'wrongType', 'an array of numbers', sample[field]);
      }
    }
    if (sample.lossTerm !== undefined && typeof sample.lossTerm !== 'number') {
      return reject(`${at}.lossTerm`, 'wrongType', 'a number', sample.lossTerm);
    }
  }
  return accept(raw as readonly GradientNormSample[]);
}

function checkSpectra(raw: unknown): ValidationResult<readonly SpectralSample[]> {
  if (!Array.isArray(raw)) return reject('spectra', 'wrongType', 'an array of spectral samples', raw);
  for (let i = 0; i < raw.length; i++) {
    const sample: unknown = raw[i];
    const at = `spectra[${i}]`;
    if (!isRecord(sample)) return reject(at, 'notObject', 'an object { epoch, matrices }', sample);
    if (typeof sample.epoch !== 'number') return reject(`${at}.epoch`, 'wrongType', 'a number', sample.epoch);
    if (!Array.isArray(sample.matrices)) return reject(`${at}.matrices`, 'wrongType', 'an array', sample.matrices);
    for (let j = 0; j < sample.matrices.length; j++) {
      const matrix: unknown = sample.matrices[j];
      const where = `${at}.matrices[${j}]`;
      if (!isRecord(matrix)) return reject(where, 'notObject', 'a matrix spectrum', matrix);
      for (const field of ['layer', 'largestSingularValue', 'gamma', 'lambdaGamma'] as const) {
        if (typeof matrix[field] !== 'number' && matrix[field] !== null) return reject(`${where}.${field}`, 'wrongType', 'a number', matrix[field]);
      }
      for (const field of ['block', 'stack', 'verdict', 'parameter'] as const) {
        if (typeof matrix[field] !== 'string') return reject(`${where}.${field}`, 'wrongType', 'a string', matrix[field]);
      }
      const eigen = matrix.eigenvalues;
      if (eigen !== null && eigen !== undefined && (!isRecord(eigen) || !isNumberOrNullArray(eigen.re) || !isNumberOrNullArray(eigen.im))) {
        return reject(`${where}.eigenvalues`, 'wrongType', 'null or { re: number[], im: number[] }', eigen);
      }
    }
  }
  return accept(raw as readonly SpectralSample[]);
}

function checkPredictions(raw: unknown): ValidationResult<ValidationPredictions | undefined> {
  if (raw === undefined) return accept(undefined);
  if (!isRecord(raw)) return reject('validationPredictions', 'notObject', 'an object { column, windows }', raw);
  if (typeof raw.column !== 'string') return reject('validationPredictions.column', 'wrongType', 'a string', raw.column);
  if (!Array.isArray(raw.windows)) return reject('validationPredictions.windows', 'wrongType', 'an array', raw.windows);
  for (let i = 0; i < raw.windows.length; i++) {
    const window: unknown = raw.windows[i];
    const at = `validationPredictions.windows[${i}]`;
    if (!isRecord(window) || !isNumberOrNullArray(window.targets) || !isNumberOrNullArray(window.predictions)) {
      return reject(at, 'wrongType', 'an object { targets: number[], predictions: number[] }', window);
    }
    if (window.targets.length !== window.predictions.length) {
      return reject(`${at}.predictions`, 'conflict', `${window.targets.length} values, as many as targets`, window.predictions.length);
    }
  }
  return accept(raw as unknown as ValidationPredictions);
}

/** Checks that `raw` has the shape of a run record the panel can draw (path-precise rejection otherwise). */
export function parseRunRecord(raw: unknown, path = 'run'): ValidationResult<RunRecord> {
  const prefixed = <T>(result: ValidationResult<T>): ValidationResult<T> =>
    result.ok ? result : { ok: false, issue: { ...result.issue, path: `${path}.${result.issue.path}` } };
  if (!isRecord(raw)) return reject(path, 'notObject', 'a run record object', raw);
  if (raw.format !== RUN_RECORD_FORMAT) return reject(`${path}.format`, 'notInEnum', `"${RUN_RECORD_FORMAT}"`, raw.format);
  for (const field of ['id', 'name', 'status', 'startedAt'] as const) {
    if (typeof raw[field] !== 'string') return reject(`${path}.${field}`, 'wrongType', 'a string', raw[field]);
  }
  if (!isRecord(raw.config) || !isRecord(raw.config.model) || !isRecord(raw.config.training) || !isRecord(raw.config.remedies)) {
    return reject(`${path}.config`, 'notObject', 'the sourced settings { model, training, remedies, … }', raw.config);
  }
  if (!isRecord(raw.data) || !isRecord(raw.data.shapes)) return reject(`${path}.data`, 'notObject', 'a data summary with shapes', raw.data);
  const checks: ValidationResult<unknown>[] = [
    checkEpochs(raw.epochs),
    checkGradientSamples(raw.gradientNormsPerTimestep),
    checkSpectra(raw.spectra),
    checkPredictions(raw.validationPredictions),
  ];
  for (const check of checks) if (!check.ok) return prefixed(check);
  if (!isNumberOrNullArray(raw.updateGradientNorms)) {
    return reject(`${path}.updateGradientNorms`, 'wrongType', 'an array of numbers', raw.updateGradientNorms);
  }
  return accept(raw as unknown as RunRecord);
}
