// MathML Core elements built through the DOM (no HTML strings, no images): the lecture formulas in the header are
// real text that screen readers and copy-paste understand.
const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';

export type MathChild = Element | string;

export function math(tag: string, attributes: Readonly<Record<string, string>> = {}, ...children: readonly MathChild[]): Element {
  const element = document.createElementNS(MATHML_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return element;
}

export const mi = (text: string, normal = false): Element => math('mi', normal ? { mathvariant: 'normal' } : {}, text);
export const mo = (text: string): Element => math('mo', {}, text);
export const mn = (text: string): Element => math('mn', {}, text);
export const row = (...children: readonly MathChild[]): Element => math('mrow', {}, ...children);
export const frac = (numerator: Element, denominator: Element): Element => math('mfrac', {}, numerator, denominator);
export const sub = (base: Element, subscript: Element): Element => math('msub', {}, base, subscript);
export const sup = (base: Element, superscript: Element): Element => math('msup', {}, base, superscript);
export const underOver = (base: Element, under: Element, over?: Element): Element =>
  over === undefined ? math('munder', {}, base, under) : math('munderover', {}, base, under, over);

/** ∂a/∂b as a fraction. */
export function partial(numerator: Element, denominator: Element): Element {
  return frac(row(mo('∂'), numerator), row(mo('∂'), denominator));
}

/** A display block with an accessible text alternative. */
export function block(label: string, ...children: readonly MathChild[]): Element {
  return math('math', { display: 'block', 'aria-label': label }, row(...children));
}
