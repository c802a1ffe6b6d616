import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

export type Html = HtmlEscapedString;

/**
 * Hono's `html` template: every interpolated string is escaped, nested templates and arrays are not.
 * The pages never interpolate promises, so the result is a plain escaped string.
 */
export const h = html as (strings: TemplateStringsArray, ...values: unknown[]) => Html;

/** An HTML id from arbitrary text (an OU id, a unit id): letters, digits, - and _ only. */
export function idFor(...parts: string[]): string {
  return parts.join('-').replace(/[^A-Za-z0-9_-]/g, '_');
}
