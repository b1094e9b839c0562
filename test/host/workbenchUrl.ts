// The web workbench URL that makes VS Code run an extension test suite, the way test-electron's command line does on
// desktop: the `payload` query carries extensionDevelopmentPath / extensionTestsPath as vscode-remote URIs on the
// server's own authority, so the extension host (a Node process of the server) loads them from this disk.

export function remoteUri(authority: string, absolutePath: string): string {
  const encodedPath = absolutePath.split('/').map(encodeURIComponent).join('/');
  return `vscode-remote://${authority}${encodedPath.startsWith('/') ? '' : '/'}${encodedPath}`;
}

export interface SuiteWorkbench {
  readonly origin: string; // http://127.0.0.1:PORT
  readonly extensionDevelopmentPath: string;
  readonly extensionTestsPath: string;
  readonly folder: string | undefined;
}

export function suiteWorkbenchUrl(workbench: SuiteWorkbench): string {
  const authority = new URL(workbench.origin).host;
  const payload: [string, string][] = [
    ['extensionDevelopmentPath', remoteUri(authority, workbench.extensionDevelopmentPath)],
    ['extensionTestsPath', remoteUri(authority, workbench.extensionTestsPath)],
  ];
  const query = new URLSearchParams();
  if (workbench.folder !== undefined) query.set('folder', workbench.folder);
  query.set('payload', JSON.stringify(payload));
  return `${workbench.origin}/?${query.toString()}`;
}
