/**
 * Display-independent form of a provider name: lower case, diacritics folded, punctuation and hyphens
 * as spaces, `&`/`+`/`o` as "och", legal forms (AB, HB, KB, aktiebolag, ekonomisk förening, ...)
 * removed. For comparison only: never show the result to anyone.
 */
export function normaliseName(text: string): string {
  return dropLegalForms(words(text)).join(' ');
}

/** The words of a text after folding, before legal forms are dropped. */
export function words(text: string): string[] {
  return fold(fold(text).toLowerCase())
    .replace(/[øæœßłđ]/g, (c) => FOLD_EXTRA[c] ?? c)
    .replace(/['’`´]/g, '')
    .replace(/[&+]/g, ' och ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => (w === 'o' ? 'och' : w));
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '');
}

const FOLD_EXTRA: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd' };

const LEGAL_WORDS = new Set(
  'ab hb kb publ ekfor aktiebolag aktiebolaget handelsbolag handelsbolaget kommanditbolag kommanditbolaget'.split(
    ' ',
  ),
);
/** Two-word legal forms, as "first second". */
const LEGAL_PAIRS = new Set(['ek for', 'ekonomisk forening', 'ekonomiska foreningen', 'enskild firma']);

/** Removes legal forms until none is left, so that the result is stable (normaliseName is idempotent). */
export function dropLegalForms(input: string[]): string[] {
  let tokens = input;
  for (;;) {
    const kept: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (LEGAL_WORDS.has(token)) continue;
      if (i + 1 < tokens.length && LEGAL_PAIRS.has(`${token} ${tokens[i + 1]}`)) {
        i++;
        continue;
      }
      kept.push(token);
    }
    if (kept.length === tokens.length) return kept;
    tokens = kept;
  }
}
