#!/usr/bin/env node
// The walkthrough's "write your own config" image: samples/configs/many-to-one.rnn.json as VS Code shows it, with the
// code lenses RNN Lab puts on it. The lens titles are not typed here: they are computed by the extension's own lens
// code (topologyLensText.ts, remedyLensText.ts, initialSpectrum.ts) on the real file, so the picture matches the UI.
// Drawn as SVG in the Dark+ and Light+ editor colours.
//
//   node scripts/draw-config-lens.mjs              → media/walkthrough/config-lens-{dark,light}.svg
//   node scripts/draw-config-lens.mjs --lang es    → media/walkthrough/config-lens-es-{dark,light}.svg (l10n/bundle.l10n.es.json)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const esbuild = require('esbuild');

const langIndex = process.argv.indexOf('--lang');
const lang = langIndex >= 0 ? process.argv[langIndex + 1] : 'en';
const suffix = lang === 'en' ? '' : `-${lang}`;
const bundle = lang === 'en' ? {} : JSON.parse(readFileSync(join(root, `l10n/bundle.l10n.${lang}.json`), 'utf8'));
const configFile = join(root, 'samples/configs/many-to-one.rnn.json');
const entry = `
import { analyzeModelDocument } from './src/modelFiles/modelDocumentAnalysis';
import { topologyLensContent } from './src/host/modelFiles/topologyLensText';
import { remedyLensTexts } from './src/host/modelFiles/remedyLensText';
import { initialSpectrum } from './src/modelFiles/rnnConfig/initialSpectrum';
export function lenses(text: string, fileName: string, bundle: Record<string, string>) {
  const translator = { t: (m: string, ...a: unknown[]) => (bundle[m] ?? m).replace(/\\{(\\d+)\\}/g, (_w: string, i: string) => String(a[Number(i)])) } as never;
  const analysis = analyzeModelDocument(text, fileName);
  if (analysis.recognition === null || analysis.rnnConfig === null) throw new Error('not recognised as an RNN Lab config');
  const topology = topologyLensContent(analysis.recognition, translator);
  if (topology === null) throw new Error('no topology lens');
  const config = analysis.rnnConfig;
  const present = new Set(config.keyPositions.keys());
  const remedies = remedyLensTexts(config.config, present, initialSpectrum(config.config), translator).map((lens) => ({
    line: config.keyPositions.get(lens.field)?.line ?? -1,
    title: lens.title,
  }));
  // The topology lens provider adds these two titles after the topology's (topologyLensProvider.ts).
  const t = (translator as { t: (m: string) => string }).t;
  return { topLine: analysis.recognition.modelRange?.start.line ?? 0, top: [topology.title, t('▶ Train with this config'), t('Show gradient decay of last run')], remedies };
}`;
const built = esbuild.buildSync({ stdin: { contents: entry, loader: 'ts', resolveDir: root }, bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'warning' });
const module = { exports: {} };
new Function('module', 'exports', 'require', built.outputFiles[0].text)(module, module.exports, require);
const text = readFileSync(configFile, 'utf8');
const { topLine, top, remedies } = module.exports.lenses(text, configFile, bundle);

const THEMES = {
  dark: { bg: '#1e1e1e', fg: '#d4d4d4', key: '#9cdcfe', string: '#ce9178', number: '#b5cea8', punct: '#d4d4d4', lens: '#999999', gutter: '#858585', tab: '#252526', tabText: '#ffffff' },
  light: { bg: '#ffffff', fg: '#000000', key: '#0451a5', string: '#a31515', number: '#098658', punct: '#000000', lens: '#919191', gutter: '#237893', tab: '#f3f3f3', tabText: '#333333' },
};
const LINE = 19;
const LENS = 17;
/** Wide enough for the longest row of lenses (≈ 6.2 px per character at 11.5 px), so no lens is cut off. */
const WIDTH = Math.max(640, Math.ceil(Math.max(top.join('  |  ').length, ...remedies.map((r) => r.title.length + 4)) * 6.2 + 70));
const SHOWN_LINES = 20;
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** JSON line → coloured spans (keys, strings, numbers), as the editor's JSON grammar colours them. */
function spans(line, colours) {
  const parts = [];
  const pattern = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:e-?\d+)?)|([{}[\],:])|(\s+)|([^\s"{}[\],:]+)/gi;
  for (const match of line.matchAll(pattern)) {
    if (match[1] !== undefined) {
      parts.push([match[2] !== undefined ? colours.key : colours.string, match[1]]);
      if (match[2] !== undefined) parts.push([colours.punct, match[2]]);
    } else if (match[3] !== undefined) parts.push([colours.number, match[3]]);
    else parts.push([colours.punct, match[0]]);
  }
  return parts.map(([fill, s]) => `<tspan fill="${fill}">${escape(s)}</tspan>`).join('');
}

function draw(theme) {
  const c = THEMES[theme];
  const lines = text.split(/\r?\n/).slice(0, SHOWN_LINES);
  const rows = [];
  let y = 48;
  lines.forEach((line, index) => {
    const lensTitles = [...(index === topLine ? top : []), ...remedies.filter((r) => r.line === index).map((r) => r.title)];
    if (lensTitles.length > 0) {
      const indent = index === topLine ? 0 : line.length - line.trimStart().length;
      rows.push(`<text x="${56 + indent * 7.8}" y="${y + 12}" fill="${c.lens}" class="lens">${escape(lensTitles.join('  |  '))}</text>`);
      y += LENS;
    }
    rows.push(`<text x="38" y="${y + 14}" fill="${c.gutter}" text-anchor="end" class="code">${index + 1}</text>`);
    rows.push(`<text x="56" y="${y + 14}" class="code" xml:space="preserve">${spans(line, c)}</text>`);
    y += LINE;
  });
  const height = y + 14;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="many-to-one.rnn.json in the editor with RNN Lab code lenses: ${escape(top[0])}">
<style>
  .code { font-family: 'Droid Sans Mono', 'DejaVu Sans Mono', Consolas, monospace; font-size: 13px; }
  .lens { font-family: 'Segoe WPC', 'Segoe UI', Ubuntu, 'DejaVu Sans', sans-serif; font-size: 11.5px; }
  .tab { font-family: 'Segoe WPC', 'Segoe UI', Ubuntu, 'DejaVu Sans', sans-serif; font-size: 13px; }
</style>
<defs><clipPath id="editor"><rect x="0" y="35" width="${WIDTH}" height="${height - 35}"/></clipPath></defs>
<rect width="${WIDTH}" height="${height}" fill="${c.bg}"/>
<rect width="${WIDTH}" height="35" fill="${c.tab}"/>
<rect width="210" height="35" fill="${c.bg}"/>
<text x="16" y="22" fill="${c.tabText}" class="tab">{} many-to-one.rnn.json</text>
<g clip-path="url(#editor)">
${rows.join('\n')}
</g>
</svg>
`;
}

mkdirSync(join(root, 'media/walkthrough'), { recursive: true });
for (const theme of Object.keys(THEMES)) {
  const file = join(root, `media/walkthrough/config-lens${suffix}-${theme}.svg`);
  writeFileSync(file, draw(theme));
  console.log(`${file}: ${top.length} lenses above the model, ${remedies.length} on remedy fields`);
}
