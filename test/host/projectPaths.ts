// Where things live, resolved from the compiled location out/test/host/*.js (three levels below the project root).
import * as path from 'path';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');

/** The compiled integration suite entry (exports `run()`), produced by `tsc -p test/tsconfig.json`. */
export const INTEGRATION_SUITE_INDEX = path.join(PROJECT_ROOT, 'out', 'test', 'integration', 'index.js');

/** The bundled extension entry named by package.json "main", produced by `npm run build`. */
export const EXTENSION_BUNDLE = path.join(PROJECT_ROOT, 'dist', 'extension.js');

/** test-electron's own cache folder (git-ignored); desktop VS Code downloads land here. */
export const VSCODE_TEST_CACHE = path.join(PROJECT_ROOT, '.vscode-test');

/** The adapter that test-electron launches instead of the VS Code binary (compiled from codeServerHost.ts). */
export const CODE_SERVER_HOST_ADAPTER = path.join(__dirname, 'codeServerHost.js');
