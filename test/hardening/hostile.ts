import fc from 'fast-check';
import { findForbiddenCharacter } from '../../shared/register/cell-rules';

/** Strings that have broken other systems: injections, encodings, control characters, sizes. */
export const HOSTILE_STRINGS = [
  '=HYPERLINK("http://x","klicka")',
  "+cmd|' /C calc'!A0",
  '-2+3+cmd|calc',
  '@SUM(1+1)*cmd|calc',
  '\t=1+1',
  '\r=1+1',
  "'; DROP TABLE units;--",
  '" OR 1=1 --',
  "0581' OR '1'='1",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '{{constructor.constructor("return process")()}}',
  '__proto__',
  'constructor',
  '../../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%',
  '%zz',
  '%00',
  '\u0000',
  '\u202Eevil',
  '\uFEFF0581',
  ' 0581',
  '0581\n',
  'NaN',
  '-1',
  '1e309',
  '00000000000000000000001',
  'a'.repeat(5000),
  'ÅÄÖ åäö Ærø',
  '😀👩‍👩‍👧',
];

/**
 * The hostile strings a register name holds verbatim: none of the characters the register refuses
 * (control characters, text-direction overrides) nor white space it collapses (tab, line breaks), not
 * blank, within the name's 200 characters.
 */
export const STORABLE_HOSTILE_NAMES = HOSTILE_STRINGS.filter(
  (s) =>
    s.trim() &&
    s.length < 190 &&
    findForbiddenCharacter(s) === null &&
    ![...s].some((ch) => ch.charCodeAt(0) < 0x20),
);

/** Mostly random text of every kind, sometimes a known hostile string. */
export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
);

/** For a URL: percent-encoded, or (for strings that encode cleanly to themselves) raw. */
export function inUrl(text: string, raw: boolean): string {
  return raw && /^[\x21-\x7e]*$/.test(text) && !/[?#/]/.test(text) ? text : encodeURIComponent(text);
}

/** The outcome class of a response, for the tally: "2xx", "304", "4xx <code>", or "5xx!". */
export function outcome(status: number): string {
  if (status >= 500) return `${status}!`;
  return String(status);
}
