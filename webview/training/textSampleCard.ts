// Chart 6 for character models (issue 6): the "Text sample" card — a temperature slider (0.1 … 2, value shown), an
// optional prime text, the number of characters, a "Sample" button, and the sampled text in a <pre>. The host owns
// the state (availability, busy, last request, sample or error) and sends it; the page only shows it and posts
// `sampleText`. The controls are built once per set of strings, so a state update never steals the user's focus.
import { formatTemplate } from '../../src/protocol/formatTemplate';
import type {
  SampleTextMessage,
  TextSampleShownMessage,
  TextSampleErrorMessage,
  TextSampleMessage,
  TextSampleStateMessage,
  TextSampleStrings,
} from '../../src/protocol/textSampleProtocol';
import {
  PANEL_MAX_SAMPLE_LENGTH,
  PANEL_MAX_TEMPERATURE,
  PANEL_MIN_TEMPERATURE,
  PANEL_TEMPERATURE_STEP,
  MAX_PRIME_LENGTH,
} from '../../src/protocol/textSampleProtocol';
import { html } from '../shared/dom';

interface CardControls {
  readonly strings: TextSampleStrings;
  readonly temperature: HTMLInputElement;
  readonly temperatureValue: HTMLOutputElement;
  readonly prime: HTMLInputElement;
  readonly length: HTMLInputElement;
  readonly button: HTMLButtonElement;
  readonly status: HTMLElement;
  readonly output: HTMLPreElement;
  readonly caption: HTMLElement;
  readonly skipped: HTMLElement;
  readonly error: HTMLElement;
}

/** One decimal, as the slider steps (0.1). */
function temperatureText(value: number): string {
  return value.toFixed(1);
}

export class TextSampleCard {
  /** The card's section; hidden until the host says the run is a character model. */
  readonly element: HTMLElement = html('section', { class: 'card card-wide text-sample-card', 'data-card': 'textSample', 'aria-labelledby': 'title-textSample', hidden: true });
  private controls: CardControls | undefined;
  private state: TextSampleStateMessage | undefined;

  constructor(private readonly send: (message: SampleTextMessage | TextSampleShownMessage) => void) {}

  /** The page shows another run: forget the card until the host describes it. */
  reset(): void {
    this.state = undefined;
    this.controls = undefined;
    this.element.hidden = true;
    this.element.replaceChildren();
  }

  onState(message: TextSampleStateMessage): void {
    const first = this.state === undefined;
    this.state = message;
    if (this.controls?.strings !== message.strings) this.build(message.strings);
    const controls = this.controls!;
    if (first) {
      controls.temperature.value = String(message.request.temperature);
      controls.temperatureValue.value = temperatureText(message.request.temperature);
      controls.prime.value = message.request.prime;
      controls.length.value = String(message.request.length);
    }
    const ready = message.availability === 'ready';
    for (const input of [controls.temperature, controls.prime, controls.length]) input.disabled = !ready;
    controls.button.disabled = !ready || message.busy;
    controls.status.textContent =
      message.availability === 'waiting' ? message.strings.waiting : message.availability === 'noModel' ? message.strings.noModel : message.busy ? message.strings.sampling : '';
    this.element.setAttribute('aria-busy', message.busy ? 'true' : 'false');
    if (message.busy) controls.error.textContent = '';
    this.element.hidden = false;
  }

  onSample(message: TextSampleMessage): void {
    const controls = this.controls;
    if (controls === undefined) return;
    const { strings } = controls;
    controls.output.textContent = message.text;
    controls.output.classList.remove('empty');
    controls.caption.textContent = formatTemplate(strings.resultCaption, Array.from(message.text).length, temperatureText(message.temperature), message.seed, Math.round(message.elapsedMs));
    controls.skipped.textContent = message.skippedPrimeCharacters.length > 0 ? formatTemplate(strings.skippedNote, message.skippedPrimeCharacters.map((c) => JSON.stringify(c)).join(' ')) : '';
    controls.error.textContent = '';
    this.send({ type: 'textSampleShown', seed: message.seed, characters: Array.from(controls.output.textContent ?? '').length });
  }

