// `rnn-lab train --help`: every flag with the setting it sets and that setting's default (the extension's defaults,
// lab/settings/settingsSchema.ts), so the help can never disagree with what a run uses.
import { TOPOLOGY_IDS } from '../../engine/dataset';
import { SETTINGS_SCHEMA, settingSpec } from '../../lab/settings/settingsSchema';
import { SETTING_FLAGS } from './trainFlags';

const S = SETTINGS_SCHEMA;

/** "--flag min–max" for every numeric flag, from the settings' bounds, wrapped into lines of the help's width. */
function rangeLines(): string {
  const entries: string[] = [];
  for (const [flag, [section, name]] of Object.entries(SETTING_FLAGS)) {
    const spec = settingSpec(section, name);
    if (spec?.kind !== 'integer' && spec?.kind !== 'number') continue;
    entries.push(`--${flag} ${spec.minimum}–${spec.maximum}`);
    if (flag === 'spectral-radius') entries.push(`(--cell esn: ${S.esn.spectralRadius.minimum}–${S.esn.spectralRadius.maximum})`);
  }
  entries.push(`--tbptt K1,K2 each 1–${S.remedies.tbpttK1.maximum}`);
  const lines: string[] = [];
  let line = ' ';
  for (const entry of entries) {
    if (line.length + entry.length + 2 > 118) {
      lines.push(line);
      line = ' ';
    }
    line += ` ${entry}${entry === entries[entries.length - 1] ? '' : ','}`;
  }
  lines.push(line);
  return lines.join('\n');
}

