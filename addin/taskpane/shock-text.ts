/**
 * A shock as the pane writes it: percentage points, "+0.25%pt" (the engine's labels say "+0.25%").
 * @example shockText('+0.25%') // '+0.25%pt'
 * @example shockText('ramp +0.25%/6m→+2.00%') // 'ramp +0.25%pt/6m→+2.00%pt'
 */
export function shockText(label: string): string {
  return label.replace(/%(?!pt)/g, '%pt');
}
