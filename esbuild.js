// Bundles RNN Lab's separate programs (see DEVELOPERS.md, "Architecture"):
//   dist/extension.js  extension host (node, cjs, `vscode` external)
//   dist/worker.js     training worker for worker_threads (node)
//   dist/gradcheckWorker.js  gradient-check worker for worker_threads (node)
//   dist/samplingWorker.js   text-sampling worker of the training panel's character models (node)
//   dist/cli.js        the headless `rnn-lab` command (node, with shebang)
//   dist/webview/*.js  one browser bundle (iife) per webview panel: webview/<panel>/main.ts
// `--production` minifies and keeps no sources inside the maps; `--watch` rebuilds on change.
'use strict';
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  minify: production,
  sourcemap: true,
  sourcesContent: !production,
  logLevel: 'warning',
  legalComments: production ? 'none' : 'inline',
};

function nodeBundle(entry, outfile, extra = {}) {
  return { ...common, entryPoints: [entry], outfile, platform: 'node', format: 'cjs', target: 'node20', ...extra };
}

function configs() {
  const list = [nodeBundle('src/extension.ts', 'dist/extension.js', { external: ['vscode'] })];
  if (fs.existsSync('src/worker/main.ts')) list.push(nodeBundle('src/worker/main.ts', 'dist/worker.js'));
  // Gradient Check runs the engine's finite-difference check in its own worker_threads worker (issue 6).
  if (fs.existsSync('src/worker/gradientCheckWorker.ts')) list.push(nodeBundle('src/worker/gradientCheckWorker.ts', 'dist/gradcheckWorker.js'));
  // The training panel's text sample of a character model is drawn in a short-lived worker (issue 6, chart 6).
  if (fs.existsSync('src/worker/samplingWorker.ts')) list.push(nodeBundle('src/worker/samplingWorker.ts', 'dist/samplingWorker.js'));
  // Compare Remedies trains each line-up entry in its own worker (issue 6).
  if (fs.existsSync('src/worker/compareWorker.ts')) list.push(nodeBundle('src/worker/compareWorker.ts', 'dist/compareWorker.js'));
  if (fs.existsSync('src/cli/main.ts')) {
    // `rnn-lab bench` requires the comparison libraries (devDependencies) at run time only: never bundle them.
    list.push(
      nodeBundle('src/cli/main.ts', 'dist/cli.js', {
        banner: { js: '#!/usr/bin/env node' },
        external: ['@tensorflow/tfjs', 'brain.js'],
      }),
    );
  }
  // report.html of `rnn-lab demo` / `rnn-lab report` inlines this browser bundle (Chart.js included, no network);
  // always minified without legal comments, so the self-contained page stays small and carries no URLs.
  if (fs.existsSync('src/cli/report/page/reportPage.ts')) {
    list.push({ ...common, entryPoints: ['src/cli/report/page/reportPage.ts'], outfile: 'dist/report-page.js', platform: 'browser', format: 'iife', target: 'es2022', minify: true, sourcemap: false, legalComments: 'none' });
  }
  for (const panel of fs.existsSync('webview') ? fs.readdirSync('webview') : []) {
    const entry = path.join('webview', panel, 'main.ts');
    if (!fs.existsSync(entry)) continue;
    list.push({
      ...common,
      entryPoints: [entry],
      outfile: path.join('dist', 'webview', `${panel}.js`),
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      loader: { '.css': 'css' },
    });
  }
  return list;
}

async function main() {
  const started = Date.now();
  const contexts = await Promise.all(configs().map((c) => esbuild.context(c)));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('[esbuild] watching for changes…');
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  if (fs.existsSync('dist/cli.js')) fs.chmodSync('dist/cli.js', 0o755);
  console.log(`[esbuild] ${contexts.length} bundles in ${Date.now() - started} ms${production ? ' (production)' : ''}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
