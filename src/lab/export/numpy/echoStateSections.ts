// The sections of the exported NumPy echo state network script (issue 14), after its header, data preparation and
// tanh: the reservoir run over every sequence (docs/maths.md "Echo state network": the reservoir, the washout), the
// ridge readout fitted in closed form on the same normal equations as engine/esn/ridgeReadout.ts, and J on both sets
// (docs/maths.md "Losses"). By default every sum is taken in the engine's order (engine/esn/reservoir.ts,
// ridgeReadout.ts, linalg/cholesky.ts), vectorised over sequences, samples or rows, so the script reproduces the run
// bit for bit; `--lapack` uses BLAS products, numpy.tanh and numpy.linalg.cholesky/solve instead (the same equations,
// faster for large reservoirs, with rounding of its own). The driver is echoStateMain.ts.


export const PYTHON_RESERVOIR_SECTION = String.raw`
# ------------------------------------------------------------------ the reservoir (docs/maths.md "Echo state network")
EXACT = True  # every sum in the engine's order (the default); --lapack sets False: BLAS products and numpy.tanh


class Reservoir:
    """The run's fixed reservoir, read from the sidecar's copy of its model.json (never drawn again, never trained):
    W [N×N] (sparse, rescaled to spectral radius ρ when the run drew it), W_in [N×(1+I)] whose column 0 multiplies the
    constant 1 (the reservoir's bias), and the leak rate a."""

    def __init__(self, document):
        self.W = np.array(document["reservoir"]["W"], dtype=np.float64)
        self.W_in = np.array(document["reservoir"]["W_in"], dtype=np.float64)
        self.leak = float(document["config"]["leak"])
        self.size = self.W.shape[0]
        if self.W.shape != (self.size, self.size) or self.W_in.shape != (self.size, 1 + INPUT_SIZE):
            raise SystemExit(f"{SIDECAR}: W is {self.W.shape} and W_in {self.W_in.shape}; expected N×N and N×{1 + INPUT_SIZE}")
        if not 0 < self.leak <= 1:
            raise SystemExit(f"{SIDECAR}: the leak rate must be in (0, 1], got {self.leak}")
        # W by rows, each row's nonzero entries in column order (the engine's compressed sparse rows), padded with
        # zeros to the longest row: term k of unit r's sum W x is values[r, k]·x[columns[r, k]]
        width = max(1, int(np.count_nonzero(self.W, axis=1).max()))
        self.columns = np.zeros((self.size, width), dtype=np.int64)
        self.values = np.zeros((self.size, width))
        for r in range(self.size):
            nonzero = np.flatnonzero(self.W[r])
            self.columns[r, : len(nonzero)] = nonzero
            self.values[r, : len(nonzero)] = self.W[r, nonzero]

    def step(self, x, u):
        """One update of B sequences side by side: x [N×B] (a column per sequence), u [B×I] their inputs u(n).
            x(n) = (1 − a)·x(n−1) + a·tanh(W_in [1; u(n)] + W x(n−1))
        Unit r's pre-activation is summed as the engine sums it (engine/esn/reservoir.ts): the bias W_in[r,0], then
        W_in[r,1+i]·u_i for i = 0…I−1, then W[r,c]·x_c over the nonzero W[r,c] in column order; every unit reads the
        old x."""
        a = self.leak
        if not EXACT:
            return (1.0 - a) * x + a * np.tanh(self.W_in[:, :1] + self.W_in[:, 1:] @ u.T + self.W @ x)
        pre = np.repeat(self.W_in[:, :1], x.shape[1], axis=1)
        for i in range(INPUT_SIZE):
            pre = pre + self.W_in[:, 1 + i : 2 + i] * u[:, i]
        for k in range(self.values.shape[1]):
            pre = pre + self.values[:, k : k + 1] * x[self.columns[:, k], :]
        return (1.0 - a) * x + a * engine_tanh(pre)

    def features(self, examples, washout):
        """Runs the reservoir over every sequence; returns (Z, Y): the feature vectors z(n) = [1; u(n); x(n)] of the
        scored steps as the rows of Z [S×F] (F = 1 + I + N, in that order) and their targets as the rows of Y [S×O],
        sequence after sequence and step after step, the order in which the engine visits them.

        Every sequence starts from x(0) = 0. The scored steps (engine/esn/echoStateNetwork.ts; docs/maths.md "Washout"):
          many-to-many-synced      every step n ≥ washout (the first washout states are a transient of the zero
                                   start: neither fitted nor scored); the target of step n is y(n)
          many-to-one, one-to-one  only the state after the last input (the washout does not apply)
        Sequences of equal length run side by side: the same arithmetic as one at a time."""
        synced = TOPOLOGY == "many-to-many-synced"
        by_length, scored = {}, []
        for index, (x, y) in enumerate(examples):
            if len(y) != (len(x) if synced else 1):
                raise SystemExit(f"data: sequence {index + 1} has {len(x)} steps and {len(y)} target rows; {TOPOLOGY} needs {len(x) if synced else 1}")
            by_length.setdefault(len(x), []).append(index)
            scored.append(max(0, len(x) - washout) if synced else 1)
        first_row = np.concatenate([[0], np.cumsum(scored, dtype=np.int64)])
        Z = np.empty((int(first_row[-1]), 1 + INPUT_SIZE + self.size))
        Y = np.empty((int(first_row[-1]), OUTPUT_SIZE))
        for length, indices in by_length.items():
            inputs = np.array([examples[i][0] for i in indices], dtype=np.float64).reshape(len(indices), length, INPUT_SIZE)
            targets = np.array([examples[i][1] for i in indices], dtype=np.float64).reshape(len(indices), -1, OUTPUT_SIZE)
            rows = first_row[indices]
            x = np.zeros((self.size, len(indices)))
            for n in range(length):
                u = inputs[:, n, :]
                x = self.step(x, u)
                if synced and n >= washout:
                    row, target = rows + (n - washout), targets[:, n, :]
                elif not synced and n == length - 1:
                    row, target = rows, targets[:, 0, :]
                else:
                    continue
                Z[row, 0] = 1.0
                Z[row, 1 : 1 + INPUT_SIZE] = u
                Z[row, 1 + INPUT_SIZE :] = x.T
                Y[row] = target
        return Z, Y
`;

