// The course is taught in Spanish: every user-facing string must reach the student in Spanish (issue 8,
// "Localisation"). Fails when a key of package.nls.json has no entry in package.nls.es.json, when a message of
// l10n/bundle.l10n.json has no Spanish entry, when a vscode.l10n.t('…') call in src/ is missing from the English
// bundle (it is re-extracted here with @vscode/l10n-dev, as `npx vscode-l10n-dev export --outDir ./l10n ./src` does),
// and when a Spanish entry loses or invents a {0}-style placeholder.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';

const root = path.resolve(__dirname, '../../../..');

type Messages = Record<string, string>;

function readJson(relative: string): Messages {
  return JSON.parse(fs.readFileSync(path.join(root, relative), 'utf8')) as Messages;
}

/** The {n} placeholders of a message, sorted (a translation may reorder them, not drop or add any). */
export function placeholders(message: string): string[] {
  return (message.match(/\{\d+\}/g) ?? []).sort();
}

/** A message of the English bundle: a plain string, or { message, comment } for messages with translator comments. */
function messageText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string') {
    return (value as { message: string }).message;
  }
  throw new Error(`unexpected bundle entry ${JSON.stringify(value)}`);
}

function sourceFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(full);
  }
  return files;
}

/** Lists at most a few offenders so a failure message stays readable. */
function first(list: readonly string[], count = 8): string {
  return list.slice(0, count).map((item) => `  ${item}`).join('\n') + (list.length > count ? `\n  … and ${list.length - count} more` : '');
}

describe('localisation completeness (Spanish)', () => {
  const nlsEnglish = readJson('package.nls.json');
  const nlsSpanish = readJson('package.nls.es.json');
  const bundleEnglish = readJson('l10n/bundle.l10n.json');
  const bundleSpanish = readJson('l10n/bundle.l10n.es.json');

  it('finds the files it checks, with content', () => {
    assert.ok(Object.keys(nlsEnglish).length >= 20, `package.nls.json has ${Object.keys(nlsEnglish).length} keys`);
    assert.ok(Object.keys(bundleEnglish).length >= 50, `l10n/bundle.l10n.json has ${Object.keys(bundleEnglish).length} messages`);
  });

  it('every %key% used in package.json is defined in package.nls.json', () => {
    const manifest = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
    const used = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1] as string);
    assert.ok(used.length >= 20, `package.json uses ${used.length} %keys%`);
    const undefinedKeys = [...new Set(used)].filter((key) => !(key in nlsEnglish));
    assert.deepEqual(undefinedKeys, [], `package.json uses keys missing from package.nls.json:\n${first(undefinedKeys)}`);
  });

  it('every key of package.nls.json has a non-empty Spanish entry in package.nls.es.json', () => {
    const missing = Object.keys(nlsEnglish).filter((key) => typeof nlsSpanish[key] !== 'string' || nlsSpanish[key].trim() === '');
    assert.deepEqual(missing, [], `package.nls.es.json lacks:\n${first(missing)}`);
  });

  it('every message of l10n/bundle.l10n.json has a non-empty Spanish entry in l10n/bundle.l10n.es.json', () => {
    const missing = Object.keys(bundleEnglish).filter((key) => typeof bundleSpanish[key] !== 'string' || bundleSpanish[key].trim() === '');
    assert.deepEqual(missing, [], `l10n/bundle.l10n.es.json lacks:\n${first(missing)}`);
  });

  it('every vscode.l10n.t message in src/ is in l10n/bundle.l10n.json (re-extracted with @vscode/l10n-dev)', async function () {
    this.timeout(120_000);
    // The package's own API: the same extraction `vscode-l10n-dev export` runs (tree-sitter over every .ts file).
    // Only files that call l10n.t can contribute messages; skipping the others keeps the tree-sitter pass short.
    const files = sourceFiles(path.join(root, 'src')).filter((file) => fs.readFileSync(file, 'utf8').includes('l10n.t('));
    const extracted = await getL10nJson(
      files.map((file) => ({ extension: path.extname(file), contents: fs.readFileSync(file, 'utf8') })),
    );
    const keys = Object.keys(extracted);
    assert.ok(keys.length >= 50, `extracted only ${keys.length} messages from ${files.length} files`);
    const stale = keys.filter((key) => !(key in bundleEnglish));
    assert.deepEqual(stale, [], `l10n/bundle.l10n.json is out of date; run npx vscode-l10n-dev export --outDir ./l10n ./src. Missing:\n${first(stale)}`);
    for (const key of keys) assert.equal(messageText(bundleEnglish[key]), messageText(extracted[key]), `message of ${JSON.stringify(key)}`);
  });

  it('Spanish messages keep exactly the {0}-style placeholders of the English ones', () => {
    const wrong: string[] = [];
    for (const [key, english] of Object.entries(bundleEnglish)) {
      const spanish = bundleSpanish[key];
      if (typeof spanish !== 'string') continue; // reported by the completeness test above
      const expected = placeholders(messageText(english));
      const actual = placeholders(spanish);
      if (expected.join() !== actual.join()) wrong.push(`${JSON.stringify(key)}: ${expected.join(' ') || 'none'} → ${actual.join(' ') || 'none'}`);
    }
    for (const [key, english] of Object.entries(nlsEnglish)) {
      const spanish = nlsSpanish[key];
      if (typeof spanish !== 'string') continue;
      if (placeholders(english).join() !== placeholders(spanish).join()) wrong.push(`package.nls ${key}`);
    }
    assert.deepEqual(wrong, [], `placeholders differ:\n${first(wrong)}`);
  });

  it('Spanish command titles are translations, not English copies', () => {
    const copies = Object.keys(nlsEnglish).filter((key) => /^command\..*\.title$/.test(key) && nlsSpanish[key] === nlsEnglish[key]);
    assert.deepEqual(copies, [], `untranslated command titles:\n${first(copies)}`);
  });

  it('placeholders() reads {n} tokens in any order', () => {
    assert.deepEqual(placeholders('{1} de {0} pasos; {0}'), ['{0}', '{0}', '{1}']);
    assert.deepEqual(placeholders('no placeholders'), []);
  });
});
