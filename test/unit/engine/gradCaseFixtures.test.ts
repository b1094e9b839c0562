// The three reference cases (torch float64 autograd) must be reproduced to relative 1e-8 (expected ~1e-14).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseGradCase, runGradCase } from '../../../src/engine/gradCase';
import { worstRelativeDifference } from './numericAssertions';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/grad-cases');
const TOLERANCE = 1e-8;

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')) as unknown;
}

describe('grad cases: torch float64 reference fixtures', () => {
  const names = fs
    .readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.input.json') && fs.existsSync(path.join(FIXTURES, file.replace('.input.json', '.expected.json'))));

  it('finds the three reference cases', () => {
    assert.ok(names.length >= 3, `found ${names.length} cases in ${FIXTURES}`);
  });

  for (const name of names) {
    it(`${name} matches its expected output to relative ${TOLERANCE}`, () => {
      const expected = readJson(name.replace('.input.json', '.expected.json')) as Record<string, unknown>;
      const result = runGradCase(parseGradCase(readJson(name))) as unknown as Record<string, unknown>;
      for (const key of ['loss', 'outputs', 'grads', 'hidden_grad_norms', 'cell_grad_norms', 'hidden_grads', 'final_hidden', 'final_cell']) {
        if (!(key in expected)) continue;
        const worst = worstRelativeDifference(result[key], expected[key], key);
        assert.ok(worst <= TOLERANCE, `${key}: worst relative difference ${worst}`);
      }
    });
  }
});
