// Input validation shared by the linear-algebra routines: a clear RangeError naming the routine, the offending entry
// (flat index and row, column) and what was wrong with it.

export function assertSquareMatrix(routine: string, a: Float64Array, n: number, maxMagnitude = Infinity): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${routine}: matrix order must be a positive integer (got ${n}).`);
  if (a.length !== n * n) {
    throw new RangeError(`${routine}: matrix has ${a.length} entries, expected n×n = ${n}×${n} = ${n * n}.`);
  }
  assertEntries(routine, a, n, maxMagnitude);
}

export function assertMatrixShape(routine: string, a: Float64Array, rows: number, cols: number, maxMagnitude = Infinity): void {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1) {
    throw new RangeError(`${routine}: rows and cols must be positive integers (got ${rows}×${cols}).`);
  }
  if (a.length !== rows * cols) {
    throw new RangeError(`${routine}: matrix has ${a.length} entries, expected rows×cols = ${rows}×${cols} = ${rows * cols}.`);
  }
  assertEntries(routine, a, cols, maxMagnitude);
}

/** Every entry finite, and |a_ij| ≤ maxMagnitude (a routine that squares entries passes the bound that keeps sums of squares finite). */
function assertEntries(routine: string, a: Float64Array, cols: number, maxMagnitude: number): void {
  for (let i = 0; i < a.length; i++) {
    const value = a[i];
    if (Number.isFinite(value) && Math.abs(value) <= maxMagnitude) continue;
    const where = `entry ${i} (row ${Math.floor(i / cols)}, column ${i % cols})`;
    if (!Number.isFinite(value)) throw new RangeError(`${routine}: ${where} is ${value}; the matrix must be finite.`);
    throw new RangeError(
      `${routine}: ${where} is ${value}, which would overflow: entries must satisfy |a| ≤ ${maxMagnitude.toPrecision(3)} so that squares and sums of squares (‖W‖_F², WᵀW) stay below the largest double ≈ 1.8e308.`,
    );
  }
}
