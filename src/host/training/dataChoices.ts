// The questions asked before training when the data leaves a choice: which columns (named by header, numeric ones
// preselected; date and label columns are listed as skipped), which one to predict, and what to do with missing
// values (drop the rows or interpolate). Each resolves to undefined when the user cancels.
import * as vscode from 'vscode';
import type { MissingValueHandling } from '../../data/prepare/seriesTrainingData';
import type { TableOverview } from '../../data/prepare/prepareTrainingData';
import type { MissingValuesInfo } from '../../protocol/intakeProtocol';

interface ColumnItem extends vscode.QuickPickItem {
  readonly columnName: string;
}

/** Column names to train on; asks only when there is more than one number column. */
export async function pickColumns(table: Pick<TableOverview, 'columns'>): Promise<string[] | undefined> {
  const numeric = table.columns.filter((column) => column.type === 'number');
  if (numeric.length <= 1) return numeric.map((column) => column.name);
  // A row or time counter (t = 1, 2, 3…) carries no signal: listed, but not ticked.
  const firstSignal = numeric.find((column) => column.indexLike !== true) ?? numeric[0];
  const items: (ColumnItem | vscode.QuickPickItem)[] = numeric.map((column) => ({
    label: column.name,
    description:
      column.indexLike === true
        ? vscode.l10n.t('numbers counting the rows (an index or time column)')
        : column.missing > 0
          ? vscode.l10n.t('numbers, {0} missing', column.missing)
          : vscode.l10n.t('numbers'),
    picked: column.indexLike !== true,
    columnName: column.name,
    detail: column === firstSignal ? vscode.l10n.t('predicted column unless you choose another next') : undefined,
  }));
  const skipped = table.columns.filter((column) => column.type !== 'number');
  if (skipped.length > 0) {
    items.push({ label: vscode.l10n.t('Skipped (not numbers)'), kind: vscode.QuickPickItemKind.Separator });
    for (const column of skipped) {
      items.push({ label: `$(circle-slash) ${column.name}`, description: column.type === 'date' ? vscode.l10n.t('dates') : vscode.l10n.t('text labels') });
    }
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Columns to train on'),
    placeHolder: vscode.l10n.t('Number columns are preselected; untick the ones to leave out'),
    canPickMany: true,
  });
  if (picked === undefined) return undefined;
  const names = picked.filter((item): item is ColumnItem => 'columnName' in item).map((item) => item.columnName);
  if (names.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No number column was chosen, so there is nothing to train on.'));
    return undefined;
  }
  return names;
}

/** The predicted column among the chosen ones; asks only when there are several. */
export async function pickTarget(columns: readonly string[]): Promise<string | undefined> {
  if (columns.length <= 1) return columns[0];
  const picked = await vscode.window.showQuickPick(
    columns.map((name) => ({ label: name })),
    { title: vscode.l10n.t('Column to predict'), placeHolder: vscode.l10n.t('The other chosen columns are extra inputs') },
  );
  return picked?.label;
}

/** "3 missing value(s), at line(s) 5, 9, 12" (source lines when known, else data rows). */
function describeMissing(report: MissingValuesInfo): string {
  const shown = 10;
  const places = report.lines.length > 0 ? report.lines : report.rows.map((row) => row + 1);
  const listed = places.slice(0, shown).join(', ') + (places.length > shown ? ' …' : '');
  return report.lines.length > 0
    ? vscode.l10n.t('{0} missing value(s), at line(s) {1}. Drop those rows, or fill each gap by linear interpolation between its neighbours?', report.count, listed)
    : vscode.l10n.t('{0} missing value(s), at data row(s) {1}. Drop those rows, or fill each gap by linear interpolation between its neighbours?', report.count, listed);
}

export async function askMissingValues(report: MissingValuesInfo): Promise<MissingValueHandling | undefined> {
  const drop = vscode.l10n.t('Drop Those Rows');
  const interpolate = vscode.l10n.t('Interpolate');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('The chosen columns have missing values.'),
    { modal: true, detail: describeMissing(report) },
    drop,
    interpolate,
  );
  return choice === drop ? 'drop' : choice === interpolate ? 'interpolate' : undefined;
}
