/**
 * Greedy word wrapping for plain-text snippets. A word longer than the width (a URL) stays whole on its own line.
 * @module
 */

/** Wraps `text` to `width` columns, every line starting with `indent`. */
export function wrapText(text: string, width: number, indent = ''): string[] {
  const out: string[] = [];
  let line = '';
  for (const w of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && indent.length + line.length + 1 + w.length > width) {
      out.push(indent + line);
      line = w;
    } else line = line === '' ? w : `${line} ${w}`;
  }
  if (line !== '') out.push(indent + line);
  return out;
}
