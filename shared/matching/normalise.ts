import { foldText } from '../domain/text';

/**
 * The form two provider names are compared in: lower case, diacritics folded (å/ä/ö as a/a/o, so
 * Habo and Håbo are the same word here), punctuation and hyphens as spaces, `&`/`+`/`o` as "och",
 * legal forms (AB, HB, KB, aktiebolag, ekonomisk förening, ...) removed. For comparison only: never
 * show it or store it as a key (the register's storage key is shared/register's own).
 */
export function comparisonForm(text: string): string {
  return dropLegalForms(words(text)).join(' ');
}

/** The words of a text after folding, before legal forms are dropped. */
export function words(text: string): string[] {
  const folded = fold(text).replace(/[&+]/g, ' och ');
  const parts = /[\u0080-\uffff]/.test(folded) ? folded.split(NOT_WORD) : folded.split(NOT_ASCII_WORD);
  const out: string[] = [];
  for (const part of parts) if (part) out.push(part === 'o' ? 'och' : part);
  return out;
}

const NOT_ASCII_WORD = /[^a-z0-9]+/;
const NOT_WORD = /[^\p{L}\p{N}]+/u;

/** Lower case, diacritics and apostrophes removed: "Vårdcentralen Östra" -> "vardcentralen ostra". */
function fold(text: string): string {
  const lower = text.toLowerCase().replace(/['’`´]/g, ''); // "Camilla's" is one word
  if (!/[\u0080-\uffff]/.test(lower)) return lower; // plain ASCII needs no Unicode decomposition
  return foldText(lower);
}

const LEGAL_WORDS = new Set(
  'ab hb kb publ ekfor aktiebolag aktiebolaget handelsbolag handelsbolaget kommanditbolag kommanditbolaget'.split(
    ' ',
  ),
);
/** Two-word legal forms: first word -> second word. */
const LEGAL_PAIRS = new Map([
  ['ek', 'for'],
  ['ekonomisk', 'forening'],
  ['ekonomiska', 'foreningen'],
  ['enskild', 'firma'],
]);

/**
 * Removes legal forms until none is left, so that the result is stable (comparisonForm is
 * idempotent). One pass with a stack: a pair whose halves meet only once the words between them are
 * removed ("ek ek för för") goes too, in time linear in the number of words.
 */
export function dropLegalForms(input: readonly string[]): string[] {
  const kept: string[] = [];
  for (const token of input) {
    if (LEGAL_WORDS.has(token)) continue;
    const last = kept[kept.length - 1];
    if (last !== undefined && LEGAL_PAIRS.get(last) === token) {
      kept.pop();
      continue;
    }
    kept.push(token);
  }
  return kept;
}
