// Theme colours for drawings (SVG attributes, canvas charts) read from VS Code's --vscode-* CSS variables at run time,
// and re-read whenever VS Code switches theme — it does so by changing <body>'s class (vscode-light, vscode-dark,
// vscode-high-contrast, vscode-high-contrast-light), which a MutationObserver sees (the gitlens theme.ts pattern).

export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

export function currentThemeKind(): ThemeKind {
  const classes = document.body.classList;
  if (classes.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (classes.contains('vscode-high-contrast')) return 'high-contrast';
  if (classes.contains('vscode-light')) return 'light';
  return 'dark';
}

export function isHighContrast(kind: ThemeKind = currentThemeKind()): boolean {
  return kind === 'high-contrast' || kind === 'high-contrast-light';
}

/** The value of a --vscode-* variable on <body>, or `fallback` when the theme does not define it. */
export function readThemeColor(variable: string, fallback: string): string {
  const value = getComputedStyle(document.body).getPropertyValue(variable).trim();
  return value === '' ? fallback : value;
}

/**
 * Calls `onChange` after every theme switch (body class or VS Code's data-vscode-theme-* attributes changed).
 * Returns a function that stops watching.
 */
export function watchThemeChanges(onChange: (kind: ThemeKind) => void): () => void {
  let last = `${document.body.className}|${document.body.getAttribute('data-vscode-theme-id') ?? ''}`;
  const observer = new MutationObserver(() => {
    const now = `${document.body.className}|${document.body.getAttribute('data-vscode-theme-id') ?? ''}`;
    if (now === last) return;
    last = now;
    onChange(currentThemeKind());
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ['class', 'data-vscode-theme-kind', 'data-vscode-theme-id'] });
  return () => observer.disconnect();
}
