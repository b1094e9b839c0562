// A standalone page that runs the built topology webview (dist/webview/topology.js + .css) outside VS Code, for
// screenshots and CSP checks: the same HTML shell and CSP the host serves, a stub acquireVsCodeApi that answers
// `ready` with the same state message the host sends, and --vscode-* variables of VS Code's Dark+ / Light+ themes.
import type { TopologyFocus, TopologyStateMessage } from '../../src/protocol/topologyProtocol';
import { parseTopologyFocus } from '../../src/protocol/topologyProtocol';
import { describeIssue } from '../../src/protocol/validation';
import { formatTemplate } from '../../src/protocol/formatTemplate';
import { topologyPanelStrings } from '../../src/host/topology/topologyStrings';
import { variablesStylesheet, webviewHarnessPage, webviewStubScript, type HarnessTheme } from './webviewHarness';
import type { Translator } from '../../src/host/platform/translator';

export type { HarnessTheme };

/** The subset of VS Code's theme variables the panel uses, as Default Dark+, Light+ and High Contrast define them. */
export const THEME_VARIABLES: Readonly<Record<HarnessTheme, Readonly<Record<string, string>>>> = {
  dark: {
    '--vscode-font-family': '"Segoe WPC", "Segoe UI", "Ubuntu", "DejaVu Sans", sans-serif',
    '--vscode-font-size': '13px',
    '--vscode-editor-font-family': '"Droid Sans Mono", "DejaVu Sans Mono", monospace',
    '--vscode-foreground': '#cccccc',
    '--vscode-descriptionForeground': '#ccccccb3',
    '--vscode-editor-foreground': '#d4d4d4',
    '--vscode-editor-background': '#1e1e1e',
    '--vscode-sideBar-background': '#252526',
    '--vscode-panel-border': '#80808059',
    '--vscode-focusBorder': '#007fd4',
    '--vscode-charts-red': '#f14c4c',
    '--vscode-charts-green': '#89d185',
    '--vscode-charts-blue': '#3794ff',
    '--vscode-charts-orange': '#d18616',
    '--vscode-dropdown-background': '#3c3c3c',
    '--vscode-dropdown-foreground': '#f0f0f0',
    '--vscode-dropdown-border': '#3c3c3c',
    '--vscode-input-background': '#3c3c3c',
    '--vscode-input-foreground': '#cccccc',
    '--vscode-inputValidation-errorBorder': '#be1100',
    '--vscode-button-secondaryBackground': '#3a3d41',
    '--vscode-button-secondaryForeground': '#cccccc',
    '--vscode-button-secondaryHoverBackground': '#45494e',
  },
  light: {
    '--vscode-font-family': '"Segoe WPC", "Segoe UI", "Ubuntu", "DejaVu Sans", sans-serif',
    '--vscode-font-size': '13px',
    '--vscode-editor-font-family': '"Droid Sans Mono", "DejaVu Sans Mono", monospace',
    '--vscode-foreground': '#616161',
    '--vscode-descriptionForeground': '#717171',
    '--vscode-editor-foreground': '#000000',
    '--vscode-editor-background': '#ffffff',
    '--vscode-sideBar-background': '#f3f3f3',
    '--vscode-panel-border': '#80808059',
    '--vscode-focusBorder': '#0090f1',
    '--vscode-charts-red': '#e51400',
    '--vscode-charts-green': '#388a34',
    '--vscode-charts-blue': '#1a85ff',
    '--vscode-charts-orange': '#d18616',
    '--vscode-dropdown-background': '#ffffff',
    '--vscode-dropdown-foreground': '#616161',
    '--vscode-dropdown-border': '#cecece',
    '--vscode-input-background': '#ffffff',
    '--vscode-input-foreground': '#616161',
    '--vscode-input-border': '#cecece',
    '--vscode-inputValidation-errorBorder': '#be1100',
    '--vscode-button-secondaryBackground': '#5f6a79',
    '--vscode-button-secondaryForeground': '#ffffff',
    '--vscode-button-secondaryHoverBackground': '#4c5561',
  },
  'high-contrast': {
    '--vscode-font-family': '"Segoe WPC", "Segoe UI", "Ubuntu", "DejaVu Sans", sans-serif',
    '--vscode-font-size': '13px',
    '--vscode-editor-font-family': '"Droid Sans Mono", "DejaVu Sans Mono", monospace',
    '--vscode-foreground': '#ffffff',
    '--vscode-descriptionForeground': '#ffffffb3',
    '--vscode-editor-foreground': '#ffffff',
    '--vscode-editor-background': '#000000',
    '--vscode-sideBar-background': '#000000',
    '--vscode-contrastBorder': '#6fc3df',
    '--vscode-panel-border': '#6fc3df',
    '--vscode-focusBorder': '#f38518',
    '--vscode-charts-red': '#f14c4c',
    '--vscode-charts-green': '#89d185',
    '--vscode-charts-blue': '#3794ff',
    '--vscode-charts-orange': '#d18616',
    '--vscode-dropdown-background': '#000000',
    '--vscode-dropdown-foreground': '#ffffff',
    '--vscode-dropdown-border': '#6fc3df',
    '--vscode-input-background': '#000000',
    '--vscode-input-foreground': '#ffffff',
    '--vscode-input-border': '#6fc3df',
    '--vscode-inputValidation-errorBorder': '#f48771',
    '--vscode-button-secondaryBackground': '#000000',
    '--vscode-button-secondaryForeground': '#ffffff',
    '--vscode-button-border': '#6fc3df',
  },
};

/** vscode.l10n.t outside VS Code: looks the message up in a bundle (l10n/bundle.l10n.<lang>.json) and fills {n}. */
export function bundleTranslator(bundle: Readonly<Record<string, string>>): Translator {
  const t = (message: unknown, ...args: unknown[]): string => {
    const key = typeof message === 'string' ? message : String((message as { message?: unknown }).message ?? '');
    const values = args.map((arg) => (typeof arg === 'number' || typeof arg === 'boolean' ? arg.toString() : String(arg)));
    return formatTemplate(bundle[key] ?? key, ...values);
  };
  return { t };
}

/** `topology[:inputLength[:outputLength]]`, validated as the command validates its argument. */
export function parseFocusOption(text: string): TopologyFocus {
  const [topology, inputLength, outputLength] = text.split(':');
  const length = (value: string | undefined): number | undefined => (value === undefined || value === '' ? undefined : Number(value));
  const parsed = parseTopologyFocus({ topology, inputLength: length(inputLength), outputLength: length(outputLength) });
  if (!parsed.ok) throw new Error(`--focus ${text}: ${describeIssue(parsed.issue)}`);
  return parsed.value;
}

/** The state message the host sends after `ready` (request 0, as for the first command invocation). */
export function harnessStateMessage(translator: Translator, focus: TopologyFocus | null): TopologyStateMessage {
  return { type: 'state', requestId: 0, focus, strings: topologyPanelStrings(translator) };
}

/** CSS that defines the theme variables on <html>, where VS Code puts them. */
export function themeStylesheet(theme: HarnessTheme): string {
  return variablesStylesheet(THEME_VARIABLES[theme]);
}

/** The stub VS Code API answering `ready` with the topology panel's state. */
export function stubScript(state: TopologyStateMessage, theme: HarnessTheme): string {
  return webviewStubScript(state, theme);
}

/** The topology panel's page: the host's own HTML shell (same CSP), plus the theme stylesheet and the stub. */
export function harnessPage(origin: string, lang: string): string {
  return webviewHarnessPage(origin, lang, 'topology', 'RNN Lab: Lecture Topologies');
}
