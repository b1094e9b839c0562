// A problem found in a `*.rnn.json`: what, where (JSON path and exact text range) and how bad.
import type { JsonPath } from '../json/jsonNavigation';
import type { SourceRange } from '../json/sourcePositions';

export type ConfigDiagnosticSeverity = 'error' | 'warning' | 'information';

export interface ConfigDiagnostic {
  readonly severity: ConfigDiagnosticSeverity;
  readonly message: string;
  /** Where, as a JSON path (["tbptt", "k2"]) and as text (`tbptt.k2`). */
  readonly path: JsonPath;
  readonly pathText: string;
  /** The exact text to underline: the offending value, or the key of an unknown property. */
  readonly range: SourceRange;
  /** Stable identifier, e.g. `tbptt-k2-below-k1`, for code actions and tests. */
  readonly code: string;
  /**
   * 'schema' — also reported by VS Code from schemas/rnn-config.schema.json (type, enum, bounds);
   * 'semantic' — combinations the schema cannot express, reported only by RNN Lab.
   */
  readonly source: 'schema' | 'semantic';
}
