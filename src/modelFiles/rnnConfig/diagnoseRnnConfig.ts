// Everything an editor or the CLI reports for one `*.rnn.json` text: the syntax error if the JSON is malformed,
// otherwise the schema-level and the semantic diagnostics, each with its exact range.
import { readRnnConfigText } from './readRnnConfig';
import { semanticDiagnostics, type SemanticCheckOptions } from './semanticDiagnostics';
import type { ConfigDiagnostic } from './configDiagnostic';
import type { RnnConfig } from './rnnConfig';

export interface RnnConfigDiagnosis {
  /** null when the JSON is malformed (the single diagnostic is then the syntax error). */
  readonly config: RnnConfig | null;
  readonly diagnostics: readonly ConfigDiagnostic[];
}

export function diagnoseRnnConfig(text: string, options: SemanticCheckOptions = {}): RnnConfigDiagnosis {
  const reading = readRnnConfigText(text);
  if (!reading.ok) {
    const diagnostic: ConfigDiagnostic = {
      severity: 'error',
      message: `malformed JSON: ${reading.error.message}`,
      path: [],
      pathText: '(root)',
      range: reading.lines.range(reading.error.offset, reading.error.length),
      code: 'syntax',
      source: 'schema',
    };
    return { config: null, diagnostics: [diagnostic] };
  }
  const semantic = semanticDiagnostics(reading.root, reading.lines, reading.config, options);
  const byPosition = [...reading.diagnostics, ...semantic].sort((a, b) => a.range.offset - b.range.offset);
  return { config: reading.config, diagnostics: byPosition };
}
