/**
 * A small element builder: text goes in through textContent only, never innerHTML, so a lender
 * named "<img onerror=…>" stays text (and the strict CSP never needs 'unsafe-inline').
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) e.setAttribute(name, value);
  for (const child of children) e.append(child);
  return e;
}
