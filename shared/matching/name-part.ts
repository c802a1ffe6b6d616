import { MAX_ELEMENT_TEXT } from './limits';

/**
 * The name in a listing element's text: what comes before the element goes on to other things.
 * - the first line or cell that has letters (a card's heading, a table row's first cell: a bare tab
 *   or line break, or " | ", between them);
 * - before contact details: a phone number (7 digits or more, "+46" or a leading 0), "telefon",
 *   "tel", "tfn", "e-post", "mejl", an e-mail address, a web address, a street address or a postcode,
 *   opening hours ("öppet 8–17");
 * - before a description: the end of a sentence followed by a new one ("AB. Vi erbjuder..."), or a
 *   dash or colon followed by six words or more, or by a whole sentence.
 * Qualifiers stay ("Vionord – hemtjänst i centrum", "Almgården, Tollarp"): the matcher weighs them.
 * Pure, and linear in the length (no pattern here can backtrack over a long run), reading at most
 * MAX_ELEMENT_TEXT characters. A text that is only a name comes back as it was (trimmed).
 */
export function namePart(text: string): string {
  const head = text.length > MAX_ELEMENT_TEXT ? text.slice(0, MAX_ELEMENT_TEXT) : text;
  const cell = head.split(CELL).find((part) => LETTER.test(part)) ?? '';
  let name = cell.slice(0, Math.min(contactStart(cell), cell.includes('@') ? emailStart(cell) : cell.length));
  const sentenceEnd = sentenceBreak(name);
  if (sentenceEnd >= 0) name = name.slice(0, sentenceEnd);
  name = cutDescription(name, sentenceEnd >= 0);
  return trimEnd(name).trim();
}

const LETTER = /\p{L}/u;
/**
 * Between table cells and card lines as innerText writes them (bare tabs, bare line breaks between
 * words), and cells written out with bars. A break mixed with spaces or indentation is the source's
 * formatting inside one text ("Vivilu\n\t\themvård" from textContent), not a new cell.
 */
const CELL = /(?<=\S)(?:\t+|(?:\r?\n|[\u2028\u2029])+)(?=\S)|\s\|\s/u;
/** Contact details that start with a word: "telefon", "e-post", "www.", opening hours. */
const CONTACT_WORDS = new RegExp(
  [
    String.raw`(?<![\p{L}\p{N}])(?:telefon(?:nummer)?|tel|tfn|tlf|mobil|fax|e-?post|mejl|e-?mail|webbplats|hemsida|besöksadress|postadress|adress|öppettider)(?![\p{L}])`,
    // Opening hours: "öppet 8–17", "Öppet idag 08:00–17:00", "öppet vardagar".
    String.raw`(?<![\p{L}\p{N}])öppet[\s:]+(?:\p{N}|i\s?dag|nu|alla|vardagar|helgfria|mån|tis|ons|tor|fre|lör|sön)`,
    String.raw`(?<![\p{L}\p{N}])(?:https?://|www\.)`,
  ].join('|'),
  'iu',
);
/** Contact details with digits (only looked for in a text that has one). */
const CONTACT_NUMBERS = new RegExp(
  [
    // A phone number: +46 or a 0 that starts a number, then at least six more digits.
    String.raw`(?:\+\s?46|(?<![\p{L}\p{N}])0)(?:[\s\-–/()]{0,3}\p{N}){6,}`,
    // A street address, found by its ending ("Storgatan 12", "Kärnavägen 2B": the cut goes back to the
    // word's start); a postcode before a town ("702 10 Örebro"), "Box 300".
    String.raw`(?:gatan|gata|vägen|väg|gränd|gränden|torget|torg|backe|backen|allé|allén|stigen|leden|platsen|plan)\s+\p{N}`,
    String.raw`(?<![\p{L}\p{N}])(?:\p{N}{3}\s?\p{N}{2}\s+\p{Lu}|box\s+\p{N})`,
  ].join('|'),
  'iu',
);
const DIGIT = /\p{N}/u;
/** Abbreviations that end with a point inside a name: "Ek. för.", "S:t", "Dr.". */
const ABBREVIATIONS = new Set(['ek', 'för', 'st', 's:t', 'dr', 'nr', 'bl', 'ca', 'resp', 'mfl', 'tel']);
const SENTENCE_END = /[.!?]\s+(?=[\p{Lu}\p{N}])/gu;
const SEPARATOR = /\s[–—-]\s|:\s/gu;
const WORD_WITH_LETTERS = /\S*\p{L}\S*/gu;
const TRAILING = new Set([...' \t\n\r\u00a0,;:|–—-(/']);
const EMAIL_LOCAL = /[\p{L}\p{N}._%+-]/u;
const EMAIL_DOMAIN = /^[\p{L}\p{N}-]+\.[\p{L}\p{N}]/u;

function contactStart(text: string): number {
  const byWord = CONTACT_WORDS.exec(text);
  const byNumber = DIGIT.test(text) ? CONTACT_NUMBERS.exec(text) : null;
  const at = Math.min(byWord?.index ?? text.length, byNumber?.index ?? text.length);
  return wordStart(text, at);
}

/** Where an e-mail address starts: found from its "@", so that no pattern scans a long word twice. */
function emailStart(text: string): number {
  for (let at = text.indexOf('@'); at > 0; at = text.indexOf('@', at + 1)) {
    if (!EMAIL_DOMAIN.test(text.slice(at + 1, at + 64))) continue;
    let start = at;
    while (start > 0 && EMAIL_LOCAL.test(text[start - 1]!)) start--;
    if (start < at) return start;
  }
  return text.length;
}

/** Where the word that `at` is inside of starts (a cut inside "Storgatan" goes back to "S"). */
function wordStart(text: string, at: number): number {
  if (!LETTER.test(text[at] ?? '')) return at;
  let i = at;
  while (i > 0 && LETTER.test(text[i - 1]!)) i--;
  return i;
}

/** Where the first sentence ends, if another begins after it; -1 if not. */
function sentenceBreak(text: string): number {
  if (!/[.!?]/.test(text)) return -1;
  for (const found of text.matchAll(SENTENCE_END)) {
    const before = /[\p{L}\p{N}:]+$/u.exec(text.slice(Math.max(0, found.index - 8), found.index))?.[0] ?? '';
    if (before.length >= 2 && !ABBREVIATIONS.has(before.toLowerCase())) return found.index;
  }
  return -1;
}

/** "Lindra Hemtjänst – idéburen hemtjänst som drivs av medlemmarna sedan 1994" -> "Lindra Hemtjänst". */
function cutDescription(text: string, endsInSentence: boolean): string {
  if (!/[:–—-]/.test(text)) return text;
  const separators = [...text.matchAll(SEPARATOR)];
  if (separators.length === 0) return text;
  const wordStarts = [...text.matchAll(WORD_WITH_LETTERS)].map((w) => w.index);
  let next = 0;
  for (const [k, found] of separators.entries()) {
    const end = found.index + found[0].length;
    while (next < wordStarts.length && wordStarts[next]! < end) next++;
    const restWords = wordStarts.length - next;
    const isLast = k === separators.length - 1;
    if (restWords >= 6 || (endsInSentence && isLast && restWords >= 2)) return text.slice(0, found.index);
  }
  return text;
}

function trimEnd(text: string): string {
  let end = text.length;
  while (end > 0 && TRAILING.has(text[end - 1]!)) end--;
  return text.slice(0, end);
}
