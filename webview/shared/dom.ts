// Building DOM and SVG without HTML strings or inline styles (the CSP forbids 'unsafe-inline'): attributes are set
// with setAttribute, SVG presentation attributes (fill, stroke …) included; layout and fonts come from the CSS file.

const SVG_NS = 'http://www.w3.org/2000/svg';

export type Attributes = Readonly<Record<string, string | number | boolean | null | undefined>>;

function applyAttributes(element: Element, attributes: Attributes): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
}

/** An HTML element with attributes and children (strings become text nodes, never parsed as HTML). */
export function html<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: readonly (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  applyAttributes(element, attributes);
  element.append(...children);
  return element;
}

/** An SVG element with attributes and children. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: readonly (Node | string)[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag) as SVGElementTagNameMap[K];
  applyAttributes(element, attributes);
  element.append(...children);
  return element;
}

/** Rounds coordinates to 0.1 user units so the SVG source stays short. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
