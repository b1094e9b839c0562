import type { Translator } from '../../../src/host/platform/translator';
// vscode.l10n.t without VS Code: the English source string with {0}, {1} … substituted, as VS Code does when no
// bundle applies.

export const english = {
  t: (message: string, ...args: unknown[]): string => message.replace(/\{(\d+)\}/g, (_match, index: string) => String(args[Number(index)])),
} as unknown as Translator;
