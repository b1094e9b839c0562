"""PyTorch side of `rnn-lab bench` (issue 15): times the same training steps as RNN Lab's workloads on the CPU.

Run by bench/pytorchRunner.ts as `python3 bench/pytorch_workloads.py` with a JSON spec on stdin:
  {"threads": [1, 2], "repetitions": 3, "seconds": 0.3, "peak": true,
   "workloads": [{"id": "...", "cell": "rnn" | "lstm", "input": I, "hidden": H, "output": O, "T": T, "batch": B,
                  "lr": 0.01, "loss": "mse" | "xent", "text": null | "/path/to/text.txt"}]}
and prints one JSON object on stdout:
  {"torch": "1.13.0", "results": [{"id", "threads", "timestepsPerSecond", "updates", "loss"}],
   "sgemmGflops": {"1": ..., "2": ...}}   (torch.mm of 512×512 float32, per thread count; only with "peak")

The model is RNN Lab's: one nn.RNN (tanh) or nn.LSTM layer (batch_first) and an nn.Linear readout, float32.
  mse  (W1: noisy-sine windows, many-to-one): J = ½ · mean (ŷ_T − y)²   (RNN Lab's 1/(2m) Σ, m = B·O)
  xent (character text, synced many-to-many, one-hot inputs): J = cross_entropy over all B·T steps (mean)
One update = forward + backward + torch.optim.SGD step. timesteps/s = updates · B · T / wall seconds
(time.perf_counter around a fixed number of updates, after a warm-up; the median of the repetitions).
"""
import json
import math
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self, w):
        super().__init__()
        if w["cell"] == "lstm":
            self.rnn = nn.LSTM(w["input"], w["hidden"], batch_first=True)
        else:
            self.rnn = nn.RNN(w["input"], w["hidden"], nonlinearity="tanh", batch_first=True)
        self.readout = nn.Linear(w["hidden"], w["output"])
        self.synced = w["loss"] == "xent"

    def forward(self, x):
        out, _ = self.rnn(x)  # [B, T, H]
        return self.readout(out if self.synced else out[:, -1])


def sine_windows(w, count=512):
    """Noisy sine windows like bench/workloadData.ts: T inputs, the next value as the target."""
    g = torch.Generator().manual_seed(2026)
    n = torch.arange(count + w["T"], dtype=torch.float32)
    series = torch.sin(2 * math.pi * n / 25) + 0.1 * torch.randn(count + w["T"], generator=g)
    windows = series.unfold(0, w["T"] + 1, 1)[:count]  # [count, T+1]
    return windows[:, : w["T"]].unsqueeze(-1), windows[:, w["T"]:]  # inputs [count, T, 1], targets [count, 1]


def text_windows(w):
    """Character windows like makeCharacterWindows: one-hot inputs c[s…s+T−1], target classes c[s+1…s+T]."""
    with open(w["text"], encoding="utf-8") as f:
        text = f.read()
    vocabulary = {c: i for i, c in enumerate(sorted(set(text)))}
    codes = torch.tensor([vocabulary[c] for c in text], dtype=torch.long)
    starts = range(0, len(codes) - w["T"], w["T"])
    inputs = torch.stack([codes[s : s + w["T"]] for s in starts])
    targets = torch.stack([codes[s + 1 : s + w["T"] + 1] for s in starts])
    return F.one_hot(inputs, w["input"]).float(), targets


def make_step(w):
    torch.manual_seed(1)
    model = Net(w)
    optimizer = torch.optim.SGD(model.parameters(), lr=w["lr"])
    x, y = text_windows(w) if w["text"] else sine_windows(w)
    order = torch.arange(max(len(x), w["batch"])) % len(x)  # cycle when there are fewer windows than a batch
    state = {"cursor": 0, "loss": float("nan")}

    def step():
        if state["cursor"] + w["batch"] > len(order):
            state["cursor"] = 0
        index = order[state["cursor"] : state["cursor"] + w["batch"]]
        state["cursor"] += w["batch"]
        optimizer.zero_grad()
        out = model(x[index])
        if w["loss"] == "xent":
            loss = F.cross_entropy(out.reshape(-1, w["output"]), y[index].reshape(-1))
        else:
            loss = 0.5 * F.mse_loss(out, y[index])
        loss.backward()
        optimizer.step()
        state["loss"] = loss.item()

    return step, state


def time_workload(w, spec):
    step, state = make_step(w)
    step()  # warm-up (allocation, first-call dispatch)
    start = time.perf_counter()
    step()
    per_update = max(time.perf_counter() - start, 1e-6)
    updates = max(1, round(spec["seconds"] / per_update))
    rates = []
    for _ in range(spec["repetitions"]):
        start = time.perf_counter()
        for _ in range(updates):
            step()
        rates.append(updates * w["batch"] * w["T"] / (time.perf_counter() - start))
    return {"timestepsPerSecond": statistics.median(rates), "updates": updates, "loss": state["loss"]}


def sgemm_gflops(size=512, seconds=0.3):
    a, b = torch.randn(size, size), torch.randn(size, size)
    torch.mm(a, b)
    runs, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        torch.mm(a, b)
        runs += 1
    return 2 * size**3 * runs / (time.perf_counter() - start) / 1e9


def main():
    spec = json.load(sys.stdin)
    results, peaks = [], {}
    for threads in spec["threads"]:
        torch.set_num_threads(threads)
        if spec.get("peak"):
            peaks[str(threads)] = sgemm_gflops()
        for w in spec["workloads"]:
            results.append({"id": w["id"], "threads": threads, **time_workload(w, spec)})
    print(json.dumps({"torch": torch.__version__, "results": results, "sgemmGflops": peaks}))


if __name__ == "__main__":
    main()
