// The driver of the exported PyTorch script: command-line options, the distributed set-up (torchrun), the epochs with
// RNN Lab's batch order, the logs (losses, gradient decay as CSV and JSON, TensorBoard when installed), `--check`
// against the run's recorded losses, and the trained model saved in RNN Lab's model JSON.
export const PYTHON_MAIN_SECTION = String.raw`
# ------------------------------------------------------------------ training (docs/maths.md "Optimisers")
def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", metavar="RUN_JSON", help="compare every epoch's training loss with this run.json; exit 1 above --tolerance")
    parser.add_argument("--dtype", choices=["float64", "float32"], default=RUN_DTYPE, help=f"precision (default {RUN_DTYPE}, the run's own, what the check needs)")
    parser.add_argument("--device", default="cpu", help="cpu, cuda or cuda:N (default cpu)")
    parser.add_argument("--epochs", type=int, default=EPOCHS, help=f"epochs to train (default {EPOCHS}, the run's)")
    parser.add_argument("--tolerance", type=float, default=None, help="largest relative loss difference --check accepts (default 1e-9 in float64, 1e-3 in float32)")
    parser.add_argument("--out-dir", default=None, help="where logs and the trained model go (default: next to this script)")
    parser.add_argument("--no-decay", action="store_true", help="skip the per-epoch gradient-decay measurement")
    return parser.parse_args()


def start_distributed(device):
    """Under torchrun (WORLD_SIZE > 1): one process per rank, gloo on the CPU, nccl on CUDA. Returns (rank, world)."""
    world = int(os.environ.get("WORLD_SIZE", "1"))
    if world == 1:
        return 0, 1
    backend = "nccl" if device.type == "cuda" else "gloo"
    dist.init_process_group(backend)
    if device.type == "cuda":
        torch.cuda.set_device(int(os.environ.get("LOCAL_RANK", "0")))
    return dist.get_rank(), world


def shard(positions, rank, world):
    """This rank's share of a mini-batch: contiguous, ⌈B/N⌉ examples per rank (the last ranks may get fewer or none).
    Every shard's loss is divided by the WHOLE batch's m, so the shares add up to the single-process J and ∂J/∂θ for
    any batch size; a batch divisible by N only balances the work."""
    size = -(-len(positions) // world)
    return positions[rank * size : (rank + 1) * size]


class Logs:
    """Rank 0's outputs: the losses per epoch, the gradient decay (CSV and JSON) and TensorBoard when installed."""

    def __init__(self, out_dir, enabled):
        self.enabled = enabled
        self.epochs, self.decay = [], []
        self.stem = os.path.join(out_dir, STEM)
        self.writer = None
        if enabled:
            os.makedirs(out_dir, exist_ok=True)
            try:
                from torch.utils.tensorboard import SummaryWriter  # optional: pip install tensorboard
                self.writer = SummaryWriter(os.path.join(out_dir, "runs", STEM))
            except ImportError:
                pass

    def epoch(self, epoch, train_loss, validation_loss, norms):
        if not self.enabled:
            return
        self.epochs.append({"epoch": epoch, "trainLoss": train_loss, "validationLoss": validation_loss, "meanGradientNorm": sum(norms) / max(1, len(norms))})
        print(f"epoch {epoch}  train {train_loss:.10g}  validation {validation_loss:.10g}", flush=True)
        if self.writer is not None:
            self.writer.add_scalar("loss/train", train_loss, epoch)
            self.writer.add_scalar("loss/validation", validation_loss, epoch)

    def gradient_decay(self, epoch, decay):
        if not self.enabled:
            return
        self.decay.append({"epoch": epoch, **decay})
        if self.writer is not None:  # one curve per epoch: ‖∂J/∂h_k‖ against the timestep k, as the panel draws it
            for layer, norms in enumerate(decay["hidden"]):
                for k, norm in enumerate(norms):
                    self.writer.add_scalar(f"gradient_decay/layer{layer}/epoch{epoch}", norm, k)

    def close(self):
        if not self.enabled:
            return
        with open(self.stem + ".gradient_decay.csv", "w", encoding="utf-8") as out:
            out.write("epoch,layer,k,grad_norm_h,grad_norm_c,grad_norm_last_term\n")
            for entry in self.decay:
                for layer, norms in enumerate(entry["hidden"]):
                    cells = entry.get("cell", [[]] * NUM_LAYERS)[layer]
                    for k, norm in enumerate(norms):
                        cell = f"{cells[k]!r}" if k < len(cells) else ""
                        out.write(f"{entry['epoch']},{layer},{k},{norm!r},{cell},{entry['lossTermHidden'][layer][k]!r}\n")
        with open(self.stem + ".gradient_decay.json", "w", encoding="utf-8") as out:
            json.dump(self.decay, out)
        with open(self.stem + ".losses.json", "w", encoding="utf-8") as out:
            json.dump(self.epochs, out)
        if self.writer is not None:
            self.writer.close()


def save_model(net, template, path, epochs):
    """The trained parameters in RNN Lab's model JSON (PyTorch names), so RNN Lab can open the model again."""
    document = dict(template)
    document["state_dict"] = {engine_name(name): tensor.detach().cpu().double().tolist() for name, tensor in net.state_dict().items()}
    document.setdefault("training", {})["epochsCompleted"] = epochs
    document["training"]["trainedWith"] = f"PyTorch {torch.__version__} (exported script {STEM}.py)"
    with open(path, "w", encoding="utf-8") as out:
        json.dump(document, out, indent=1)


def check(run_json, epochs, tolerance, decay, requested):
    """Prints every epoch's training loss next to the run's; True when all agree to the relative tolerance."""
    with open(run_json, encoding="utf-8") as source:
        record = json.load(source)
    recorded = [entry["trainLoss"] for entry in record["epochs"]]
    worst, rows = 0.0, []
    print(f"{'epoch':>5}  {'PyTorch':>22}  {'RNN Lab run':>22}  relative difference")
    for entry, expected in zip(epochs, recorded):
        difference = abs(entry["trainLoss"] - expected) / max(abs(expected), 1e-300)
        worst = max(worst, difference)
        rows.append({"epoch": entry["epoch"], "pytorch": entry["trainLoss"], "run": expected, "relativeDifference": difference})
        print(f"{entry['epoch']:>5}  {entry['trainLoss']:>22.17g}  {expected:>22.17g}  {difference:.2e}")
    compared = min(len(epochs), len(recorded))
    decay_worst = decay_difference(record, decay)
    # every epoch both have (the run's, or fewer when --epochs asks for fewer) must agree
    ok = compared > 0 and compared == min(requested, len(recorded)) and worst <= tolerance
    print(f"{'reproduced' if ok else 'NOT reproduced'}: {compared} epochs, largest relative difference {worst:.2e} (tolerance {tolerance:g})"
          + ("" if decay_worst is None else f"; gradient decay ‖∂J/∂h_k‖ at the run's sampled epochs: largest relative difference {decay_worst:.2e}"))
    with open(os.path.join(OUT_DIR, STEM + ".check.json"), "w", encoding="utf-8") as out:
        json.dump({"reproduced": ok, "epochs": rows, "worstRelativeDifference": worst, "tolerance": tolerance, "gradientDecayWorstRelativeDifference": decay_worst, "worldSize": WORLD}, out)
    return ok


def decay_difference(record, decay):
    """Largest relative difference between the run's sampled ‖∂J/∂h_k‖ and this script's, where both exist."""
    mine = {entry["epoch"]: entry for entry in decay}
    worst = None
    for sample in record.get("gradientNormsPerTimestep", []):
        entry = mine.get(sample["epoch"])
        if entry is None or sample["layer"] >= len(entry["hidden"]):
            continue
        for expected, actual in zip(sample["hiddenNorms"], entry["hidden"][sample["layer"]]):
            if expected > 0:
                worst = max(worst or 0.0, abs(actual - expected) / expected)
    return worst


def main():
    global OUT_DIR, WORLD
    args = parse_arguments()
    dtype = torch.float64 if args.dtype == "float64" else torch.float32
    device = torch.device(args.device)
    rank, world = start_distributed(device)
    WORLD = world
    OUT_DIR = args.out_dir or HERE
    with open(SIDECAR, encoding="utf-8") as source:
        sidecar = json.load(source)
    train_examples, validation_examples = prepare_examples(sidecar["data"])
    if len(train_examples) != TRAIN_COUNT or len(validation_examples) != VALIDATION_COUNT:
        raise SystemExit(f"data: {len(train_examples)} training and {len(validation_examples)} validation examples, the run had {TRAIN_COUNT} and {VALIDATION_COUNT}")
    train_examples = [as_tensors(example, dtype, device) for example in train_examples]
    validation_examples = [as_tensors(example, dtype, device) for example in validation_examples]
    scored = [scored_values(example) for example in train_examples]
    probe = (validation_examples or train_examples)[0]

    net = LectureRNN().to(device=device, dtype=dtype)
    load_engine_parameters(net, sidecar["initialParameters"], dtype)
    # every rank holds the whole model; DistributedDataParallel broadcasts rank 0's parameters at the start
    model = DistributedDataParallel(net, device_ids=[device.index] if device.type == "cuda" else None) if world > 1 else net
    optimizer = make_optimizer(trainable(net))
    omega = Omega(net) if OMEGA > 0 else None
    gradients = truncated_batch_gradients if TBPTT is not None else batch_gradients
    random = SeededRandom(SHUFFLE_STATE)  # the run's generator after it drew the initial parameters
    logs = Logs(OUT_DIR, rank == 0)
    measure = rank == 0 and not args.no_decay
    if measure:
        logs.gradient_decay(0, gradient_decay(net, probe))

    order = list(range(len(train_examples)))
    completed = 0
    for epoch in range(1, args.epochs + 1):
        random.shuffle(order)
        weighted, weight, norms, diverged = 0.0, 0, [], False
        for start in range(0, len(order), BATCH_SIZE):
            positions = order[start : start + BATCH_SIZE]
            m = sum(scored[i] for i in positions)
            for p in trainable(net):
                p.grad = torch.zeros_like(p)
            context = model.no_sync() if world > 1 else contextlib.nullcontext()
            with context:
                share = gradients(model, [train_examples[i] for i in shard(positions, rank, world)], m, omega)
            batch_loss = share
            if world > 1:
                total = torch.tensor(share, dtype=torch.float64, device=device)
                dist.all_reduce(total)
                batch_loss = total.item()
            weighted += batch_loss * m
            weight += m
            if not math.isfinite(batch_loss):
                diverged = True
                break
            norm, diverged = apply_update(net, optimizer, omega, world)
            norms.append(norm)
            if diverged:
                break
        if diverged:
            if rank == 0:
                print(f"training diverged in epoch {epoch} (loss or gradient norm not finite, or above {GRADIENT_NORM_BOUND:g} without clipping)")
            break
        completed = epoch
        logs.epoch(epoch, weighted / weight, evaluate(net, validation_examples) if rank == 0 else float("nan"), norms)
        if measure:
            logs.gradient_decay(epoch, gradient_decay(net, probe))

    ok = True
    if rank == 0:
        logs.close()
        save_model(net, sidecar["modelTemplate"], os.path.join(OUT_DIR, STEM + ".model.json"), completed)
        print(f"saved the trained model to {os.path.join(OUT_DIR, STEM + '.model.json')}")
        if args.check:
            ok = check(args.check, logs.epochs, args.tolerance or (1e-9 if dtype == torch.float64 else 1e-3), logs.decay, args.epochs)
    if world > 1:
        verdict = torch.tensor(1.0 if ok else 0.0, device=device)
        dist.broadcast(verdict, 0)
        ok = verdict.item() == 1.0
        dist.destroy_process_group()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
`;
