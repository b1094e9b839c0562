// The toolbar: pick a topology to focus (or all five) and its step counts. Plain <select> and <input type=number>
// styled with --vscode-* variables in style.css. Values go through the same validator as the command argument, so
// the page never draws (or sends the host) a focus the host would reject; lengths a topology fixes are disabled.
import type { TopologyFocus, TopologyPanelStrings } from '../../src/protocol/topologyProtocol';
import { DEFAULT_STEPS, MAX_SEQUENCE_STEPS, TOPOLOGY_ORDER, parseTopologyFocus } from '../../src/protocol/topologyProtocol';
import type { TopologyId } from '../../src/engine/dataset';
import { html } from '../shared/dom';

const ALL = 'all';

/** Which step counts the user may set for a topology (the others follow from it). */
function editable(topology: TopologyId): { input: boolean; output: boolean } {
  switch (topology) {
    case 'one-to-one':
      return { input: false, output: false };
    case 'one-to-many':
      return { input: false, output: true };
    case 'many-to-one':
    case 'many-to-many-synced':
      return { input: true, output: false };
    case 'many-to-many-encoder-decoder':
      return { input: true, output: true };
  }
}

function stepField(id: string, label: string, value: number | null, enabled: boolean, fixedNote: string): HTMLElement {
  const input = html('input', {
    id,
    type: 'number',
    min: 1,
    max: MAX_SEQUENCE_STEPS,
    step: 1,
    inputmode: 'numeric',
    value: value ?? '',
    disabled: !enabled,
    'aria-describedby': enabled ? null : `${id}-fixed`,
  });
  const field = html('div', { class: 'field' }, html('label', { for: id }, label), input);
  if (!enabled && value !== null) field.append(html('span', { class: 'fixed-note', id: `${id}-fixed` }, fixedNote));
  return field;
}

export function buildToolbar(
  strings: TopologyPanelStrings,
  focus: TopologyFocus | null,
  onChange: (focus: TopologyFocus | null) => void,
): HTMLElement {
  const select = html(
    'select',
    { id: 'topology-select' },
    html('option', { value: ALL, selected: focus === null }, strings.allTopologies),
    ...TOPOLOGY_ORDER.map((id) => html('option', { value: id, selected: focus?.topology === id }, strings.topologies[id].name)),
  );
  const allowed = focus ? editable(focus.topology) : { input: false, output: false };
  const inputField = stepField('input-steps', strings.inputStepsLabel, focus?.inputLength ?? null, allowed.input, strings.fixedByTopology);
  const outputField = stepField('output-steps', strings.outputStepsLabel, focus?.outputLength ?? null, allowed.output, strings.fixedByTopology);

  select.addEventListener('change', () => {
    const value = select.value;
    const topology = TOPOLOGY_ORDER.find((id) => id === value);
    onChange(topology ? { topology, ...DEFAULT_STEPS[topology] } : null);
  });

  const onSteps = (event: Event): void => {
    if (!focus) return;
    const target = event.target as HTMLInputElement;
    const read = (id: string, fallback: number): number => {
      const element = inputField.querySelector<HTMLInputElement>(`#${id}`) ?? outputField.querySelector<HTMLInputElement>(`#${id}`);
      return element && !element.disabled ? Number(element.value) : fallback;
    };
    const candidate = {
      topology: focus.topology,
      inputLength: read('input-steps', focus.inputLength),
      outputLength: focus.topology === 'many-to-many-synced' ? undefined : read('output-steps', focus.outputLength),
    };
    const parsed = parseTopologyFocus(candidate);
    if (!parsed.ok) {
      target.setAttribute('aria-invalid', 'true');
      return;
    }
    target.removeAttribute('aria-invalid');
    onChange(parsed.value);
  };
  inputField.addEventListener('change', onSteps);
  outputField.addEventListener('change', onSteps);

  const fields: HTMLElement[] = [html('div', { class: 'field' }, html('label', { for: 'topology-select' }, strings.focusLabel), select)];
  if (focus) fields.push(inputField, outputField);
  return html('div', { class: 'toolbar', role: 'group', 'aria-label': strings.focusLabel }, ...fields);
}
