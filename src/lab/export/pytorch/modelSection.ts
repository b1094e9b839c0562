// The model section of the exported PyTorch script: RNN Lab's model (engine/model.ts) in torch.nn — torch.nn.RNN,
// LSTM or GRU stacks with PyTorch's own parameter names and gate order (the engine uses them too, parameterLayout.ts),
// a second stack for the encoder–decoder, and the linear readout. Two ways through a stack: the fused module (fast,
// cuDNN on a GPU) and the cell equations step by step (for the sigmoid RNN, which torch.nn.RNN lacks, for Ω and for
// the gradient-decay measurement, which need every layer's h_t).
export const PYTHON_MODEL_SECTION = String.raw`
# ------------------------------------------------------------------ the model (docs/maths.md "Parameter layout")
def make_stack(input_size):
    """NUM_LAYERS stacked layers; layer l has weight_ih_l{l}, weight_hh_l{l}, bias_ih_l{l}, bias_hh_l{l}."""
    if CELL == "lstm":
        return nn.LSTM(input_size, HIDDEN_SIZE, NUM_LAYERS, batch_first=True)
    if CELL == "gru":
        return nn.GRU(input_size, HIDDEN_SIZE, NUM_LAYERS, batch_first=True)
    # torch.nn.RNN has tanh and relu; a sigmoid RNN keeps its parameters here and always runs step by step
    return nn.RNN(input_size, HIDDEN_SIZE, NUM_LAYERS, nonlinearity="relu" if NONLINEARITY == "relu" else "tanh", batch_first=True)


def cell_step(x, h, c, w_ih, w_hh, b_ih, b_hh):
    """One step of one layer: the lecture's cell equations, in PyTorch's gate order."""
    if CELL == "rnn":
        # h_t = σ(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh)
        a = F.linear(x, w_ih, b_ih) + F.linear(h, w_hh, b_hh)
        return {"tanh": torch.tanh, "relu": torch.relu, "sigmoid": torch.sigmoid}[NONLINEARITY](a), None
    if CELL == "lstm":
        # gates i, f, g, o; c_t = f ⊙ c_{t−1} + i ⊙ g (the constant error carousel); h_t = o ⊙ tanh(c_t)
        i, f, g, o = (F.linear(x, w_ih, b_ih) + F.linear(h, w_hh, b_hh)).chunk(4, dim=1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        return torch.sigmoid(o) * torch.tanh(c), c
    # GRU, gates r, z, n: n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)); h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
    xr, xz, xn = F.linear(x, w_ih, b_ih).chunk(3, dim=1)
    hr, hz, hn = F.linear(h, w_hh, b_hh).chunk(3, dim=1)
    r = torch.sigmoid(xr + hr)
    z = torch.sigmoid(xz + hz)
    n = torch.tanh(xn + r * hn)
    return (1 - z) * n + z * h, None


def run_stack(stack, x, state, stepwise=False, trace=None):
    """The stack over x [B, T, I] from state (None: zeros). Returns (top layer's h_t [B, T, H], final state).
    With trace (a dict), every layer's h_t (and c_t) are kept in trace["h"][l] (trace["c"][l]) for the gradient-decay
    measurement and for Ω."""
    if not stepwise and trace is None and not (CELL == "rnn" and NONLINEARITY == "sigmoid"):
        return stack(x, state)
    batch, steps = x.shape[0], x.shape[1]
    if state is None:
        zeros = x.new_zeros(NUM_LAYERS, batch, HIDDEN_SIZE)
        state = (zeros, zeros) if CELL == "lstm" else zeros
    h = list((state[0] if CELL == "lstm" else state).unbind(0))
    c = list(state[1].unbind(0)) if CELL == "lstm" else [None] * NUM_LAYERS
    if trace is not None:
        trace.setdefault("h", [[] for _ in range(NUM_LAYERS)])
        trace.setdefault("c", [[] for _ in range(NUM_LAYERS)])
        trace.setdefault("h0", [layer_h for layer_h in h])
    top = []
    for t in range(steps):
        layer_input = x[:, t]
        for l in range(NUM_LAYERS):
            weights = [getattr(stack, f"{name}_l{l}") for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")]
            h[l], c[l] = cell_step(layer_input, h[l], c[l], *weights)
            if trace is not None:
                trace["h"][l].append(h[l])
                if c[l] is not None:
                    trace["c"][l].append(c[l])
            layer_input = h[l]
        top.append(layer_input)
    final = (torch.stack(h), torch.stack(c)) if CELL == "lstm" else torch.stack(h)
    return torch.stack(top, dim=1), final


class LectureRNN(nn.Module):
    """Encoder stack, decoder stack (encoder–decoder only) and the readout ŷ_t = W_out h_t + b_out
    (logits of the softmax for cross-entropy)."""

    def __init__(self):
        super().__init__()
        self.encoder = make_stack(INPUT_SIZE)
        self.decoder = make_stack(OUTPUT_SIZE) if TOPOLOGY == "many-to-many-encoder-decoder" else None
        self.readout = nn.Linear(HIDDEN_SIZE, OUTPUT_SIZE)

    def forward(self, x, target_length, state=None, stepwise=False, trace=None):
        """ŷ of the scored steps [B, S, O] and the encoder's final state. Which steps are scored follows the topology."""
        encoder_trace = None if trace is None else trace.setdefault("encoder", {})
        if TOPOLOGY == "one-to-many":
            # one input vector generates target_length outputs: x at step 1, then zeros (or x again at every step)
            if ONE_TO_MANY_INPUT == "every-step":
                x = x.expand(-1, target_length, -1)
            else:
                x = torch.cat([x, x.new_zeros(x.shape[0], target_length - 1, x.shape[2])], dim=1)
        out, state = run_stack(self.encoder, x, state, stepwise, encoder_trace)
        if TOPOLOGY in ("many-to-one", "one-to-one"):
            return self.readout(out[:, -1:]), state
        if TOPOLOGY in ("many-to-many-synced", "one-to-many"):
            return self.readout(out), state
        # encoder–decoder: the decoder starts from the encoder's final state in every layer and reads its own previous
        # prediction ŷ_{j−1} (ŷ_{−1} = 0), at training and inference alike, so the gradient also flows through the feedback
        decoder_trace = None if trace is None else trace.setdefault("decoder", {})
        feed = out.new_zeros(out.shape[0], 1, OUTPUT_SIZE)
        outputs, decoder_state = [], state
        for _ in range(target_length):
            step, decoder_state = run_stack(self.decoder, feed, decoder_state, stepwise, decoder_trace)
            feed = self.readout(step)
            outputs.append(feed)
        return torch.cat(outputs, dim=1), state


def engine_name(torch_name):
    """RNN Lab's parameter names: the encoder's are PyTorch's own, the decoder's prefixed "decoder.", the readout's
    weight_out and bias_out."""
    if torch_name.startswith("encoder."):
        return torch_name[len("encoder."):]
    return {"readout.weight": "weight_out", "readout.bias": "bias_out"}.get(torch_name, torch_name)


def load_engine_parameters(model, state_dict, dtype):
    """Loads RNN Lab's parameters (name → nested lists) into the module, checking every name and shape."""
    own = model.state_dict()
    loaded = {}
    for name, tensor in own.items():
        values = torch.tensor(state_dict[engine_name(name)], dtype=dtype)
        if values.shape != tensor.shape:
            raise SystemExit(f"sidecar: {engine_name(name)} has shape {list(values.shape)}, expected {list(tensor.shape)}")
        loaded[name] = values
    model.load_state_dict(loaded)
`;
