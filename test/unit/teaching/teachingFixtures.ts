// Shared by the teaching tests: the project root, the commands package.json contributes, and translators that behave
// as vscode.l10n.t does in English (the message itself) and in Spanish (l10n/bundle.l10n.es.json).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatTemplate } from '../../../src/protocol/formatTemplate';
import type { Translator } from '../../../src/host/platform/translator';

export const root = path.resolve(__dirname, '../../../..');

export interface PackageManifest {
  readonly contributes: {
    readonly commands: readonly { readonly command: string; readonly title: string; readonly category?: string }[];
    readonly walkthroughs?: readonly WalkthroughContribution[];
  };
  readonly activationEvents?: readonly string[];
}

export interface WalkthroughContribution {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly steps: readonly {
    readonly id: string;
    readonly title: string;
    readonly description: string;
    readonly media: { readonly image: string | Readonly<Record<string, string>>; readonly altText: string };
    readonly completionEvents: readonly string[];
  }[];
}

export function readJson<T>(relative: string): T {
  return JSON.parse(fs.readFileSync(path.join(root, relative), 'utf8')) as T;
}

export function manifest(): PackageManifest {
  return readJson<PackageManifest>('package.json');
}

export function contributedCommands(): Set<string> {
  return new Set(manifest().contributes.commands.map((entry) => entry.command));
}

function translator(bundle: Readonly<Record<string, string>>): Translator {
  const t = (message: unknown, ...args: unknown[]): string => {
    const key = typeof message === 'string' ? message : String((message as { message?: unknown }).message ?? '');
    return formatTemplate(bundle[key] ?? key, ...args.map((arg) => String(arg)));
  };
  return { t } as Translator;
}

export const englishTranslator: Translator = translator({});

export function spanishTranslator(): Translator {
  return translator(readJson<Record<string, string>>('l10n/bundle.l10n.es.json'));
}
