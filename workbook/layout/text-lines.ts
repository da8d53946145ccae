import { displayWidth } from './display-width';

/**
 * A long sentence cut into lines of at most `width` display units, for sheets that write a
 * paragraph one line per row (a spilling cell is never wider than its page). Lines break after
 * Japanese punctuation, a space or a slash where one is near the end, else at the width.
 */
export function textLines(text: string, width: number): string[] {
  const lines: string[] = [];
  // A bilingual text (「…。/ The …」) starts its English on a new line.
  for (const paragraph of text.split(/(?<=。)\s*\/\s+/)) {
    let rest = paragraph;
    while (displayWidth(rest) > width) {
      const chars = [...rest];
      let used = 0;
      let cut = 0;
      let soft = -1;
      for (; cut < chars.length; cut++) {
        const w = displayWidth(chars[cut]);
        if (used + w > width) break;
        used += w;
        if ('、。，．）) '.includes(chars[cut])) soft = cut + 1;
      }
      const at = soft > cut / 2 ? soft : cut;
      lines.push(chars.slice(0, at).join('').trimEnd());
      rest = chars.slice(at).join('').trimStart();
    }
    if (rest) lines.push(rest);
  }
  return lines;
}
