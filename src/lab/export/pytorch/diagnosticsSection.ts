// Validation loss and the gradient-decay measurement of the exported PyTorch script (docs/maths.md "Diagnostics"):
// ‖∂J/∂h_k‖ per layer and timestep on the probe sequence (the first validation example, else the first training
// example), the same curve the training panel draws, plus ‖∂J/∂c_k‖ for LSTM and ‖∂J_t/∂h_k‖ of the last scored term.
export const PYTHON_DIAGNOSTICS_SECTION = String.raw`
# ------------------------------------------------------------------ validation loss and gradient decay
@torch.no_grad()
def evaluate(net, examples, chunk=1024):
    """J over a whole set: the mean over all its scored values (NaN for an empty set)."""
    m = sum(scored_values(example) for example in examples)
    if m == 0:
        return float("nan")
    total = 0.0
    for begin in range(0, len(examples), chunk):
        for x, y in batches_of(examples[begin : begin + chunk]):
            y_hat, _ = net(x, y.shape[1])
            total += loss_sum(y_hat, y).item()
    return total / m


def gradient_norms(loss, states):
    """‖∂loss/∂s‖ for every tensor s of states (the total derivative through every later step), 0 where unused."""
    grads = torch.autograd.grad(loss, states, retain_graph=True, allow_unused=True)
    return [0.0 if g is None else torch.linalg.vector_norm(g).item() for g in grads]


def gradient_decay(net, example):
    """What the panel's gradient-decay chart shows, for one sequence: the forward pass step by step with every layer's
    h_t kept, then autograd.grad of J (and of its last scored term J_t) with respect to each of them."""
    x, y = example
    x, y = x[None], y[None]
    trace = {}
    y_hat, _ = net(x, y.shape[1], stepwise=True, trace=trace)
    m = scored_values((x[0], y[0]))
    loss = loss_sum(y_hat, y) / m
    term = loss_sum(y_hat[:, -1:], y[:, -1:]) / m
    encoder = trace["encoder"]
    result = {
        "loss": loss.item(),
        "hidden": [gradient_norms(loss, layer) for layer in encoder["h"]],
        "lossTermHidden": [gradient_norms(term, layer) for layer in encoder["h"]],
    }
    if CELL == "lstm":
        result["cell"] = [gradient_norms(loss, layer) for layer in encoder["c"]]
    if "decoder" in trace:
        result["decoderHidden"] = [gradient_norms(loss, layer) for layer in trace["decoder"]["h"]]
    return result
`;
