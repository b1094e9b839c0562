// The panel's controls (issue 6): layer, gradient of the whole loss or of one loss term J_t, x axis (timestep k or
// lag t − k), how many sampled epochs the decay chart draws, and log/linear scales. Plain <select>s themed with
// --vscode-* variables in style.css; every change produces a whole new TrainingView. Actions on the whole run (the
// saved run's "Export as PyTorch script") sit at the toolbar's end.
import type { DecayAxis, DecayTerm, TrainingPanelStrings, TrainingView, ValueScale } from '../../src/protocol/trainingPanelProtocol';
import { formatTemplate } from '../../src/protocol/formatTemplate';
import { html } from '../shared/dom';

/** Choices for "epochs shown" (0 = all sampled epochs). */
const EPOCHS_SHOWN_CHOICES = [0, 2, 4, 8, 16] as const;

interface Choice<T extends string | number> {
  readonly value: T;
  readonly label: string;
}

function selectField<T extends string | number>(
  id: string,
  label: string,
  choices: readonly Choice<T>[],
  current: T,
  onPick: (value: T) => void,
  disabled = false,
): HTMLElement {
  const select = html(
    'select',
    { id, disabled },
    ...choices.map((choice) => html('option', { value: String(choice.value), selected: choice.value === current }, choice.label)),
  );
  select.addEventListener('change', () => {
    const picked = choices.find((choice) => String(choice.value) === select.value);
    if (picked !== undefined) onPick(picked.value);
  });
  return html('div', { class: 'field' }, html('label', { for: id }, label), select);
}

export function buildControls(
  strings: TrainingPanelStrings,
  view: TrainingView,
  layers: readonly number[],
  hasLossTerm: boolean,
  onChange: (view: TrainingView) => void,
  actions: readonly HTMLElement[] = [],
): HTMLElement {
  const layerChoices = (layers.length > 0 ? layers : [0]).map((layer) => ({ value: layer, label: formatTemplate('{0}', layer + 1) }));
  const scales: Choice<ValueScale>[] = [
    { value: 'log', label: strings.scaleLog },
    { value: 'linear', label: strings.scaleLinear },
  ];
  return html(
    'div',
    { class: 'toolbar', role: 'group', 'aria-label': strings.controlsLabel },
    selectField('control-layer', strings.layerLabel, layerChoices, view.layer, (layer) => onChange({ ...view, layer }), layerChoices.length <= 1),
    selectField<DecayTerm>(
      'control-term',
      strings.termLabel,
      [
        { value: 'lossTerm', label: strings.termLossTerm },
        { value: 'total', label: strings.termTotal },
      ],
      hasLossTerm ? view.term : 'total',
      (term) => onChange({ ...view, term }),
      !hasLossTerm,
    ),
    selectField<DecayAxis>(
      'control-axis',
      strings.axisLabel,
      [
        { value: 'timestep', label: strings.axisTimestep },
        { value: 'lag', label: strings.axisLag },
      ],
      view.axis,
      (axis) => onChange({ ...view, axis }),
    ),
    selectField(
      'control-epochs',
      strings.epochsShownLabel,
      EPOCHS_SHOWN_CHOICES.map((count) => ({ value: count, label: count === 0 ? strings.epochsAll : String(count) })),
      (EPOCHS_SHOWN_CHOICES as readonly number[]).includes(view.epochsShown) ? view.epochsShown : 0,
      (epochsShown) => onChange({ ...view, epochsShown }),
    ),
    selectField('control-decay-scale', strings.decayScaleLabel, scales, view.decayScale, (decayScale) => onChange({ ...view, decayScale })),
    selectField('control-loss-scale', strings.lossScaleLabel, scales, view.lossScale, (lossScale) => onChange({ ...view, lossScale })),
    ...(actions.length > 0 ? [html('div', { class: 'toolbar-actions' }, ...actions)] : []),
  );
}
