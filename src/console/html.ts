/**
 * HTML that is safe to send: built only by {@link html} (which escapes every value put into it) or
 * by {@link raw} (for markup the code itself wrote, never for anything a person typed).
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for an element's content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A value a template may hold: text and numbers are escaped, `SafeHtml` kept, lists joined, nothing left out. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false || value === true) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/**
 * The console's only way to write markup: `html\`<td>${unit.name}</td>\`` escapes the name, so
 * nothing typed in chat (a unit's name, a note) can become markup. `false`, `null` and `undefined`
 * render as nothing, so `${cond && html\`…\`}` works.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Markup written by our own code (an SVG built from numbers, say); never for what a person typed. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
