// The part of vscode.l10n the lens and hover texts use, passed in so the texts are built (and unit-tested) without
// VS Code. Callers in the extension pass `vscode.l10n`; modules name the parameter `l10n` so that
// `l10n.t('…')` calls are what `@vscode/l10n-dev export` extracts.
import type { l10n } from 'vscode';

export type Translator = Pick<typeof l10n, 't'>;
