// Lenses on the remedy fields of an RNN Lab config (clipNorm, clipValue, tbptt, l2, omega, init, spectralRadius,
// cell): the lecture problem each addresses and its current effect (remedyLensText.ts). λ₁γ at init needs O(H³)
// linear algebra, so provideCodeLenses never computes it: it shows the cached value, or "measuring…" and measures it
// right after (off the provider call, within a budget; initialSpectrum.ts), then asks VS Code to refresh the lenses.
import * as vscode from 'vscode';
import type { RnnConfig } from '../../modelFiles/rnnConfig/rnnConfig';
import { Disposable } from '../platform/disposable';
import type { ModelAnalysisCache } from './analysisCache';
import { CODE_LENS_SECTION, readCodeLensSettings } from './codeLensSettings';
import { InitialSpectrumCache, initialSpectrumKey } from '../../modelFiles/rnnConfig/initialSpectrum';
import { remedyLensTexts, type SpectrumState } from './remedyLensText';
import { isJsonDocument } from './topologyLensProvider';

/** Fields whose lens shows λ₁γ at init (a plain-RNN `cell` shows it too). */
const SPECTRUM_FIELDS = ['init', 'spectralRadius'];

export class RemedyLensProvider extends Disposable implements vscode.CodeLensProvider {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly spectra = new InitialSpectrumCache();
  private readonly scheduled = new Map<string, RnnConfig>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly analyses: ModelAnalysisCache) {
    super();
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(CODE_LENS_SECTION)) this.changed.fire();
      }),
    );
    this._register(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && isJsonDocument(event.document)) this.changed.fire();
      }),
    );
    this._register({ dispose: () => (this.timer === undefined ? undefined : clearTimeout(this.timer)) });
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!readCodeLensSettings(document.uri).remedies) return [];
    const { rnnConfig } = this.analyses.get(document);
    if (rnnConfig === null) return [];
    const present = new Set(rnnConfig.keyPositions.keys());
    const config = rnnConfig.config;
    const wantsSpectrum = SPECTRUM_FIELDS.some((field) => present.has(field)) || (present.has('cell') && config.cell === 'rnn');
    const spectrum: SpectrumState = wantsSpectrum ? this.spectrumFor(config) : { kind: 'skipped', reason: 'echo-state-network' };
    return remedyLensTexts(config, present, spectrum, vscode.l10n).flatMap((lens) => {
      const position = rnnConfig.keyPositions.get(lens.field);
      if (position === undefined) return [];
      const range = new vscode.Range(position.line, position.character, position.line, position.character);
      return [new vscode.CodeLens(range, { title: lens.title, tooltip: lens.tooltip, command: '' })];
    });
  }

  private spectrumFor(config: RnnConfig): SpectrumState {
    const cached = this.spectra.peek(config);
    if (cached !== undefined) return cached;
    this.scheduled.set(initialSpectrumKey(config), config);
    if (this.timer === undefined) {
      // After the lenses are on screen: measure what is pending, then refresh.
      this.timer = setTimeout(() => this.measurePending(), 0);
    }
    return { kind: 'pending' };
  }

  private measurePending(): void {
    this.timer = undefined;
    if (this.isDisposed) return;
    const pending = [...this.scheduled.values()];
    this.scheduled.clear();
    for (const config of pending) this.spectra.get(config);
    if (pending.length > 0) this.changed.fire();
  }
}
