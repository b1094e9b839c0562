/** Fills {0}, {1} … like vscode.l10n.t, for templates the host localised and the webview completes with numbers. */
export function formatTemplate(template: string, ...args: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
}
