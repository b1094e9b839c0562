// Input validation shared by the linear-algebra routines: a clear RangeError naming the routine and what was wrong.

export function assertSquareMatrix(routine: string, a: Float64Array, n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${routine}: matrix order must be a positive integer (got ${n}).`);
  if (a.length !== n * n) {
    throw new RangeError(`${routine}: matrix has ${a.length} entries, expected n×n = ${n}×${n} = ${n * n}.`);
  }
  assertFinite(routine, a);
}

export function assertMatrixShape(routine: string, a: Float64Array, rows: number, cols: number): void {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1) {
    throw new RangeError(`${routine}: rows and cols must be positive integers (got ${rows}×${cols}).`);
  }
  if (a.length !== rows * cols) {
    throw new RangeError(`${routine}: matrix has ${a.length} entries, expected rows×cols = ${rows}×${cols} = ${rows * cols}.`);
  }
  assertFinite(routine, a);
}

function assertFinite(routine: string, a: Float64Array): void {
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i])) throw new RangeError(`${routine}: entry ${i} is ${a[i]}; the matrix must be finite.`);
  }
}
