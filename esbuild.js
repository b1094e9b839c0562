// Bundles RNN Lab's separate programs (docs/architecture.md):
//   dist/extension.js                extension host (node, cjs, `vscode` external)
//   dist/trainingWorker.js           training worker: data intake and training (worker_threads)
//   dist/gradientCheckWorker.js      Gradient Check's finite-difference check (worker_threads)
//   dist/textSampleWorker.js         text sample of the training panel's character models (worker_threads)
//   dist/compareRemediesWorker.js    one Compare Remedies line-up entry (worker_threads)
//   dist/exportWorker.js             Export Run as PyTorch Script…: builds and writes a run's script (worker_threads)
//   dist/gradientShardWorker.js      the shard workers of a threaded training (node/threads/, worker_threads)
//   dist/cli.js                      the headless `rnn-lab` command (node, with shebang)
//   dist/webview/*.js                one browser bundle (iife) per webview panel: webview/<panel>/main.ts
// `--production` minifies and keeps no sources inside the maps; `--watch` rebuilds on change.
'use strict';
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

// The WebAssembly kernels' generated module must exist before anything bundles or typechecks the engine.
require('node:child_process').execFileSync(process.execPath, [path.join(__dirname, 'scripts', 'build-kernels.mjs')], { stdio: 'inherit' });

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
  // Every file in src/worker/ is one worker entry point, bundled to dist/<name>.js.
  for (const file of fs.readdirSync('src/worker').filter((name) => name.endsWith('.ts'))) {
    list.push(nodeBundle(path.join('src/worker', file), path.join('dist', file.replace(/\.ts$/, '.js'))));
  }
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
