// The diagram's colours, taken from the active VS Code theme. Karpathy's convention: inputs red, hidden states
// green, outputs blue; the context arrow of the encoder–decoder stands out in orange.
import type { DiagramRow } from './topologyDiagram';
import { currentThemeKind, isHighContrast, readThemeColor } from '../shared/theme';

export interface DiagramPalette {
  readonly foreground: string;
  readonly muted: string;
  readonly rowColor: Readonly<Record<DiagramRow, string>>;
  readonly recurrent: string;
  readonly context: string;
  /** Opacity of a box's tinted fill (0 in high contrast: outline only, maximum legibility). */
  readonly boxFillOpacity: number;
  readonly strokeWidth: number;
}

export function readDiagramPalette(): DiagramPalette {
  const kind = currentThemeKind();
  const light = kind === 'light' || kind === 'high-contrast-light';
  const highContrast = isHighContrast(kind);
  const foreground = readThemeColor('--vscode-editor-foreground', readThemeColor('--vscode-foreground', light ? '#333333' : '#cccccc'));
  const hidden = readThemeColor('--vscode-charts-green', light ? '#388a34' : '#89d185');
  return {
    foreground,
    muted: readThemeColor('--vscode-descriptionForeground', foreground),
    rowColor: {
      input: readThemeColor('--vscode-charts-red', light ? '#e51400' : '#f14c4c'),
      hidden,
      output: readThemeColor('--vscode-charts-blue', light ? '#1a85ff' : '#3794ff'),
    },
    recurrent: hidden,
    context: readThemeColor('--vscode-charts-orange', light ? '#d18616' : '#d18616'),
    boxFillOpacity: highContrast ? 0 : light ? 0.12 : 0.2,
    strokeWidth: highContrast ? 2 : 1.5,
  };
}
