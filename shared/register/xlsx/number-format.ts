/**
 * A number cell as the spreadsheet shows it, for the formats a register meets: dates (written as
 * YYYY-MM-DD whatever the display order), zero-padded digit patterns such as 000000-0000 or
 * 0000000000 (an organisationsnummer or phone number typed as a number keeps its digits and leading
 * zeros), fixed decimals, text (@) and General (all digits, never 5.56E+09). Other formats (percent,
 * fractions, currency, thousands separators) fall back to General.
 */
export type CellFormat =
  | { kind: 'general' }
  | { kind: 'date'; date: boolean; time: boolean; seconds: boolean }
  | { kind: 'digits'; pattern: string }
  | { kind: 'fixed'; decimals: number };

const GENERAL: CellFormat = { kind: 'general' };

/** Excel's built-in formats by id (those that matter here); the rest are General. */
const BUILT_IN: Record<number, string> = {
  1: '0',
  2: '0.00',
  14: 'yyyy-mm-dd',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'yyyy-mm-dd h:mm',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mm:ss.0',
  49: '@',
};
/** Ids that East Asian and other locales use for dates. */
const LOCALE_DATE_IDS = new Set([27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

export function cellFormat(id: number, code: string | undefined): CellFormat {
  if (LOCALE_DATE_IDS.has(id)) return { kind: 'date', date: true, time: false, seconds: false };
  return classify(code ?? BUILT_IN[id] ?? 'General');
}

function classify(code: string): CellFormat {
  const section = firstSection(code);
  // Literal text ("…", \x) and [colour]/[locale] tags say nothing about the kind; [h] [m] [s] do.
  const bare = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, '$1')
    .replace(/\[[^\]]*\]/g, '');
  if (/general/i.test(bare) || bare.includes('@')) return GENERAL;
  const date = /[yd]/i.test(bare) || /m/i.test(bare.replace(/[hs][^a-z]*m+|m+[^a-z]*s/gi, ''));
  const time = /[hs]/i.test(bare);
  if (date || time) return { kind: 'date', date, time, seconds: /s/i.test(bare) };
  if (/[%Ee/]/.test(bare) || !/[0#?]/.test(bare)) return GENERAL;
  const decimals = /\.([0#?]*)/.exec(bare);
  if (decimals) return { kind: 'fixed', decimals: decimals[1]!.replace(/[#?]/g, '').length };
  if (bare.includes(',')) return GENERAL; // thousands separators: digits only, as General
  return { kind: 'digits', pattern: section.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1') };
}

function firstSection(code: string): string {
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    if (code[i] === '"') quoted = !quoted;
    else if (code[i] === '\\') i++;
    else if (code[i] === ';' && !quoted) return code.slice(0, i);
  }
  return code;
}

export function formatNumber(value: number, format: CellFormat, date1904: boolean): string {
  switch (format.kind) {
    case 'date':
      return formatDate(value, format, date1904);
    case 'fixed':
      return value.toFixed(Math.min(format.decimals, 20));
    case 'digits':
      return formatDigits(value, format.pattern);
    default:
      return general(value);
  }
}

/** All digits of an integer; up to 15 significant digits otherwise, as a spreadsheet stores them. */
export function general(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  return String(Number(value.toPrecision(15)));
}

/** Digits into the pattern's placeholders from the right; digits left over go before the leftmost one. */
function formatDigits(value: number, pattern: string): string {
  const digits = String(Math.round(Math.abs(value)));
  if (digits.includes('e')) return general(value);
  const chars = [...pattern];
  const slots = chars.flatMap((char, i) => (char === '0' || char === '#' || char === '?' ? [i] : []));
  let next = digits.length - 1;
  for (let k = slots.length - 1; k >= 0; k--) {
    const i = slots[k]!;
    const placeholder = chars[i];
    if (next < 0) chars[i] = placeholder === '0' ? '0' : placeholder === '?' ? ' ' : '';
    else if (k === 0) [chars[i], next] = [digits.slice(0, next + 1), -1];
    else chars[i] = digits[next--]!;
  }
  return (value < 0 ? '-' : '') + chars.join('');
}

const DAY = 86_400_000;

function formatDate(
  serial: number,
  format: { date: boolean; time: boolean; seconds: boolean },
  date1904: boolean,
) {
  // Excel's 1900 system counts a 29 February 1900 that never was: serials from 61 on are one day ahead.
  const epoch = date1904
    ? Date.UTC(1904, 0, 1)
    : serial < 61
      ? Date.UTC(1899, 11, 31)
      : Date.UTC(1899, 11, 30);
  const seconds = Math.round((serial - Math.floor(serial)) * 86_400);
  const date = new Date(epoch + Math.floor(serial) * DAY + seconds * 1000);
  const iso = date.toISOString();
  const day = iso.slice(0, 10);
  const time = format.seconds ? iso.slice(11, 19) : iso.slice(11, 16);
  if (format.date && format.time) return `${day} ${time}`;
  return format.date ? day : time;
}
