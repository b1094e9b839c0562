// The walkthrough "Study RNNs with RNN Lab" follows the lecture: topologies → train on a selection → gradient decay →
// remedies → LSTM and echo state networks → your own config. Every step has localised text (English and Spanish),
// a completion event on a command that exists, real images in both themes, and buttons whose commands and arguments
// are valid.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isLectureTopicId } from '../../../src/host/explain/lectureTopics';
import { contributedCommands, manifest, readJson, root } from './teachingFixtures';

/** VS Code's own commands a step may use (they always exist). */
const BUILT_IN_COMMANDS = new Set(['workbench.action.openSettings']);

function nlsKey(value: string): string {
  const match = /^%(.+)%$/.exec(value);
  assert.ok(match, `${value} is not a %key%`);
  return match[1] as string;
}

describe('walkthrough "Study RNNs with RNN Lab"', () => {
  const walkthroughs = manifest().contributes.walkthroughs ?? [];
  const english = readJson<Record<string, string>>('package.nls.json');
  const spanish = readJson<Record<string, string>>('package.nls.es.json');
  const walkthrough = walkthroughs.find((entry) => entry.id === 'rnnLab.studyRnns');

  it('exists, titled in English and Spanish', () => {
    assert.ok(walkthrough, 'contributes.walkthroughs has rnnLab.studyRnns');
    assert.equal(english[nlsKey(walkthrough.title)], 'Study RNNs with RNN Lab');
    assert.equal(spanish[nlsKey(walkthrough.title)], 'Estudia las RNN con RNN Lab');
  });

  it('follows the lecture in six steps', () => {
    assert.deepEqual(
      walkthrough?.steps.map((step) => step.id.replace('rnnLab.studyRnns.', '')),
      ['topologies', 'trainOnSelection', 'gradientDecay', 'remedies', 'lstmEsn', 'ownConfig'],
    );
  });

  it('gives every step a title, text and alt text in both languages', () => {
    for (const step of walkthrough?.steps ?? []) {
      for (const value of [step.title, step.description, step.media.altText]) {
        const key = nlsKey(value);
        assert.ok((english[key] ?? '').length >= 10, `English ${key}`);
        assert.ok((spanish[key] ?? '').length >= 10, `Spanish ${key}`);
        assert.notEqual(spanish[key], english[key], `Spanish ${key} is a copy of the English`);
      }
    }
  });

  it('completes each step on a command that exists, the first ones on distinct commands', () => {
    const commands = contributedCommands();
    const events = (walkthrough?.steps ?? []).map((step) => step.completionEvents);
    for (const list of events) {
      assert.ok(list.length >= 1);
      for (const event of list) {
        assert.match(event, /^onCommand:/);
        const command = event.slice('onCommand:'.length);
        assert.ok(commands.has(command) || BUILT_IN_COMMANDS.has(command), `${command} is not contributed`);
      }
    }
    const firstEvents = events.map((list) => list[0]);
    assert.equal(new Set(firstEvents).size, firstEvents.length, `steps share a completion event: ${firstEvents.join(', ')}`);
    assert.deepEqual(events[0], ['onCommand:rnnLab.showTopologies']);
    assert.deepEqual(events[1], ['onCommand:rnnLab.trainOnSelection']);
  });

  it('shows, in each language, an image of its own that exists for light and dark themes', () => {
    // Image paths are %keys% too (VS Code localises every string of the manifest), so Spanish gets Spanish screenshots.
    for (const step of walkthrough?.steps ?? []) {
      const image = step.media.image;
      assert.equal(typeof image, 'object', `${step.id}: themed images`);
      const themed = image as Readonly<Record<string, string>>;
      for (const theme of ['light', 'dark', 'hc', 'hcLight']) {
        assert.ok(themed[theme] !== undefined, `${step.id}: ${theme}`);
        const key = nlsKey(themed[theme] as string);
        const files = [english[key], spanish[key]];
        assert.notEqual(files[0], files[1], `${step.id}: the Spanish ${theme} image is the English one`);
        for (const file of files) {
          assert.ok(file !== undefined, `${step.id}: ${key} undefined`);
          assert.ok(fs.existsSync(path.join(root, file)), `${step.id}: ${file} missing`);
          assert.ok(fs.statSync(path.join(root, file)).size > 2000, `${step.id}: ${file} is suspiciously small`);
        }
        if (theme.startsWith('hc')) continue;
        assert.ok((english[key] as string).endsWith(`-${theme}.png`) || (english[key] as string).endsWith(`-${theme}.svg`), `${key}`);
      }
    }
    assert.equal(english['walkthrough.studyRnns.topologies.image.light'], 'media/walkthrough/topologies-light.png');
  });

  it('ships its images in the VSIX: none under media/screenshots/, which .vscodeignore leaves out', () => {
    const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8');
    assert.match(ignore, /^!media\/!\(screenshots\)\/\*\*$/m, 'media/ subfolders other than screenshots/ are shipped');
    const images = Object.entries({ ...english, ...spanish }).filter(([key]) => /^walkthrough\..*\.image\./.test(key));
    assert.equal(images.length, 12);
    for (const [key, file] of Object.entries(english).concat(Object.entries(spanish))) {
      if (!/^walkthrough\..*\.image\./.test(key)) continue;
      assert.ok(file.startsWith('media/') && !file.startsWith('media/screenshots/'), `${key}: ${file}`);
    }
  });

  it('has buttons whose commands exist and whose arguments are valid JSON naming real topics', () => {
    const commands = contributedCommands();
    for (const step of walkthrough?.steps ?? []) {
      for (const text of [english[nlsKey(step.description)], spanish[nlsKey(step.description)]]) {
        const links = [...(text ?? '').matchAll(/\]\(command:([\w.]+)(?:\?([^)]*))?\)/g)];
        assert.ok(links.length >= 1, `${step.id}: no button`);
        for (const [, command, query] of links) {
          assert.ok(commands.has(command as string) || BUILT_IN_COMMANDS.has(command as string), `${step.id}: ${command}`);
          if (query === undefined) continue;
          const argument = JSON.parse(decodeURIComponent(query)) as unknown;
          if (command === 'rnnLab.explain' || command === 'rnnLab.runLectureExperiment') {
            assert.ok(isLectureTopicId((argument as { topic?: unknown }).topic), `${step.id}: ${query}`);
          }
          if (command === 'rnnLab.openSamples') {
            const sample = (argument as { sample: string }).sample;
            assert.ok(fs.existsSync(path.join(root, 'samples', sample)), `${step.id}: sample ${sample}`);
          }
        }
      }
    }
  });

  it('registers Explain… and Run Lecture Experiment… in the RNN Lab category with localised titles', () => {
    const entries = manifest().contributes.commands.filter((entry) => ['rnnLab.explain', 'rnnLab.runLectureExperiment'].includes(entry.command));
    assert.equal(entries.length, 2);
    for (const entry of entries) {
      assert.equal(entry.category, 'RNN Lab');
      assert.ok(english[nlsKey(entry.title)] && spanish[nlsKey(entry.title)]);
    }
    assert.equal(spanish['command.explain.title'], 'Explicar…');
    assert.ok(manifest().activationEvents?.includes('onWebviewPanel:rnnLab.explanation'));
  });
});
