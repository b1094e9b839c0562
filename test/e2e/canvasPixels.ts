// Whether a chart canvas shows a drawing: Chart.js clears to transparent and the panel paints its own background, so
// "drawn" means many pixels that differ from the canvas's most common colour (the background) in several colours —
// and, because axes, grid lines and tick labels are grey in every theme while the plotted gradient-norm curves are
// coloured, the pixels of strong chroma (max − min channel) in the plot band below the legend, which only data draws.
import type { Locator } from 'playwright-core';

export interface CanvasInk {
  readonly width: number;
  readonly height: number;
  /** Pixels that are not fully transparent. */
  readonly opaquePixels: number;
  /** Pixels whose colour differs from the most common colour. */
  readonly inkedPixels: number;
  /** Distinct colours among the inked pixels (quantised to 4 bits per channel). */
  readonly inkColours: number;
  /** Strongly coloured pixels (chroma > CURVE_CHROMA) in the rows below the legend: plotted curves. */
  readonly curvePixels: number;
}

/** Grey (axes, grid, text, the dashed bound) has chroma near 0; Chart.js series colours have chroma > 100. */
const CURVE_CHROMA = 80;
/** The legend sits in the top quarter of the decay chart; the plot area fills the band below it. */
const PLOT_BAND_TOP = 0.35;
const PLOT_BAND_BOTTOM = 0.85;

export async function measureCanvasInk(canvas: Locator): Promise<CanvasInk> {
  return canvas.evaluate((element, band) => {
    const target = element as HTMLCanvasElement;
    const context = target.getContext('2d');
    if (context === null) throw new Error('the chart canvas has no 2d context');
    const { data } = context.getImageData(0, 0, target.width, target.height);
    const counts = new Map<number, number>();
    let opaquePixels = 0;
    for (let i = 0; i < data.length; i += 4) {
      if ((data[i + 3] ?? 0) !== 0) opaquePixels++;
      const key = (((data[i] ?? 0) >> 4) << 12) | (((data[i + 1] ?? 0) >> 4) << 8) | (((data[i + 2] ?? 0) >> 4) << 4) | ((data[i + 3] ?? 0) >> 4);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    let background = 0;
    let backgroundCount = -1;
    for (const [key, count] of counts) if (count > backgroundCount) [background, backgroundCount] = [key, count];
    let inkedPixels = 0;
    let inkColours = 0;
    for (const [key, count] of counts) {
      if (key === background) continue;
      inkedPixels += count;
      if (count >= 20) inkColours++;
    }
    let curvePixels = 0;
    for (let y = Math.floor(target.height * band.top); y < Math.floor(target.height * band.bottom); y++) {
      for (let x = 0; x < target.width; x++) {
        const i = (y * target.width + x) * 4;
        const r = data[i] ?? 0;
        const g = data[i + 1] ?? 0;
        const b = data[i + 2] ?? 0;
        if ((data[i + 3] ?? 0) > 128 && Math.max(r, g, b) - Math.min(r, g, b) > band.chroma) curvePixels++;
      }
    }
    return { width: target.width, height: target.height, opaquePixels, inkedPixels, inkColours, curvePixels };
  }, { top: PLOT_BAND_TOP, bottom: PLOT_BAND_BOTTOM, chroma: CURVE_CHROMA });
}
