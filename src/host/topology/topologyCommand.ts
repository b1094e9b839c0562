// Wires "RNN Lab: Show Lecture Topologies": the command (optional argument { topology, inputLength, outputLength },
// validated, a bad one answered with a localised error instead of a crash) and the serializer that restores the
// panel after a window reload.
import * as vscode from 'vscode';
import type { TopologyFocus } from '../../protocol/topologyProtocol';
import { MAX_SEQUENCE_STEPS, TOPOLOGY_ORDER, parseTopologyFocus } from '../../protocol/topologyProtocol';
import type { ValidationIssue } from '../../protocol/validation';
import { describeIssue, isRecord } from '../../protocol/validation';
import type { TopologyRenderReport } from './topologyPanel';
import { TopologyPanel, TopologyPanelSerializer } from './topologyPanel';

export const SHOW_TOPOLOGIES_COMMAND = 'rnnLab.showTopologies';

/** The command's result: the render report, or (bad argument) no diagrams and the message the user saw. */
export type ShowTopologiesResult = TopologyRenderReport | { readonly rendered: readonly []; readonly error: string };

export function registerTopologyPanel(extensionUri: vscode.Uri, log: vscode.LogOutputChannel): vscode.Disposable {
  const showTopologies = async (argument?: unknown): Promise<ShowTopologiesResult> => {
    let focus: TopologyFocus | null = null;
    if (argument !== undefined && argument !== null) {
      const parsed = parseTopologyFocus(argument);
      if (!parsed.ok) {
        const message = vscode.l10n.t('Show Lecture Topologies: invalid argument. {0}', localiseIssue(parsed.issue, argument));
        log.warn(`[topology panel] rejected command argument: ${describeIssue(parsed.issue)}`);
        void vscode.window.showErrorMessage(message);
        return { rendered: [], error: message };
      }
      focus = parsed.value;
    }
    return TopologyPanel.createOrShow(extensionUri, focus, log);
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand(SHOW_TOPOLOGIES_COMMAND, showTopologies),
    vscode.window.registerWebviewPanelSerializer(TopologyPanel.viewType, new TopologyPanelSerializer(extensionUri, log)),
  );
}

/** The user-facing sentence for a rejected argument: which field, what it must be, what came. */
function localiseIssue(issue: ValidationIssue, argument: unknown): string {
  const topologies = TOPOLOGY_ORDER.join(', ');
  switch (issue.kind) {
    case 'notObject':
      return vscode.l10n.t(
        'Expected an object such as {"topology": "many-to-one", "inputLength": 20}; received {0}.',
        issue.received,
      );
    case 'missing':
      return vscode.l10n.t('The field "{0}" is missing; use one of: {1}.', issue.path, topologies);
    case 'conflict': {
      const topology = isRecord(argument) ? String(argument.topology) : '';
      if (topology === 'many-to-many-synced') {
        const inputLength = isRecord(argument) ? String(argument.inputLength) : '';
        return vscode.l10n.t(
          'The field "outputLength" must equal "inputLength" ({0}) for many-to-many-synced; received {1}.',
          inputLength,
          issue.received,
        );
      }
      return issue.path === 'inputLength'
        ? vscode.l10n.t('The field "inputLength" must be 1 for {0}, which takes a single input; received {1}.', topology, issue.received)
        : vscode.l10n.t('The field "outputLength" must be 1 for {0}, which gives a single output; received {1}.', topology, issue.received);
    }
    case 'notInEnum':
    case 'unknownType':
      return vscode.l10n.t('The field "{0}" must be one of: {1}; received {2}.', issue.path, topologies, issue.received);
    case 'wrongType':
    case 'notInteger':
    case 'outOfRange':
      return issue.path === 'topology'
        ? vscode.l10n.t('The field "{0}" must be one of: {1}; received {2}.', issue.path, topologies, issue.received)
        : vscode.l10n.t('The field "{0}" must be a whole number from 1 to {1}; received {2}.', issue.path, MAX_SEQUENCE_STEPS, issue.received);
  }
}
