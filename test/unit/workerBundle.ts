// A worker entry point (src/worker/<name>.ts) bundled the way esbuild.js bundles it for dist/, into `directory`, so the
// unit tests run the real worker_threads program.
import * as esbuild from 'esbuild';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');

/** Bundles src/worker/<name>.ts to <directory>/<name>.js and returns that path. */
export async function bundleWorker(name: string, directory: string): Promise<string> {
  const outfile = path.join(directory, `${name}.js`);
  await esbuild.build({ entryPoints: [path.join(root, 'src', 'worker', `${name}.ts`)], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' });
  return outfile;
}
