// Paths of the data fixtures (compiled tests run from out/test/unit/data; fixtures stay in the source tree).
import * as path from 'node:path';

export const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/data');
export const SAMPLES = path.resolve(__dirname, '../../../../samples');

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}
