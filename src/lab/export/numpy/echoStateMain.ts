// The driver of the exported NumPy echo state network script: command-line options, the fit, `--check` against the
// run's record (J on both sets, exit 1 above the tolerance) and its model file (W_out, reported), and the fitted
// network saved in RNN Lab's echo state model JSON (modelFiles/echoStateModelJson.ts).
export const PYTHON_ESN_MAIN_SECTION = String.raw`
# ------------------------------------------------------------------ the fit, the check and the model file
def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", metavar="RUN_JSON", help="compare J with this run.json (and W_out with its model file); exit 1 above --tolerance")
    parser.add_argument("--tolerance", type=float, default=1e-9, help="largest relative loss difference --check accepts (default 1e-9)")
    parser.add_argument("--ridge", type=float, default=RIDGE, help=f"ridge β (default {RIDGE!r}, the run's)")
    parser.add_argument("--lapack", action="store_true", help="BLAS products, numpy.tanh and numpy.linalg.cholesky/solve instead of the engine's order of operations: "
                        "faster for large reservoirs, the same equations, but not the run's rounding (an ill-conditioned readout can then differ by 1e-8)")
    parser.add_argument("--out-dir", default=None, help="where the fitted model and the check report go (default: next to this script)")
    return parser.parse_args()


def relative_difference(mine, recorded):
    if mine is None or recorded is None:
        return 0.0 if mine is None and recorded is None else math.inf
    return abs(mine - recorded) / max(abs(recorded), 1e-300)


def finite_or_none(value):
    return value if value is not None and math.isfinite(value) else None


def recorded_readout(record, run_json, sidecar_model):
    """W_out of the run's model file (run.json's modelFile, next to it), else of the copy the sidecar was exported with."""
    path = os.path.join(os.path.dirname(os.path.abspath(run_json)), record.get("modelFile") or "model.json")
    if os.path.isfile(path):
        with open(path, encoding="utf-8") as source:
            return np.array(json.load(source)["readout"]["W_out"], dtype=np.float64), path
    return np.array(sidecar_model["readout"]["W_out"], dtype=np.float64), SIDECAR


def check(run_json, readout, train_loss, validation_loss, tolerance, sidecar_model):
    """Prints J next to the run's; True when both agree to the relative tolerance. W_out is compared and reported too."""
    with open(run_json, encoding="utf-8") as source:
        record = json.load(source)
    if record.get("modelKind") != "esn" or not record.get("epochs"):
        print(f"{run_json}: not an echo state network run (modelKind {record.get('modelKind')!r})")
        return False
    fit = record["epochs"][0]  # the one closed-form fit
    rows, worst = [], 0.0
    print(f"{'J':>10}  {'NumPy':>24}  {'RNN Lab run':>24}  relative difference")
    for name, mine, theirs in (("train", train_loss, fit.get("trainLoss")), ("validation", validation_loss, fit.get("validationLoss"))):
        difference = relative_difference(mine, theirs)
        worst = max(worst, difference)
        rows.append({"loss": name, "numpy": mine, "run": theirs, "relativeDifference": finite_or_none(difference)})
        print(f"{name:>10}  {'None' if mine is None else format(mine, '.17g'):>24}  {'None' if theirs is None else format(theirs, '.17g'):>24}  {difference:.2e}")
    recorded, source = recorded_readout(record, run_json, sidecar_model)
    if recorded.shape != readout.shape:
        print(f"W_out: {source} holds {recorded.shape}, this fit {readout.shape}")
        largest = relative = math.inf
    else:
        difference = np.abs(readout - recorded)
        largest = float(np.max(difference / np.maximum(np.abs(recorded), 1e-300)))
        relative = float(np.linalg.norm(readout - recorded) / max(float(np.linalg.norm(recorded)), 1e-300))
        identical = bool(np.array_equal(readout, recorded))
        print(f"W_out vs {source}: {'identical' if identical else 'differs'}; largest relative difference of an entry {largest:.2e}, ‖ΔW_out‖/‖W_out‖ {relative:.2e}")
    ok = worst <= tolerance
    print(f"{'reproduced' if ok else 'NOT reproduced'}: largest relative difference of J {worst:.2e} (tolerance {tolerance:g})")
    with open(os.path.join(OUT_DIR, STEM + ".check.json"), "w", encoding="utf-8") as out:
        json.dump({"reproduced": ok, "losses": rows, "worstRelativeDifference": finite_or_none(worst), "tolerance": tolerance,
                   "readoutMaxRelativeDifference": finite_or_none(largest), "readoutNormRelativeDifference": finite_or_none(relative),
                   "engineOrder": EXACT}, out)
    return ok


def save_model(template, readout, train_loss, validation_loss, ridge, path):
    """The fitted network in RNN Lab's echo state model JSON: the run's document with this W_out, β and J, one matrix
    row per line as RNN Lab writes it, so RNN Lab opens it again."""
    document = json.loads(json.dumps(template))
    document["config"]["ridge"] = ridge
    document["readout"] = {"W_out": readout.tolist()}
    training = document.setdefault("training", {})
    training["trainLoss"] = finite_or_none(train_loss)
    training["validationLoss"] = finite_or_none(validation_loss)
    training["fittedWith"] = f"NumPy {np.__version__} (exported script {STEM}.py{', --lapack' if not EXACT else ''})"
    text = json.dumps(document, indent=2, ensure_ascii=False)
    number = r"-?[0-9.]+(?:[eE][-+]?[0-9]+)?"
    text = re.sub(rf"\[\s*({number}(?:,\s*{number})*)\s*\]", lambda match: "[" + ", ".join(re.split(r",\s*", match.group(1))) + "]", text)
    with open(path, "w", encoding="utf-8") as out:
        out.write(text + "\n")


def main():
    global OUT_DIR, EXACT
    args = parse_arguments()
    EXACT = not args.lapack
    OUT_DIR = args.out_dir or HERE
    os.makedirs(OUT_DIR, exist_ok=True)
    with open(SIDECAR, encoding="utf-8") as source:
        sidecar = json.load(source)
    train_examples, validation_examples = prepare_examples(sidecar["data"])
    if len(train_examples) != TRAIN_COUNT or len(validation_examples) != VALIDATION_COUNT:
        raise SystemExit(f"data: {len(train_examples)} training and {len(validation_examples)} validation sequences, the run had {TRAIN_COUNT} and {VALIDATION_COUNT}")
    reservoir = Reservoir(sidecar["model"])

    Z, Y = reservoir.features(train_examples, WASHOUT)
    readout = fit_readout(Z, Y, args.ridge)
    train_loss = loss(Z, Y, readout)
    validation_loss = loss(*reservoir.features(validation_examples, WASHOUT), readout) if validation_examples else None
    print(f"echo state network ({reservoir.size} units, leak {reservoir.leak!r}, β = {args.ridge!r}): readout fitted on {Z.shape[0]} samples; "
          f"J train {train_loss!r}, validation {validation_loss!r}")

    path = os.path.join(OUT_DIR, STEM + ".model.json")
    save_model(sidecar["model"], readout, train_loss, validation_loss, args.ridge, path)
    print(f"saved the fitted model to {path}")
    ok = check(args.check, readout, train_loss, validation_loss, args.tolerance, sidecar["model"]) if args.check else True
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
`;
