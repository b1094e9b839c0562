// Double-double arithmetic (used by the gradient check) really carries ~32 digits.
import * as assert from 'node:assert/strict';
import { add, dd, div, exp, log, mul, sigmoid, sub, tanh, toNumber } from '../../../src/engine/doubleDouble';

describe('double-double arithmetic', () => {
  it('keeps what float64 loses: (1 + 1e-20) − 1 = 1e-20', () => {
    assert.equal(toNumber(sub(add(dd(1), dd(1e-20)), dd(1))), 1e-20);
  });

  it('1/3 · 3 − 1 is below 1e-31', () => {
    assert.ok(Math.abs(toNumber(sub(mul(div(dd(1), dd(3)), dd(3)), dd(1)))) < 1e-31);
  });

  it('exp(a) · exp(−a) = 1 and log(exp(a)) = a to ~1e-28', () => {
    for (const a of [-20, -1.5, -1e-3, 0.25, 3, 40]) {
      const product = mul(exp(dd(a)), exp(dd(-a)));
      assert.ok(Math.abs(toNumber(sub(product, dd(1)))) < 1e-27, `exp(${a})`);
      assert.ok(Math.abs(toNumber(sub(log(exp(dd(a))), dd(a)))) < 1e-27 * Math.max(1, Math.abs(a)), `log(exp(${a}))`);
    }
  });

  it('e = exp(1) to double-double precision; tanh and sig agree with float64 and their identities', () => {
    // e = 2.718281828459045 + 1.4456468917292502e-16 (QD library constant); ten squarings cost a few ulps of lo
    const e = exp(dd(1));
    assert.equal(e.hi, 2.718281828459045);
    assert.ok(Math.abs(e.lo - 1.4456468917292502e-16) < 1e-29);
    for (const a of [-30, -2, -0.1, 0, 0.7, 5]) {
      assert.ok(Math.abs(toNumber(tanh(dd(a))) - Math.tanh(a)) <= 2.3e-16);
      // tanh a = 2 sig(2a) − 1
      const viaSigmoid = sub(mul(dd(2), sigmoid(dd(2 * a))), dd(1));
      assert.ok(Math.abs(toNumber(sub(tanh(dd(a)), viaSigmoid))) < 1e-30, `tanh(${a})`);
    }
  });
});
