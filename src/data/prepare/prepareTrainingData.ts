// From a parsed table and the user's answers to the data a run trains on — the decisions the train commands take,
// free of vscode so the training worker runs them (the extension host never parses or windows data: issue 5, "the
// extension host thread is never busy for more than 50 ms"). The host sees only the overview and asks its questions
// from that; the table itself stays in the worker.
//   plain text → next-character model; a table of texts and labels only → sentence classifier; a table of many short
//   sequences (a group column) → one example per sequence; anything else → windows of a number series.
import { throwIfCancelled, type CancelSignal } from '../cancel';
import type { TopologyId } from '../../engine/dataset';
import type { ModelExtras } from '../../modelFiles/modelJson';
import { guessTextAndLabelColumns, prepareCharacterData, prepareLabelledTextData } from './characterTrainingData';
import { DataError } from '../dataError';
import { prepareGroupedTrainingData } from './groupedTrainingData';
import { findMissingInTable, type MissingValueReport } from './missingValues';
import type { ParsedTable } from '../parse/parsedTable';
import { isIndexLikeColumn, selectColumns } from './selectColumns';
import { detectSequenceGrouping } from './sequenceGrouping';
import { normalizationJson, type PreparedTrainingData, prepareTrainingData } from './seriesTrainingData';
import type { IntakeChoices, PreparationSettings, SequenceGrouping, TableOverview } from '../intakeTypes';
export type { DataKind, IntakeChoices, TableOverview } from '../intakeTypes';

/** What the command arguments say before the overview exists. */
export interface OverviewOptions {
  /** false: treat a table of many sequences as one continuous series. */
  readonly group?: boolean;
  /** The target column when the header does not use a usual name (sequenceGrouping.ts). */
  readonly target?: string;
  /** The column naming each row's sequence, when the header does not use a usual name. */
  readonly groupColumn?: string;
}

export type PreparedForTraining = PreparedTrainingData & { readonly extras: ModelExtras };

/** A table of no rows (a header alone) cannot be trained on: refused at the header's line. */
export function assertHasDataRows(table: ParsedTable, source: string): void {
  if (table.rows > 0 || table.format === 'text') return;
  const names = table.columns.map((column) => column.name).join(', ');
  throw new DataError(`there are no data rows below the header (${names.length > 60 ? `${names.slice(0, 57)}…` : names})`, {
    code: 'empty',
    source,
    ...(table.headerLine !== undefined ? { line: table.headerLine } : {}),
    hint: 'Add the rows of values below the header, one row per line, or give the file that holds them.',
  });
}

export function overviewTable(table: ParsedTable, options: OverviewOptions = {}): TableOverview {
  const grouping = options.group === false ? undefined : detectSequenceGrouping(table, options.target, options.groupColumn);
  const base = {
    format: table.format,
    rows: table.rows,
    columns: table.columns.map((column) => ({
      name: column.name,
      type: column.type,
      missing: column.missing,
      ...(column.type === 'number' && isIndexLikeColumn(column) ? { indexLike: true } : {}),
    })),
    warnings: [...table.warnings],
  };
  if (table.format === 'text') return { ...base, kind: 'characters' };
  if (grouping !== undefined) return { ...base, kind: 'grouped', grouping };
  if (!table.columns.some((column) => column.type === 'number') && guessTextAndLabelColumns(table) !== undefined) return { ...base, kind: 'labelled-text' };
  return { ...base, kind: 'series' };
}

/** The topology the data decides, overriding the setting (recorded with source "argument"). */
export function topologyDecidedBy(overview: TableOverview): TopologyId | undefined {
  switch (overview.kind) {
    case 'characters':
      return 'many-to-many-synced';
    case 'labelled-text':
      return 'many-to-one';
    case 'grouped':
      return overview.grouping?.topology;
    case 'series':
      return undefined;
  }
}

function requestedColumns(columns: IntakeChoices['columns']): readonly string[] | undefined {
  return typeof columns === 'string' ? columns.split(',').map((name) => name.trim()) : columns;
}

/** Missing values in the chosen series columns that still need an answer (drop or interpolate), else undefined. */
export function unansweredMissingValues(table: ParsedTable, overview: TableOverview, choices: IntakeChoices, source: string): MissingValueReport | undefined {
  if (overview.kind !== 'series' || choices.missing !== undefined) return undefined;
  const indices = selectColumns(table, choices.columns, source).indices;
  const report = findMissingInTable(table, indices);
  return report.count > 0 ? report : undefined;
}

export function prepareForTraining(
  table: ParsedTable,
  overview: TableOverview,
  choices: IntakeChoices,
  settings: PreparationSettings,
  source: string,
  cancel?: CancelSignal,
): PreparedForTraining {
  const cancelOption = cancel !== undefined ? { cancel } : {};
  throwIfCancelled(cancel, source);
  switch (overview.kind) {
    case 'characters': {
      const prepared = prepareCharacterData(table, settings, source, cancel);
      return { ...prepared, extras: { training: { vocabulary: [...prepared.vocabulary] } } };
    }
    case 'labelled-text': {
      const requested = requestedColumns(choices.columns);
      const guessed = guessTextAndLabelColumns(table);
      const text = requested?.[0] ?? guessed?.text ?? '';
      const label = choices.target ?? requested?.[1] ?? guessed?.label ?? '';
      const prepared = prepareLabelledTextData(table, text, label, settings, source);
      return { ...prepared, extras: { training: { vocabulary: [...prepared.vocabulary], labels: [...prepared.labels] } } };
    }
    case 'grouped': {
      const grouping = overview.grouping as SequenceGrouping;
      const requested = requestedColumns(choices.columns);
      const inputColumns = requested === undefined ? undefined : selectColumns(table, requested, source).names;
      const prepared = prepareGroupedTrainingData({ table, grouping, settings, source, ...cancelOption, ...(inputColumns !== undefined ? { inputColumns } : {}) });
      return { ...prepared, extras: { normalization: normalizationJson(prepared.normalization) } };
    }
    case 'series': {
      const columns = selectColumns(table, choices.columns, source).names;
      if (columns.length === 0) {
        throw new DataError('there is no number column to train on', { code: 'no-numeric-column', source, hint: 'Select numbers, or a table with a column of numbers.' });
      }
      const prepared = prepareTrainingData({
        table,
        columns,
        settings,
        source,
        ...cancelOption,
        ...(choices.target !== undefined ? { target: choices.target } : {}),
        ...(choices.missing !== undefined ? { missing: choices.missing } : {}),
      });
      return { ...prepared, extras: { normalization: normalizationJson(prepared.normalization) } };
    }
  }
}
