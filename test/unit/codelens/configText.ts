// An RnnConfig read from JSON text, for tests.
import { readRnnConfigText } from '../../../src/modelFiles/rnnConfig/readRnnConfig';
import type { RnnConfig } from '../../../src/modelFiles/rnnConfig/rnnConfig';

export function configFrom(fields: Record<string, unknown>): RnnConfig {
  const reading = readRnnConfigText(JSON.stringify(fields));
  if (!reading.ok) throw new Error(reading.error.message);
  return reading.config;
}
