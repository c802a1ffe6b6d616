/**
 * What in a feedback report looks like personal data, or like a page's markup or address, none of
 * which the API stores: a report carries a provider's name as a public page shows it, nothing else.
 * The rules err towards refusing: a false alarm costs a user one edit, a stored personnummer cannot
 * be taken back. They do not recognise people's names (a provider may be called "Annas Hemtjänst AB").
 */

export type PersonalDataKind = 'personnummer' | 'email' | 'phone' | 'url' | 'markup';

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** What was found, with its digits or its local part masked, to show the user where. */
  excerpt: string;
}

/** What each kind is called in the error message (Swedish first, then English). */
export const PERSONAL_DATA_LABELS: Record<PersonalDataKind, string> = {
  personnummer: 'ett personnummer eller samordningsnummer / a personal identity or co-ordination number',
  email: 'en e-postadress / an e-mail address',
  phone: 'ett telefonnummer / a phone number',
  url: 'en webbadress / a web address',
  markup: 'HTML-kod / HTML markup',
};

/**
 * YYMMDD or YYYYMMDD, then - + or space (or nothing), then four digits; not inside a longer number.
 * The date must be one: month 01-12, day 01-31, or 61-91 for a samordningsnummer (day + 60). An
 * organisationsnummer (its "month" is 20 or more) is not one, except a sole trader's, which is the
 * owner's personnummer and is refused like any other. The check digit is not required: a mistyped
 * personnummer is still someone's.
 */
const PERSONNUMMER = /(?<![\d])(?:(?:18|19|20)\d{2}|\d{2})(\d{2})(\d{2})[-+ ]?\d{4}(?![\d])/g;

const EMAIL =
  /[\p{L}\p{N}._%+-]+\s*(?:@|\(at\)|\[at\]|\{at\})\s*[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,}/giu;

/**
 * A Swedish number (0…, +46…, 0046…) or any international one (+…): at least 8 digits in all, in
 * groups separated by spaces, dashes or an area code in brackets. Every group after the first starts
 * with a separator or a bracket, so a long run of digits is read once (no backtracking blow-up).
 */
const PHONE =
  /(?<![\p{L}\p{N}])(?:\+|00)?(?:\(\d{1,4}\)|\d+)(?:[ -]?\(\d{1,4}\)[ -]?\d+|[ -]\d+){0,6}(?![\p{L}\p{N}])/gu;

const URL_LIKE =
  /\b[a-z][a-z0-9+.-]*:\/\/\S+|\bwww\.\S+|\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,}\/\S*/giu;

const MARKUP = /<\/?[a-z][^<>]*>?|<!--|<\?|<!\[CDATA\[|&#x?[0-9a-f]+;|&[a-z]+;/gi;

const mask = (text: string) => text.replace(/\d/g, '•');

function plausibleDate(month: string, day: string): boolean {
  const m = Number(month);
  const d = Number(day);
  return m >= 1 && m <= 12 && ((d >= 1 && d <= 31) || (d >= 61 && d <= 91));
}

function isPhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  const international = /^(\+|00)/.test(candidate);
  if (international) return digits.length >= 9 && digits.length <= 15;
  // A Swedish number starts with 0 (area code or mobile 07x) and has 8-10 digits.
  return /^\(?0[1-9]/.test(candidate) && digits.length >= 8 && digits.length <= 10;
}

/** The first thing in `text` that looks like personal data, markup or an address; null if none. */
export function findPersonalData(text: string): PersonalDataFinding | null {
  for (const match of text.matchAll(MARKUP)) return { kind: 'markup', excerpt: match[0].slice(0, 40) };
  for (const match of text.matchAll(EMAIL)) {
    const [local = '', domain = ''] = match[0].split(/@|\(at\)|\[at\]|\{at\}/i);
    return { kind: 'email', excerpt: `${local.trim().slice(0, 1)}…@${domain.trim()}` };
  }
  for (const match of text.matchAll(URL_LIKE)) return { kind: 'url', excerpt: match[0].slice(0, 60) };
  for (const match of text.matchAll(PERSONNUMMER)) {
    if (!plausibleDate(match[1]!, match[2]!)) continue;
    // Ten bare digits from 0 are a phone number as often as a personnummer of the 2000s: refused either way.
    const kind = /^0\d{9}$/.test(match[0]) && isPhone(match[0]) ? 'phone' : 'personnummer';
    return { kind, excerpt: mask(match[0]) };
  }
  for (const match of text.matchAll(PHONE)) {
    const candidate = match[0].trim();
    if (isPhone(candidate)) return { kind: 'phone', excerpt: mask(candidate) };
  }
  return null;
}

/** The error message for a field holding something of this kind. */
export function personalDataMessage(finding: PersonalDataFinding): string {
  return (
    `innehåller ${PERSONAL_DATA_LABELS[finding.kind]} (${finding.excerpt}). ` +
    'Skicka bara utförarens namn som sidan visar det, utan personuppgifter / ' +
    "send only the provider's name as the page shows it, without personal data"
  );
}