export const TRAIN_HELP = `Usage: rnn-lab train DATA [flags]
       rnn-lab train --from-run RUN_DIR [--json] [--quiet] [--save MODEL.json] [--run-dir DIR]

Trains on DATA — a CSV/TSV table, numbers one per line, JSON, or plain text — the way RNN Lab's "Train on File"
does in the editor: the same reading, the same settings and defaults, the same training. What the data is decides
what is trained:
  a number series          windows of T steps for the topology, z-scored with statistics of the training rows only,
                           the last windows held out for validation (never shuffled across time)
  a table of sequences     one example per sequence (a "sequence" column and a "target" column, e.g. the adding
                           problem); --no-group (or a windowing flag) cuts windows instead
  plain text               a character-level model (min-char-rnn): one-hot characters in, the next character out,
                           cross-entropy; --json adds "vocabulary" and "bitsPerCharacter"; --save keeps the vocabulary
                           for \`rnn-lab sample\`
  labelled sentences       a many-to-one classifier over characters (a text column and a label column)

Data:
  --column C          column name or 1-based number; "a,b" feeds several columns (the first is predicted)
  --target C          the predicted column (a table of sequences: its target column)
  --missing drop|interpolate   what to do with missing values (without it they are refused at their line)
  --group COL         DATA holds many sequences, one row per step; COL names each row's sequence
  --no-group          window a table of sequences as one series
  --max-bytes N       refuse data over N bytes (default the setting rnnLab.data.maxSelectionSizeMB, ${S.data.maxSelectionSizeMB.default} MB)
Model (rnnLab.model.*):
  --cell rnn|lstm|gru|esn   (default ${S.model.cell.default}; esn: an echo state network, see below)
  --nonlinearity tanh|relu|sigmoid   σ of the vanilla RNN (default ${S.model.nonlinearity.default})
  --hidden N          hidden units per layer, 1–${S.model.hiddenSize.maximum} (default ${S.model.hiddenSize.default})
  --layers N          stacked layers 1–${S.model.layers.maximum} (default ${S.model.layers.default})
  --topology ID       ${TOPOLOGY_IDS.join(' | ')} (default ${S.model.topology.default})
  --window T          input steps per window (default ${S.model.window.default})
  --horizon H         predict H steps ahead (default ${S.model.horizon.default})
  --output-steps N    generated steps (one-to-many) or decoder steps (encoder–decoder); 0 = T (default ${S.model.outputSteps.default})
  --one-to-many-input first-step|every-step (default ${S.model.oneToManyInput.default})
Training (rnnLab.training.*):
  --epochs N          (default ${S.training.epochs.default})
  --batch B           sequences per mini-batch; the loss averages over all their scored values (default ${S.training.batch.default})
  --optimizer sgd|momentum|adam   (default ${S.training.optimizer.default})
  --lr X              learning rate (default ${S.training.learningRate.default})
  --seed S            seed of the initialisation and the shuffling; same seed, same run (default ${S.training.seed.default})
  --validation F      share of windows held out, the last ones in time (default ${S.training.validationSplit.default})
  --precision auto|float32|float64   float32: mini-batches as batched matrix products in WebAssembly SIMD (fast);
                      float64: exact, one sequence at a time; auto: float32 when --batch ≥ 8 with --hidden ≥ 64 or
                      characters, or --hidden ≥ 128 (--omega, --tbptt and encoder–decoder runs always float64;
                      gradients, gradient checks and the gradient-decay diagnostics are always float64)
                      (default ${S.training.precision.default})
  --threads N         worker threads sharing each float32 mini-batch (data parallel, ≥ 4 sequences each, gradients
                      added in a fixed order: deterministic for a given N); 0 = the cores, at most ${S.training.threads.maximum};
                      1 = no extra threads; float64 runs use one (default ${S.training.threads.default})
Data preparation (rnnLab.data.*):
  --normalize zscore|minmax|none   (default ${S.data.normalization.default})
  --stride S          steps between window starts (default ${S.data.stride.default})
Remedies (rnnLab.remedies.*; docs/maths.md "Remedies"; 0 = off):
  --clip-norm X       clip the global gradient norm: if ‖g‖ ≥ X then g ← X·g/‖g‖ (Pascanu et al. 2013)
  --clip-value X      clip every gradient element to [−X, X]
  --tbptt K1,K2       truncated BPTT: every K1 steps backpropagate K2 steps — every backward pass, also a short
                      last one, reaches K2 steps back; K2 ≥ window is full BPTT (many-to-one, synced)
  --l2 X              L2 penalty X‖θ‖²/2 on the weight matrices
  --omega X           Pascanu's Ω regulariser with weight α = X (2 in the authors' code); vanilla RNN only
                      (as the authors' released code: squared norm ratios, mean over steps — not the paper's eq. 9)
  --init xavier|orthogonal|identity   W_hh initialisation (default ${S.remedies.init.default}; identity = IRNN, relu unless
                      --nonlinearity is given)
  --identity-scale X  λ of --init identity: W_hh = λI (default ${S.remedies.identityScale.default})
  --spectral-radius X rescale W_hh (every gate block) to spectral radius X; with --cell esn, the reservoir's ρ
Echo state network (--cell esn, rnnLab.esn.*: a fixed sparse reservoir, ridge readout in closed form, no BPTT):
  --reservoir N (default ${S.esn.reservoirSize.default})  --spectral-radius X (default ${S.esn.spectralRadius.default})  --leak A (default ${S.esn.leak.default})
  --sparsity S (default ${S.esn.sparsity.default})  --input-scale X (default ${S.esn.inputScale.default})  --ridge B (default ${S.esn.ridge.default})  --washout W (default ${S.esn.washout.default})
                      --washout: synced many-to-many only (a many-to-one ESN uses only each window's last state;
                      an explicit --washout is refused there). A nilpotent reservoir draw (ρ = 0) is redrawn.
Output:
  --save MODEL.json   write the trained model (PyTorch parameter names) with its normalisation or vocabulary;
                      --cell esn: W, W_in, W_out, leak and the ρ achieved (docs/train-json.md)
  --json              one JSON object on stdout (docs/train-json.md): trainLoss, validationLoss, lossPerEpoch,
                      hidden_grad_norms [L][T], timestepsPerSecond, clipping, diverged, diagnostics per sampled
                      epoch, config, settings, training, data
                      trainLoss is the running mean over the last epoch's mini-batches (before each update, without
                      penalties); finalTrainLoss / finalValidationLoss are J of the saved parameters on the whole
                      sets. LSTM ‖∂h_t/∂h_k‖ (jacobianProductNorms) holds c_k fixed.
  --run-dir DIR       save the run as the extension saves it (.rnn-lab/runs/<id>/): DIR/run.json (every setting
                      with its source, where the data came from and its SHA-256, the answers about the data, the
                      losses and diagnostics per epoch), model.json and initial-model.json (the parameters drawn from
                      the seed, before the first update; --cell esn: model.json only). DIR is created if missing; a
                      DIR that already holds a run.json is refused (exit 2). \`rnn-lab train --from-run DIR\` repeats
                      it, \`rnn-lab report DIR\` draws it
  --quiet             no progress lines on stderr
Accepted ranges (a value outside is refused, exit 2, naming the flag, the range and the value; the same bounds
apply to the rnnLab.* settings, with the setting's key in the message):
${rangeLines()}
Repeating a run:
  --from-run RUN_DIR  train a run the extension saved (.rnn-lab/runs/<id>/, or a --run-dir) again with its own
                      settings and data (an echo state run is fitted again); refused when the data changed (SHA-256)
                      or cannot be read again; exit 1 when a recorded epoch's training loss differs; with --run-dir
                      DIR the repeat is saved as a new run
`;
