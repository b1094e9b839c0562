// The README's settings table must say exactly what package.json contributes (README: keep it true to what the code does).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const projectRoot = path.resolve(__dirname, '../../../..');

interface SettingsTableModule {
  renderSettingsTable(root: string): string;
  START: string;
  END: string;
}

describe('README settings table', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const generator = require(path.join(projectRoot, 'scripts/settingsTable.js')) as SettingsTableModule;

  it('matches package.json contributes.configuration (run `node scripts/settingsTable.js --write` to refresh)', () => {
    const readme = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
    const start = readme.indexOf(generator.START);
    const end = readme.indexOf(generator.END);
    assert.ok(start >= 0 && end > start, 'README.md must contain the settings markers');
    assert.equal(readme.slice(start, end + generator.END.length), generator.renderSettingsTable(projectRoot));
  });

  it('lists every contributed setting', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
      contributes: { configuration: Array<{ properties: Record<string, unknown> }> };
    };
    const table = generator.renderSettingsTable(projectRoot);
    for (const section of pkg.contributes.configuration) {
      for (const key of Object.keys(section.properties)) assert.ok(table.includes(`\`${key}\``), key);
    }
  });
});
