// The extension loads and activates in a real extension host, and every command package.json contributes is
// registered by activate() (a contributed command without a registration fails with "command not found").
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, contributedCommands, extensionUnderTest } from './extensionUnderTest';

describe('RNN Lab extension host', () => {
  it(`loads ${EXTENSION_ID} and activates it`, async () => {
    const extension = extensionUnderTest();
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
  });

  it('runs in a real VS Code ≥ 1.100 with the Node extension host', () => {
    const [major, minor] = vscode.version.split('.').map(Number);
    assert.ok(major > 1 || (major === 1 && minor >= 100), `VS Code ${vscode.version} is older than engines.vscode ^1.100.0`);
    assert.strictEqual(typeof process.versions.node, 'string');
  });

  describe('contributed commands', () => {
    const commands = contributedCommands();

    it('package.json contributes at least one command, each in the "RNN Lab" category', () => {
      assert.ok(commands.length > 0, 'contributes.commands is empty');
      for (const command of commands) {
        assert.strictEqual(command.category, 'RNN Lab', `${command.command} lacks "category": "RNN Lab"`);
        assert.ok(command.command.startsWith('rnnLab.'), `${command.command} is outside the rnnLab.* namespace`);
      }
    });

    for (const { command } of commands) {
      it(`registers ${command}`, async () => {
        await extensionUnderTest().activate();
        const registered = await vscode.commands.getCommands(true);
        assert.ok(registered.includes(command), `${command} is contributed in package.json but not registered`);
      });
    }
  });
});
