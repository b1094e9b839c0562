// The charts' colours, read from the active VS Code theme (--vscode-* variables, theme.ts) each time the page draws,
// so a theme switch recolours everything. Epochs are coloured along a sequential ramp from early (blue) to late
// (orange), the colour scale the decay chart's legend and the heatmap share.
import { currentThemeKind, isHighContrast, readThemeColor } from '../theme';

export interface ChartPalette {
  readonly light: boolean;
  readonly highContrast: boolean;
  readonly background: string;
  readonly foreground: string;
  readonly muted: string;
  readonly grid: string;
  readonly red: string;
  readonly blue: string;
  readonly green: string;
  readonly orange: string;
  readonly yellow: string;
  readonly purple: string;
  readonly fontFamily: string;
  readonly lineWidth: number;
}

export function readChartPalette(): ChartPalette {
  const kind = currentThemeKind();
  const light = kind === 'light' || kind === 'high-contrast-light';
  const foreground = readThemeColor('--vscode-editor-foreground', readThemeColor('--vscode-foreground', light ? '#333333' : '#cccccc'));
  return {
    light,
    highContrast: isHighContrast(kind),
    background: readThemeColor('--vscode-editor-background', light ? '#ffffff' : '#1e1e1e'),
    foreground,
    muted: readThemeColor('--vscode-descriptionForeground', foreground),
    grid: readThemeColor('--vscode-panel-border', light ? '#80808059' : '#80808059'),
    red: readThemeColor('--vscode-charts-red', light ? '#e51400' : '#f14c4c'),
    blue: readThemeColor('--vscode-charts-blue', light ? '#1a85ff' : '#3794ff'),
    green: readThemeColor('--vscode-charts-green', light ? '#388a34' : '#89d185'),
    orange: readThemeColor('--vscode-charts-orange', '#d18616'),
    yellow: readThemeColor('--vscode-charts-yellow', light ? '#bf8803' : '#cca700'),
    purple: readThemeColor('--vscode-charts-purple', light ? '#652d90' : '#b180d7'),
    fontFamily: readThemeColor('--vscode-font-family', 'sans-serif'),
    lineWidth: isHighContrast(kind) ? 2.5 : 1.75,
  };
}

interface Rgba {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly a: number;
}

/** #rgb, #rgba, #rrggbb, #rrggbbaa or rgb()/rgba(); anything else resolves to mid grey. */
export function parseColor(color: string): Rgba {
  const text = color.trim();
  const hex = /^#([0-9a-f]{3,8})$/i.exec(text)?.[1];
  if (hex !== undefined) {
    const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex;
    const channel = (i: number): number => parseInt(full.slice(2 * i, 2 * i + 2), 16);
    return { r: channel(0), g: channel(1), b: channel(2), a: full.length === 8 ? channel(3) / 255 : 1 };
  }
  const rgb = /^rgba?\(([^)]+)\)$/i.exec(text)?.[1];
  if (rgb !== undefined) {
    const [r = 128, g = 128, b = 128, a = 1] = rgb.split(/[\s,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  }
  return { r: 128, g: 128, b: 128, a: 1 };
}

export function withAlpha(color: string, alpha: number): string {
  const { r, g, b } = parseColor(color);
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** Linear interpolation along colour stops, u in [0, 1]. */
export function ramp(stops: readonly string[], u: number): string {
  const parsed = stops.map(parseColor);
  const t = Math.min(1, Math.max(0, Number.isFinite(u) ? u : 0)) * (parsed.length - 1);
  const i = Math.min(parsed.length - 2, Math.floor(t));
  const f = t - i;
  const a = parsed[i]!;
  const b = parsed[i + 1]!;
  const mix = (x: number, y: number): number => Math.round(x + (y - x) * f);
  return `rgb(${mix(a.r, b.r)}, ${mix(a.g, b.g)}, ${mix(a.b, b.b)})`;
}

/** Colour of a sampled epoch: early epochs blue, late ones orange/red. */
export function epochColor(palette: ChartPalette, u: number): string {
  return ramp([palette.blue, palette.purple, palette.orange], u);
}

/** The heatmap's scale for log10 ‖∂J/∂h_k‖: low (vanished) dark blue … high yellow. */
export function heatmapColor(palette: ChartPalette, u: number): string {
  return ramp([palette.light ? '#23175c' : '#1b1642', palette.blue, palette.green, palette.yellow], u);
}
