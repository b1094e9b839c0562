// Scalar nonlinearities of the cells (docs/maths.md, "Parameter layout"). Written so the derivative is computed from
// the stored OUTPUT, which is all the backward pass keeps (min-char-rnn style): tanh' = 1 − h², sig' = s(1 − s),
// relu' = [h > 0] (PyTorch's convention: the derivative at 0 is 0).

export function sigmoid(a: number): number {
  // Two branches so that exp never overflows for large |a|.
  if (a >= 0) return 1 / (1 + Math.exp(-a));
  const e = Math.exp(a);
  return e / (1 + e);
}

