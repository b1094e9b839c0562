// The windows Compare Remedies trains every entry on, prepared by the one data pipeline (src/data) like the demo's sine
// experiment: the first numeric column of the text (a counter/time axis is skipped), z-scored on the training rows,
// cut into many-to-one windows that predict the next value — T = min(60, rows/5) steps, the stride chosen for about
// 240 windows — the last 20 % of them for validation. The sine sample therefore gives the demo's table.
import { DataError } from '../../data/dataError';
import { DataIntake } from '../../data/intake';
import type { DataPlatform } from '../../data/platform';
import { settingsFrom } from '../settings/resolveSettings';
import { SINE_WINDOW, dataSettingsOf, demoDataset, type DemoDataset } from './lineupData';

/** About this many windows: enough to fit a smooth series, few enough to train nine models in seconds. */
export const COMPARE_TARGET_WINDOWS = 240;
/** Fewer rows cannot give training and validation windows of a useful length. */
export const COMPARE_MIN_ROWS = 20;
/** The most text Compare Remedies reads. */
const MAX_COMPARE_BYTES = 20 * 1024 * 1024;

/** T = min(60, rows / 5) steps per window; stride chosen for ≈ COMPARE_TARGET_WINDOWS windows. */
export function compareWindowShape(rows: number): { window: number; stride: number } {
  const window = Math.max(2, Math.min(SINE_WINDOW, Math.floor(rows / 5)));
  const stride = Math.max(1, Math.round((rows - window) / COMPARE_TARGET_WINDOWS));
  return { window, stride };
}

export async function compareDataFromText(text: string, source: string, platform: DataPlatform): Promise<DemoDataset> {
  const intake = new DataIntake(platform);
  const loaded = await intake.load({ kind: 'text', text, label: source }, { maxBytes: MAX_COMPARE_BYTES, group: false });
  if (!loaded.ok) throw new DataError(loaded.error.problem, loaded.error);
  const numeric = loaded.overview.columns.some((column) => column.type === 'number');
  if (loaded.overview.kind === 'characters' || !numeric) {
    throw new DataError('no numeric column to compare the remedies on', { code: 'no-numeric-column', source, hint: 'Select rows of numbers (one value per line, or a CSV with a numeric column).' });
  }
  const rows = loaded.overview.rows;
  if (rows < COMPARE_MIN_ROWS) {
    throw new DataError(`only ${rows} rows; Compare Remedies needs at least ${COMPARE_MIN_ROWS}`, { code: 'too-little-data', source, hint: 'Select more rows, or run it with nothing selected on the whole file.' });
  }
  const { window, stride } = compareWindowShape(rows);
  const prepared = intake.prepare({}, settingsFrom(dataSettingsOf('sine', window, stride)));
  if (!prepared.ok) {
    const missing = prepared.missing !== undefined;
    throw new DataError(missing ? `${prepared.error.problem}: Compare Remedies needs a column without gaps` : prepared.error.problem, {
      ...prepared.error,
      ...(missing ? { hint: 'Fill or remove the empty cells, then run Compare Remedies again.' } : {}),
    });
  }
  const column = prepared.prepared.prediction.column;
  return demoDataset('sine', source, prepared.prepared, `${column} 1 step ahead of each ${window}-step window`);
}
