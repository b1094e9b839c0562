// What the four screenshot scripts share: their command-line options, the TypeScript page harness (test/harness/*.ts)
// bundled for Node on the fly, a local HTTP origin serving the host's HTML shell, a theme stylesheet, the stub
// acquireVsCodeApi and the built bundles (dist/ only, plus any extra folders a page needs), and headless Debian
// Chromium. Each script keeps only what it checks and photographs.
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

/** `--name value` from the command line, or `fallback`. */
export function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && index + 1 < process.argv.length ? process.argv[index + 1] : fallback;
}

/** The l10n bundle of `lang` ({} for English, whose messages are their own keys). */
export function l10nBundle(lang) {
  return lang === 'en' ? {} : JSON.parse(readFileSync(join(root, `l10n/bundle.l10n.${lang}.json`), 'utf8'));
}

/** Bundles test/harness/<name>.ts for Node and loads it; `dispose` removes the temporary bundle. */
export function loadHarness(name) {
  const esbuild = require('esbuild');
  const directory = mkdtempSync(join(tmpdir(), `rnn-lab-${name}-`));
  const outfile = join(directory, `${name}.cjs`);
  esbuild.buildSync({ entryPoints: [join(root, `test/harness/${name}.ts`)], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'warning' });
  return { harness: require(outfile), dispose: () => rmSync(directory, { recursive: true, force: true }) };
}

/** Runs esbuild.js when `bundle` (e.g. dist/webview/training.js) is missing, or always with `always`. */
export function ensureBuilt(bundle, always = false) {
  if (always || !existsSync(join(root, bundle))) execFileSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'inherit' });
}

const CONTENT_TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png' };

/**
 * Serves the page over http://127.0.0.1:<port>: `/` the HTML shell (`page(origin)`), `/theme.css` and `/stub.js` for the
 * current theme, and files under dist/ (and `extraFolders`). Resolves to { origin, setTheme, close }.
 */
export async function startHarnessServer({ page, themeCss, stub, extraFolders = [] }) {
  let theme = 'dark';
  let origin = '';
  const allowed = ['dist', ...extraFolders].map((folder) => join(root, folder) + '/');
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const send = (status, type, body) => {
      response.writeHead(status, { 'Content-Type': type });
      response.end(body);
    };
    if (url.pathname === '/favicon.ico') return send(204, 'image/x-icon', '');
    if (url.pathname === '/') return send(200, 'text/html', page(origin));
    if (url.pathname === '/theme.css') return send(200, 'text/css', themeCss(theme));
    if (url.pathname === '/stub.js') return send(200, 'text/javascript', stub(theme));
    const file = normalize(join(root, url.pathname));
    if (!allowed.some((prefix) => file.startsWith(prefix)) || !existsSync(file)) return send(404, 'text/plain', 'not found');
    return send(200, CONTENT_TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream', readFileSync(file));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    setTheme: (next) => {
      theme = next;
    },
    close: () => server.close(),
  };
}

/** Debian's Chromium, headless (playwright-core never downloads a browser). */
export function launchChromium() {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** A new page whose console errors/warnings and page errors are collected into the returned `problems`. */
export async function newWatchedPage(browser, viewport) {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { page, problems };
}
