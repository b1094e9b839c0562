// Issue 13, item 2: RNN Lab supports untrusted (Restricted Mode) and virtual workspaces in a limited way. package.json
// declares it (localised descriptions, the settings a workspace may not set while untrusted) and disables the
// commands that need trust in menus and the palette; the trust gate every such command passes refuses at once with
// a message whose button opens VS Code's trust editor.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { passesTrustGate, type TrustGateDeps } from '../../../src/host/platform/trustGate';

const root = path.resolve(__dirname, '../../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8'));
const nlsEs: Record<string, string> = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.es.json'), 'utf8'));

/** Commands that read files a workspace names, write into it or start a worker. */
const NEED_TRUST = ['rnnLab.trainWithConfig', 'rnnLab.trainOnSelection', 'rnnLab.trainOnFile', 'rnnLab.exportTrainingChart', 'rnnLab.gradientCheck', 'rnnLab.compareRemedies', 'rnnLab.exportRunAsPyTorch'];
/** Commands that only read open documents or show panels: they work in Restricted Mode. */
const RESTRICTED_OK = ['rnnLab.showTopologies', 'rnnLab.explain', 'rnnLab.newModelConfig', 'rnnLab.openRun', 'rnnLab.showGradientDecay', 'rnnLab.stopTraining'];

function localised(reference: string): void {
  const key = /^%(.+)%$/.exec(reference)?.[1];
  assert.ok(key, `${reference} is not a %nls% reference`);
  assert.ok(nls[key] && nlsEs[key], `${key} lacks its English or Spanish text`);
}

describe('workspace trust and virtual workspaces (issue 13)', () => {
  it('declares limited support for untrusted workspaces, with a localised description and restricted settings', () => {
    const untrusted = manifest.capabilities.untrustedWorkspaces;
    assert.equal(untrusted.supported, 'limited');
    localised(untrusted.description);
    const declared = new Set<string>(manifest.contributes.configuration.flatMap((section: { properties: object }) => Object.keys(section.properties)));
    assert.deepEqual([...untrusted.restrictedConfigurations].sort(), ['rnnLab.data.maxSelectionSizeMB', 'rnnLab.training.confirmShapes', 'rnnLab.workers.maxMemoryMB']);
    for (const key of untrusted.restrictedConfigurations) assert.ok(declared.has(key), `${key} is a contributed setting`);
  });

  it('declares limited support for virtual workspaces, with a localised description', () => {
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, 'limited');
    localised(manifest.capabilities.virtualWorkspaces.description);
  });

  it('disables the commands that need trust (enablement isWorkspaceTrusted), and only those', () => {
    const commands = new Map<string, { enablement?: string }>(manifest.contributes.commands.map((c: { command: string }) => [c.command, c]));
    for (const id of NEED_TRUST) assert.equal(commands.get(id)?.enablement, 'isWorkspaceTrusted', id);
    for (const id of RESTRICTED_OK) assert.equal(commands.get(id)?.enablement, undefined, id);
  });

  it('contributes the new settings with localised descriptions: confirmShapes (default true) and the worker memory limit', () => {
    const properties = Object.assign({}, ...manifest.contributes.configuration.map((section: { properties: object }) => section.properties));
    const confirm = properties['rnnLab.training.confirmShapes'];
    assert.equal(confirm.type, 'boolean');
    assert.equal(confirm.default, true);
    localised(confirm.description);
    const memory = properties['rnnLab.workers.maxMemoryMB'];
    assert.deepEqual([memory.type, memory.default, memory.minimum], ['integer', 1536, 128]);
    localised(memory.description);
  });

  function fakeDeps(trusted: boolean, answer: string | undefined) {
    const calls = { warned: [] as string[], managed: 0, logged: [] as string[] };
    const deps: TrustGateDeps = {
      isTrusted: () => trusted,
      warn: (message) => {
        calls.warned.push(message);
        return Promise.resolve(answer);
      },
      manageTrust: () => calls.managed++,
      texts: (feature) => ({ message: `${feature} needs a trusted workspace`, manage: 'Manage Workspace Trust' }),
      log: (line) => calls.logged.push(line),
    };
    return { deps, calls };
  }

  it('the gate lets a trusted workspace through without a message', () => {
    const { deps, calls } = fakeDeps(true, undefined);
    assert.equal(passesTrustGate('Training', deps), true);
    assert.deepEqual(calls.warned, []);
  });

  it('the gate refuses at once when untrusted; its button opens the trust editor', async () => {
    const { deps, calls } = fakeDeps(false, 'Manage Workspace Trust');
    assert.equal(passesTrustGate('Training', deps), false);
    assert.deepEqual(calls.warned, ['Training needs a trusted workspace']);
    assert.equal(calls.logged.length, 1);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(calls.managed, 1);
    const dismissed = fakeDeps(false, undefined);
    assert.equal(passesTrustGate('Compare Remedies', dismissed.deps), false);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(dismissed.calls.managed, 0);
  });
});
