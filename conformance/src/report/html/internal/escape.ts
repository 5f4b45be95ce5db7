/**
 * HTML/SVG text escaping.
 * @internal
 * @module
 */

/** Escapes `&`, `<`, `>`, `"` and `'` for element text and attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
