// Our own gradient cases: 2–3 layers and non-zero initial states h0 (and c0), which the torch fixtures do not cover.
// Each case is verified independently of the engine — parameter gradients and ∂J/∂h0, ∂J/∂c0 by central
// differences of the double-double reference forward pass — and its stored output guards against regressions.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { computeBatchGradients } from '../../../src/engine/bptt';
import type { LstmLayer } from '../../../src/engine/cells/lstmLayer';
import { dd, div, sub, toNumber } from '../../../src/engine/doubleDouble';
import { gradCaseConfig, parseGradCase, runGradCase } from '../../../src/engine/gradCase';
import { buildGradCaseProblem } from '../../../src/engine/gradCaseRunner';
import { checkGradients } from '../../../src/engine/gradcheck';
import { referenceLoss } from '../../../src/engine/referenceLoss';
import type { RecurrentState } from '../../../src/engine/model';
import { relativeError, worstRelativeDifference } from './numericAssertions';

const OWN = path.resolve(__dirname, '../../../../test/fixtures/grad-cases/own');
const EPSILON = 1e-6;

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(OWN, file), 'utf8')) as unknown;
}

/** ∂J/∂(state entry) by central differences in double-double, perturbing one entry of h0 or c0. */
function numericStateGradient(problem: ReturnType<typeof buildGradCaseProblem>, which: 'hidden' | 'cell', index: number): number {
  const state = problem.initialState;
  const vector = which === 'hidden' ? state.hidden : state.cell!;
  const original = vector[index]!;
  const perturbed = (value: number): RecurrentState => {
    const copy = Float64Array.from(vector);
    copy[index] = value;
    return which === 'hidden' ? { hidden: copy, cell: state.cell } : { hidden: state.hidden, cell: copy };
  };
  const plus = original + EPSILON;
  const minus = original - EPSILON;
  const jPlus = referenceLoss(problem.model, [problem.example], perturbed(plus));
  const jMinus = referenceLoss(problem.model, [problem.example], perturbed(minus));
  return toNumber(div(sub(jPlus, jMinus), sub(dd(plus), dd(minus))));
}

describe('grad cases: own 2–3 layer cases with non-zero initial states', function () {
  this.timeout(60_000);
  const names = fs.readdirSync(OWN).filter((file) => file.endsWith('.input.json'));

  it('has at least three cases, all with 2+ layers and h0', () => {
    assert.ok(names.length >= 3);
    for (const name of names) {
      const parsed = parseGradCase(readJson(name));
      assert.ok(parsed.numLayers >= 2 && parsed.h0 !== null, name);
    }
  });

  for (const name of names) {
    describe(name, () => {
      const gradCase = parseGradCase(readJson(name));
      const config = gradCaseConfig(gradCase);

      it('parameter gradients match double-double central differences to 1e-6', () => {
        const problem = buildGradCaseProblem(gradCase, config);
        const report = checkGradients(problem.model, [problem.example], { initialState: problem.initialState });
        assert.ok(report.passed, report.parameters.map((p) => `${p.name} ${p.worstRelativeError}`).join(', '));
      });

      it('∂J/∂h0 (and ∂J/∂c0) of every layer match central differences: the total derivative through time and layers', () => {
        const problem = buildGradCaseProblem(gradCase, config);
        computeBatchGradients(problem.model, [problem.example], [0], 0, 1, { initialState: problem.initialState });
        const H = config.hiddenSize;
        problem.model.encoder.layers.forEach((layer, l) => {
          for (let j = 0; j < H; j++) {
            const numeric = numericStateGradient(problem, 'hidden', l * H + j);
            const analytic = layer.hiddenGradientCarry[j]!;
            assert.ok(relativeError(analytic, numeric) < 1e-6 || Math.abs(analytic - numeric) < 1e-12, `h0[${l}][${j}]: ${analytic} vs ${numeric}`);
            if (config.cell === 'lstm' && problem.initialState.cell !== null) {
              const numericCell = numericStateGradient(problem, 'cell', l * H + j);
              const analyticCell = (layer as LstmLayer).cellGradientCarry[j]!;
              assert.ok(relativeError(analyticCell, numericCell) < 1e-6, `c0[${l}][${j}]: ${analyticCell} vs ${numericCell}`);
            }
          }
        });
      });

      it('the top layer\'s ∂J/∂h_T is W_outᵀ (ŷ_T − y_T)/m (nothing flows back into the last step)', () => {
        const result = runGradCase(gradCase);
        const T = gradCase.inputs.length;
        const O = config.outputSize;
        const m = (gradCase.loss === 'mse_last' ? 1 : T) * O;
        const last = gradCase.loss === 'mse_last' ? (result.outputs as number[]) : (result.outputs as number[][])[T - 1]!;
        const target = gradCase.targets[gradCase.targets.length - 1]!;
        const expected = Array.from({ length: config.hiddenSize }, (_, j) =>
          last.reduce((sum, y, o) => sum + gradCase.W_out[o]![j]! * ((y - target[o]!) / m), 0),
        );
        const top = result.hidden_grads[config.numLayers - 1]![T - 1]!;
        assert.ok(worstRelativeDifference(top, expected, 'dh_T') < 1e-12);
      });

      it('reproduces its stored output', () => {
        const expected = readJson(name.replace('.input.json', '.expected.json')) as Record<string, unknown>;
        const result = runGradCase(gradCase) as unknown as Record<string, unknown>;
        for (const key of Object.keys(result)) {
          assert.ok(worstRelativeDifference(result[key], expected[key], key) < 1e-12, key);
        }
      });
    });
  }
});
