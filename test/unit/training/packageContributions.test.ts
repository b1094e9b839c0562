import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { type AnySettingSpec, SETTINGS_SECTIONS, settingKey, settingNames, settingSpec } from '../../../src/lab/settings/settingsSchema';

const root = path.resolve(__dirname, '../../../..');
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const nlsEnglish: Record<string, string> = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8'));
const nlsSpanish: Record<string, string> = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.es.json'), 'utf8'));

interface ContributedProperty {
  type: string;
  default: unknown;
  minimum?: number;
  maximum?: number;
  enum?: string[];
  enumDescriptions?: string[];
  description: string;
  scope: string;
}

function nlsKey(reference: string): string {
  const match = /^%(.+)%$/.exec(reference);
  assert.ok(match, `${reference} is not a %nls% reference`);
  return match[1] as string;
}

function assertLocalised(reference: string): void {
  const key = nlsKey(reference);
  assert.ok(typeof nlsEnglish[key] === 'string' && nlsEnglish[key] !== '', `package.nls.json lacks ${key}`);
  assert.ok(typeof nlsSpanish[key] === 'string' && nlsSpanish[key] !== '', `package.nls.es.json lacks ${key}`);
}

describe('package.json contributions for training', () => {
  const sections: { id: string; title: string; properties: Record<string, ContributedProperty> }[] = packageJson.contributes.configuration;
  const properties = new Map<string, ContributedProperty>();
  for (const section of sections.filter((s) => s.id.startsWith('rnnLab.'))) {
    for (const [key, value] of Object.entries(section.properties)) properties.set(key, value);
  }

  it('has one titled, localised section per settings section', () => {
    for (const section of SETTINGS_SECTIONS) {
      const contributed = sections.find((s) => s.id === `rnnLab.${section}`);
      assert.ok(contributed, `no configuration section rnnLab.${section}`);
      assertLocalised(contributed.title);
    }
  });

  it('declares every schema key with the same type, default, bounds and enum, a localised description and a scope', () => {
    const names = settingNames();
    assert.strictEqual(names.length, 38);
    for (const { section, name } of names) {
      const key = settingKey(section, name);
      const contributed = properties.get(key);
      assert.ok(contributed, `package.json lacks ${key}`);
      const spec = settingSpec(section, name) as AnySettingSpec;
      assert.deepStrictEqual(contributed.default, spec.default, `${key} default`);
      assertLocalised(contributed.description);
      assert.ok(['resource', 'window'].includes(contributed.scope), `${key} scope`);
      if (spec.kind === 'integer' || spec.kind === 'number') {
        assert.strictEqual(contributed.type, spec.kind, `${key} type`);
        assert.strictEqual(contributed.minimum, spec.minimum, `${key} minimum`);
        assert.strictEqual(contributed.maximum, spec.maximum, `${key} maximum`);
      } else if (spec.kind === 'enum') {
        assert.deepStrictEqual(contributed.enum, [...spec.values], `${key} enum`);
        assert.strictEqual(contributed.enumDescriptions?.length, spec.values.length, `${key} enumDescriptions`);
        contributed.enumDescriptions?.forEach(assertLocalised);
      } else {
        assert.strictEqual(contributed.type, 'boolean');
      }
    }
    assert.strictEqual(properties.size, names.length, 'package.json declares keys the schema does not know');
  });

  it('contributes the training commands with category and localised titles, and their menus', () => {
    const commands: { command: string; title: string; category: string }[] = packageJson.contributes.commands;
    for (const id of ['trainOnSelection', 'trainOnFile', 'stopTraining', 'openRun', 'openSamples']) {
      const command = commands.find((c) => c.command === `rnnLab.${id}`);
      assert.ok(command, `rnnLab.${id} missing`);
      assert.strictEqual(command.category, 'RNN Lab');
      assertLocalised(command.title);
    }
    const menus = packageJson.contributes.menus;
    assert.deepStrictEqual(
      menus['editor/context'].find((m: { command: string }) => m.command === 'rnnLab.trainOnSelection')?.when,
      'editorHasSelection',
    );
    const explorer = menus['explorer/context'].find((m: { command: string }) => m.command === 'rnnLab.trainOnFile');
    const extension = /resourceExtname =~ \/(.+)\/i/.exec(explorer.when)?.[1] as string;
    const pattern = new RegExp(extension, 'i');
    for (const accepted of ['.csv', '.tsv', '.txt', '.json', '.CSV']) assert.ok(pattern.test(accepted), accepted);
    for (const refused of ['.ts', '.csvx', '.md']) assert.ok(!pattern.test(refused), refused);
  });
});
