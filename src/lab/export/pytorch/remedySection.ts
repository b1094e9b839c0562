// The remedies of the exported PyTorch script, in RNN Lab's order (engine/training/remedyHooks.ts; docs/maths.md
// "Remedies"): the ranks' gradients summed, L2 (g ← g + λθ on the weight matrices), Ω (g_Whh ← g_Whh + α ∂Ω/∂W_hh),
// the global norm measured and clipped with the engine's ≥ rule, clipping by value, then the optimiser step.
export const PYTHON_OMEGA_SECTION = String.raw`
# ------------------------------------------------------------------ Pascanu's Ω (docs/maths.md "Penalties")
def keep_hidden_gradients(trace):
    """Asks autograd to keep ∂J/∂h_k of every traced hidden state (Ω reads them after the backward pass)."""
    for part in trace.values():
        for layer in part.get("h", []):
            for h in layer:
                h.retain_grad()


class Omega:
    """Ω = mean over the kept terms of (r_k − 1)², r_k = ‖W_hhᵀ u_k‖² / ‖δ_k‖², u_k = σ'(a_k) ⊙ δ_k, δ_k = ∂J/∂h_k (the
    total derivative BPTT gives), one term per step and sequence, steps with ‖δ_k‖² < 1e-20 skipped; δ and σ'(a) are
    held constant, so ∂(r_k − 1)²/∂W_hh = 4 (r_k − 1)/‖δ_k‖² · u_k v_kᵀ with v_k = W_hhᵀ u_k. Each layer's W_hh (also the
    decoder's) has its own Ω_l; α Σ_l ∂Ω_l/∂W_hh is added to the gradient once per mini-batch."""

    def __init__(self, net):
        self.stacks = [("encoder", net.encoder)] + ([("decoder", net.decoder)] if net.decoder is not None else [])
        self.reset()

    def reset(self):
        self.sums = {}

    def add(self, trace):
        with torch.no_grad():
            for key, stack in self.stacks:
                for l, states in enumerate(trace.get(key, {}).get("h", [])):
                    w_hh = getattr(stack, f"weight_hh_l{l}")
                    total = self.sums.setdefault((key, l), [torch.zeros((), dtype=w_hh.dtype, device=w_hh.device), torch.zeros((), dtype=w_hh.dtype, device=w_hh.device), torch.zeros_like(w_hh)])
                    for h in states:
                        delta = h.grad if h.grad is not None else torch.zeros_like(h)
                        derivative = {"tanh": 1 - h * h, "sigmoid": h * (1 - h), "relu": (h > 0).to(h.dtype)}[NONLINEARITY]
                        delta_squared = (delta * delta).sum(dim=1)
                        kept = delta_squared >= 1e-20
                        u = (derivative * delta)[kept]
                        v = u @ w_hh  # rows v_kᵀ = (W_hhᵀ u_k)ᵀ
                        excess = (v * v).sum(dim=1) / delta_squared[kept] - 1
                        total[0] += (excess * excess).sum()
                        total[1] += kept.sum()
                        total[2] += ((4 * excess / delta_squared[kept])[:, None] * u).t() @ v

    def apply(self, world):
        """Adds α ∂Ω/∂W_hh into every W_hh's gradient (the sums of all ranks) and returns α·Ω of the mini-batch."""
        omega = 0.0
        for key, stack in self.stacks:
            for l in range(NUM_LAYERS):
                squares, terms, gradient = self.sums.get((key, l), (None, None, None))
                if squares is None:
                    continue
                if world > 1:
                    for tensor in (squares, terms, gradient):
                        dist.all_reduce(tensor)
                if terms.item() > 0:
                    omega += squares.item() / terms.item()
                    getattr(stack, f"weight_hh_l{l}").grad.add_(gradient, alpha=OMEGA / terms.item())
        self.reset()
        return OMEGA * omega
`;

export const PYTHON_UPDATE_SECTION = String.raw`
# ------------------------------------------------------------------ remedies and the update (docs/maths.md "Remedies")
def trainable(model):
    return [p for p in model.parameters()]


def l2_penalised(torch_name):
    """L2 decays the weight matrices only (W_ih, W_hh, the decoder's, W_out), never the biases — unlike the
    weight_decay option of torch.optim, which decays every parameter."""
    name = engine_name(torch_name)
    return (name[len("decoder."):] if name.startswith("decoder.") else name).startswith("weight_")


def make_optimizer(params):
    if OPTIMIZER == "sgd":  # θ ← θ − α ∂J/∂θ, the lecture's gradient descent
        return torch.optim.SGD(params, lr=LEARNING_RATE)
    if OPTIMIZER == "momentum":  # v ← μ v + ∂J/∂θ; θ ← θ − α v (PyTorch's form, also RNN Lab's)
        return torch.optim.SGD(params, lr=LEARNING_RATE, momentum=MOMENTUM)
    return torch.optim.Adam(params, lr=LEARNING_RATE, betas=ADAM_BETAS, eps=ADAM_EPSILON)


def apply_update(net, optimizer, omega, world):
    """One update from the gradients in .grad; returns (‖∂J/∂θ‖ before clipping, diverged)."""
    params = trainable(net)
    if world > 1:
        # Σ over the ranks' shards = the whole mini-batch's ∂J/∂θ (each shard's loss was divided by the batch's m);
        # the all-reduce DistributedDataParallel performs, done once per mini-batch so that TBPTT's several backward
        # passes and Ω's extra term need no matching calls on every rank
        for p in params:
            dist.all_reduce(p.grad)
    with torch.no_grad():
        if L2 > 0:  # J ← J + λ‖W‖²/2: g ← g + λθ
            for name, p in net.named_parameters():
                if l2_penalised(name):
                    p.grad.add_(p, alpha=L2)
        if omega is not None:
            omega.apply(world)
        norm = torch.linalg.vector_norm(torch.stack([torch.linalg.vector_norm(p.grad) for p in params])).item()
        if CLIP_NORM is not None and math.isfinite(norm) and norm >= CLIP_NORM:
            # RNN Lab's rule (Pascanu et al. 2013, Algorithm 1): if ‖g‖ ≥ τ then g ← τ g/‖g‖. torch's clip_grad_norm_
            # scales by τ/(‖g‖ + 1e-6), and only when ‖g‖ > τ: a relative difference of 1e-6/‖g‖ on every clipped
            # update, far above the 1e-9 the check allows — so the engine's rule is applied here by hand.
            for p in params:
                p.grad.mul_(CLIP_NORM / norm)
        if CLIP_VALUE is not None:  # every element into [−c, c]
            torch.nn.utils.clip_grad_value_(params, CLIP_VALUE)
    diverged = not math.isfinite(norm) or (CLIP_NORM is None and CLIP_VALUE is None and norm > GRADIENT_NORM_BOUND)
    if not diverged:
        optimizer.step()
    return norm, diverged
`;