export const PYTHON_READOUT_SECTION = String.raw`
# ------------------------------------------------------------------ the ridge readout (docs/maths.md "Echo state network")
def fit_readout(Z, Y, ridge):
    """W_out = Y Zᵀ (Z Zᵀ + βI)⁻¹ in closed form, with the feature vectors of the S kept samples as the columns of Z
    [F×S] and their targets as the columns of Y [O×S] (held here transposed, a row per sample). As the engine does
    (engine/esn/ridgeReadout.ts): Z Zᵀ [F×F] and Z Yᵀ [F×O] are summed sample after sample, β is added to every
    diagonal entry — the bias and input columns are regularised too, exactly as the formula says — and the symmetric
    positive definite system (Z Zᵀ + βI) W_outᵀ = Z Yᵀ is solved by Cholesky factorisation.
    Why the engine's order matters: with a small β, Z Zᵀ + βI is often ill-conditioned (condition numbers of 10⁸ and
    more), so rounding anywhere — another summation order, another tanh — moves W_out by up to cond·ε, and J with it.
    Returns W_out [O×F]."""
    if Z.shape[0] == 0:
        raise SystemExit("no training samples: every sequence is at most washout steps long; lower the washout or use longer sequences")
    features = Z.shape[1]
    if EXACT:
        gram, cross = np.zeros((features, features)), np.zeros((features, OUTPUT_SIZE))
        for z, y in zip(Z, Y):
            gram += np.outer(z, z)
            cross += np.outer(z, y)
    else:
        gram, cross = Z.T @ Z, Z.T @ Y
    a = gram.copy()
    a[np.diag_indices(features)] += ridge
    if EXACT:
        solution = cholesky_solve(cholesky_factor(a, ridge), cross)
    else:
        try:
            lower = np.linalg.cholesky(a)
        except np.linalg.LinAlgError as error:
            raise SystemExit(f"ridge readout: Z Zᵀ + βI is singular for β = {ridge} ({error}); use a ridge β > 0, e.g. 1e-6")
        solution = np.linalg.solve(lower.T, np.linalg.solve(lower, cross))
    return solution.T.copy()  # W_outᵀ [F×O] → W_out


def cholesky_factor(a, ridge):
    """A = L Lᵀ as engine/linalg/cholesky.ts computes it: L[j,j] = √(A[j,j] − Σ_k<j L[j,k]²) and
    L[i,j] = (A[i,j] − Σ_k<j L[i,k]·L[j,k]) / L[j,j] for i > j, each sum subtracted term by term in k order
    (vectorised over the rows i ≥ j of column j). Reads the lower triangle of A."""
    n = a.shape[0]
    lower = np.zeros_like(a)
    for j in range(n):
        column = a[j:, j].copy()
        for k in range(j):
            column -= lower[j:, k] * lower[j, k]
        if not column[0] > 0:
            raise SystemExit(f"ridge readout: Z Zᵀ + βI is not positive definite for β = {ridge} (pivot {j + 1} of {n} is {column[0]}); use a ridge β > 0, e.g. 1e-6")
        pivot = math.sqrt(column[0])
        lower[j, j] = pivot
        lower[j + 1 :, j] = column[1:] / pivot
    return lower


def cholesky_solve(lower, b):
    """Solves L Lᵀ X = B as engine/linalg/cholesky.ts: forward substitution L V = B (row i subtracts L[i,k]·v_k for
    k = 0…i−1 in order, then divides by L[i,i]), then back substitution Lᵀ X = V (row i subtracts L[k,i]·x_k for
    k = i+1…n−1 in order, then divides by L[i,i])."""
    n = lower.shape[0]
    x = b.copy()
    for k in range(n):
        x[k] /= lower[k, k]
        x[k + 1 :] -= lower[k + 1 :, k : k + 1] * x[k]
    for i in range(n - 1, -1, -1):
        row = x[i].copy()
        for k in range(i + 1, n):
            row -= lower[k, i] * x[k]
        x[i] = row / lower[i, i]
    return x


# ------------------------------------------------------------------ the loss (docs/maths.md "Losses")
def loss(Z, Y, readout):
    """J = Σ (ŷ − y)² / (2m) over the m scored target values, ŷ = W_out z for every kept sample (a row of Z), with the
    ½ of docs/maths.md. The engine sums ŷ_o = Σ_f W_out[o,f]·z_f and then Σ (ŷ − y)² term by term in order; so does
    this, vectorised over the samples. None for a set without scored steps (the run records no loss then)."""
    if Z.shape[0] == 0:
        return None
    if not EXACT:
        errors = Z @ readout.T - Y
        return float(np.sum(errors * errors)) / (2 * errors.size)
    predictions = np.zeros((Z.shape[0], OUTPUT_SIZE))
    for f in range(Z.shape[1]):
        predictions = predictions + readout[:, f] * Z[:, f : f + 1]
    errors = predictions - Y
    total = 0.0
    for square in (errors * errors).ravel().tolist():
        total += square
    return total / (2 * errors.size)
`;
