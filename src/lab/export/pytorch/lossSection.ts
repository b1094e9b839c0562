// Loss, mini-batches and truncated BPTT of the exported PyTorch script (docs/maths.md "Losses", "Truncated BPTT"):
// J = 1/(2m) Σ (ŷ − y)² (with the ½) or −(1/m) Σ log softmax(ŷ)_y, m = every scored value of the WHOLE mini-batch, so
// each rank's shard contributes its share and the shares add up to the batch's J.
export const PYTHON_LOSS_SECTION = String.raw`
# ------------------------------------------------------------------ loss and gradients (docs/maths.md "Losses")
def scored_values(example):
    """m's share of one example: every target value (MSE) or every class label (cross-entropy)."""
    x, y = example
    return len(y) * (OUTPUT_SIZE if LOSS == "mse" else 1)


def loss_sum(y_hat, y):
    """Σ ½(ŷ − y)² (MSE, the lecture's ½) or Σ −log softmax(ŷ)_y (cross-entropy); the caller divides by m."""
    if LOSS == "mse":
        return ((y_hat - y) ** 2).sum() / 2
    return F.cross_entropy(y_hat.reshape(-1, OUTPUT_SIZE), y.reshape(-1), reduction="sum")


def as_tensors(example, dtype, device):
    x, y = example
    if INPUT_ONE_HOT:
        x = F.one_hot(torch.tensor(x, dtype=torch.long), INPUT_SIZE).to(dtype)
    else:
        x = torch.tensor(x, dtype=dtype)
    y = torch.tensor(y, dtype=dtype) if LOSS == "mse" else torch.tensor(y, dtype=torch.long)
    return x.to(device), y.to(device)


def batches_of(examples):
    """The examples as stacked tensors [B, T, I], [B, S, …], one group per distinct shape (one group when all
    sequences have the same length)."""
    groups = {}
    for x, y in examples:
        groups.setdefault((tuple(x.shape), tuple(y.shape)), []).append((x, y))
    return [(torch.stack([x for x, _ in group]), torch.stack([y for _, y in group])) for group in groups.values()]


def batch_gradients(model, examples, m, omega):
    """Full BPTT: ∂J/∂θ of these examples' share of the batch loss, added into .grad; returns that share of J."""
    share = 0.0
    for x, y in batches_of(examples):
        trace = {} if omega is not None else None
        y_hat, _ = model(x, y.shape[1], trace=trace)
        share += backward(loss_sum(y_hat, y) / m, trace, omega)
    return share


def backward(loss, trace, omega):
    """loss.backward() into .grad; with Ω, the pass's terms are collected from the kept ∂J/∂h_k. Returns the loss."""
    if omega is not None:
        keep_hidden_gradients(trace)
    loss.backward()
    if omega is not None:
        omega.add(trace)
    return loss.item()
`;

export const PYTHON_TBPTT_SECTION = String.raw`
# ------------------------------------------------------------------ truncated BPTT (docs/maths.md "Truncated BPTT")
def truncated_batch_gradients(model, examples, m, omega):
    """TBPTT(k1, k2) as RNN Lab runs it: every k1 forward steps, a backward pass that reaches back k2 steps (or to the
    start). Window w ends at e_w = min(w·k1, T) and backpropagates over [s_w, e_w), s_w = max(0, e_w − k2); its forward
    starts from the state after step s_w − 1, carried over WITHOUT gradient (detached). Each scored value enters J once,
    in the window whose new steps [e_{w−1}, e_w) contain it. Windows that start at step 0 share one backward pass, so
    k2 ≥ T is exactly full BPTT."""
    k1, k2 = TBPTT
    share = 0.0
    net = model.module if isinstance(model, DistributedDataParallel) else model
    for x, y in batches_of(examples):
        steps = x.shape[1]
        state, window_start, scored_from = None, 0, 0
        end = min(k1, steps)
        while True:
            is_last = end == steps
            following = min(end + k1, steps)
            if not is_last and following - k2 <= 0:
                end = following  # this window starts at step 0 too: deferred to the next one
                continue
            start = max(0, end - k2)
            if start > window_start:
                with torch.no_grad():  # the state after step start − 1, without gradient
                    _, state = run_stack(net.encoder, x[:, window_start:start], state)
            window_start = start
            trace = {} if omega is not None else None
            y_hat, _ = model(x[:, start:end], end - start if TOPOLOGY == "many-to-many-synced" else 1, state=state, trace=trace)
            if TOPOLOGY == "many-to-many-synced":
                loss = loss_sum(y_hat[:, scored_from - start :], y[:, scored_from:end]) / m
            else:
                loss = loss_sum(y_hat, y) / m if is_last else None  # many-to-one: only the last step is scored
            if loss is not None:
                share += backward(loss, trace, omega)
            if is_last:
                break
            scored_from = end
            end = following
    return share
`;