  onError(message: TextSampleErrorMessage): void {
    if (this.controls !== undefined) this.controls.error.textContent = message.message;
  }

  private build(strings: TextSampleStrings): void {
    const temperature = html('input', {
      id: 'sample-temperature',
      type: 'range',
      min: PANEL_MIN_TEMPERATURE,
      max: PANEL_MAX_TEMPERATURE,
      step: PANEL_TEMPERATURE_STEP,
      'aria-describedby': 'sample-temperature-hint',
    });
    const temperatureValue = html('output', { id: 'sample-temperature-value', for: 'sample-temperature', class: 'temperature-value' });
    temperature.addEventListener('input', () => {
      temperatureValue.value = temperatureText(Number(temperature.value));
    });
    const prime = html('input', { id: 'sample-prime', type: 'text', maxlength: MAX_PRIME_LENGTH, placeholder: strings.primePlaceholder, spellcheck: false });
    const length = html('input', { id: 'sample-length', type: 'number', min: 1, max: PANEL_MAX_SAMPLE_LENGTH, step: 1 });
    const button = html('button', { type: 'button', class: 'primary-button sample-button' }, strings.sampleButton);
    button.addEventListener('click', () => this.submit());
    prime.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !button.disabled) this.submit();
    });
    const status = html('p', { class: 'sample-status muted', role: 'status' });
    const output = html('pre', { class: 'sample-text empty', tabindex: 0, 'aria-label': strings.resultLabel }, strings.empty);
    const caption = html('p', { class: 'sample-caption muted small' });
    const skipped = html('p', { class: 'sample-skipped muted small' });
    const error = html('p', { class: 'sample-error', role: 'alert' });
    const field = (id: string, label: string, ...content: HTMLElement[]): HTMLElement =>
      html('div', { class: 'field' }, html('label', { for: id }, label), ...content);
    this.element.replaceChildren(
      html('header', { class: 'card-header' }, html('h2', { id: 'title-textSample' }, strings.title)),
      html('p', { class: 'chart-subtitle' }, strings.intro),
      html(
        'div',
        { class: 'sample-controls', role: 'group', 'aria-label': strings.title },
        field('sample-temperature', strings.temperatureLabel, html('div', { class: 'temperature-row' }, temperature, temperatureValue), html('span', { id: 'sample-temperature-hint', class: 'muted small' }, strings.temperatureHint)),
        field('sample-prime', strings.primeLabel, prime),
        field('sample-length', strings.lengthLabel, length),
        html('div', { class: 'field field-button' }, button),
      ),
      status,
      error,
      output,
      caption,
      skipped,
    );
    this.controls = { strings, temperature, temperatureValue, prime, length, button, status, output, caption, skipped, error };
    if (this.state !== undefined) {
      temperature.value = String(this.state.request.temperature);
      temperatureValue.value = temperatureText(this.state.request.temperature);
      prime.value = this.state.request.prime;
      length.value = String(this.state.request.length);
    }
  }

  /** Reads the controls (clamped to what the host accepts) and asks the host for a sample. */
  private submit(): void {
    const controls = this.controls;
    if (controls === undefined || controls.button.disabled) return;
    const rawTemperature = Number(controls.temperature.value);
    const temperature = Math.min(PANEL_MAX_TEMPERATURE, Math.max(PANEL_MIN_TEMPERATURE, Math.round(rawTemperature * 10) / 10));
    const rawLength = Math.round(Number(controls.length.value));
    const length = Number.isFinite(rawLength) ? Math.min(PANEL_MAX_SAMPLE_LENGTH, Math.max(1, rawLength)) : 1;
    controls.length.value = String(length);
    this.send({ type: 'sampleText', temperature, prime: controls.prime.value.slice(0, MAX_PRIME_LENGTH), length });
  }
}
