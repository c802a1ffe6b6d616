import type { HuvudmanKind } from '../domain/huvudman';
import kommuner from '../reference/kommuner.json';
import regioner from '../reference/regioner.json';
import { foldName } from './columns';
import {
  HSA_ID,
  HSA_ID_MAX_LENGTH,
  HUVUDMAN_AS_WRITTEN,
  ISO_DATE,
  KOLADA_OU,
  ORGANISATIONSNUMMER,
} from './patterns';

/**
 * Checks of single values. Each returns the value in its stored form, or a message in plain Swedish
 * that names the value and says what is allowed.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

/** Case, accents, spaces and hyphens are ignored: "Egen regi", "Särskilt boende", "idéburen". */
export function parseEnum<T extends string>(value: string, allowed: readonly T[]): Parsed<T> {
  const folded = foldName(value);
  const match = allowed.find((candidate) => candidate === folded);
  return match ? ok(match) : fail(`'${value}' är inte ett tillåtet värde (${allowed.join(', ')})`);
}

export interface Huvudman {
  code: string;
  kind: HuvudmanKind;
  name: string;
}

const HUVUDMAN = new Map<string, Huvudman>([
  ...kommuner.map((k): [string, Huvudman] => [k.code, { code: k.code, kind: 'kommun', name: k.name }]),
  ...regioner.map((r): [string, Huvudman] => [r.code, { code: r.code, kind: 'region', name: r.name }]),
]);

/**
 * A kommunkod (4 digits) or länskod (2 digits) that exists. A code that lost its leading zero in a
 * spreadsheet ("581", "5") is read with the zero put back: no other code can be meant.
 */
export function parseHuvudman(value: string): Parsed<Huvudman> {
  if (!HUVUDMAN_AS_WRITTEN.test(value)) {
    return fail(
      `'${value}' är ingen kommunkod eller länskod: skriv kommunkoden med fyra siffror (till exempel 0581 för Norrköping) eller regionens länskod med två siffror (till exempel 05 för Region Östergötland)`,
    );
  }
  const code = value.length === 1 || value.length === 3 ? `0${value}` : value;
  const found = HUVUDMAN.get(code);
  if (found) return ok(found);
  return code.length === 4
    ? fail(
        `'${value}' är ingen kommunkod som finns; kommunkoder har fyra siffror, till exempel 0581 för Norrköping`,
      )
    : fail(`'${value}' är ingen länskod som hör till en region; till exempel 05 är Region Östergötland`);
}

/** YYYY-MM-DD, a date that exists, not after `today`. */
export function parseDate(value: string, today: string, what: string): Parsed<string> {
  const match = ISO_DATE.exec(value);
  if (!match) {
    const excelHint = /^\d{5}$/.test(value)
      ? ' (kalkylprogrammet har troligen gjort om datumet till ett tal)'
      : '';
    return fail(`'${value}' ska skrivas som ÅÅÅÅ-MM-DD, till exempel 2026-03-05${excelHint}`);
  }
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return fail(`'${value}' är inget datum som finns`);
  }
  if (value > today) return fail(`'${value}' ligger i framtiden (i dag är det ${today}); ${what}`);
  return ok(value);
}

/** NNNNNN-NNNN with a valid Luhn check digit; ten digits without hyphen are accepted and get one. */
export function parseOrganisationsnummer(value: string): Parsed<string> {
  const match = ORGANISATIONSNUMMER.exec(value);
  if (!match) return fail(`'${value}' ska skrivas som NNNNNN-NNNN (sex siffror, bindestreck, fyra siffror)`);
  const digits = `${match[1]}${match[2]}`;
  if (!luhnValid(digits)) {
    return fail(`'${value}' har fel kontrollsiffra (sista siffran); kontrollera organisationsnumret`);
  }
  return ok(`${match[1]}-${match[2]}`);
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[i]) * (i % 2 === digits.length % 2 ? 2 : 1);
    if (n > 9) n -= 9;
    sum += n;
  }
  return sum % 10 === 0;
}

/** HSA id: "SE", the issuer's organisation number, "-", then letters and digits (at most 31 characters). */
export function parseHsaId(value: string): Parsed<string> {
  const upper = value.toUpperCase();
  return HSA_ID.test(upper) && upper.length <= HSA_ID_MAX_LENGTH
    ? ok(upper)
    : fail(`'${value}' har inte formen för ett HSA-id, till exempel SE2321000131-E000000008388`);
}

/** Kolada's id of an organisational unit, e.g. V15E058100101. */
export function parseKoladaOu(value: string): Parsed<string> {
  const upper = value.toUpperCase();
  return KOLADA_OU.test(upper)
    ? ok(upper)
    : fail(`'${value}' har inte formen för Koladas id för en enhet, till exempel V15E058100101`);
}

export function parseWebsite(value: string): Parsed<string> {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    url = null;
  }
  if (url && (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.')) {
    return ok(value);
  }
  return fail(
    `'${value}' är ingen fullständig webbadress; den ska börja med https:// (eller http://), till exempel https://www.exempel.se`,
  );
}

export function parsePhone(value: string): Parsed<string> {
  const digits = value.replace(/\D/g, '').length;
  return /^\+?[0-9 ()/-]+$/.test(value) && digits >= 5 && digits <= 15
    ? ok(value.replace(/\s+/g, ' '))
    : fail(
        `'${value}' ser inte ut som ett telefonnummer; skriv siffror med mellanslag eller bindestreck, till exempel 011-15 00 00 eller +46 11 15 00 00`,
      );
}

/** A name must say something: after dropping punctuation there must be a letter or digit left. */
export function parseName(value: string): Parsed<string> {
  const name = collapseWhitespace(value);
  return /[\p{L}\p{N}]/u.test(name)
    ? ok(name)
    : fail(`'${value}' är inget namn; namnet måste innehålla bokstäver`);
}

export function collapseWhitespace(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** Line breaks inside an address cell become ", ": "Storgatan 1\n602 22 Norrköping". */
export function parseAddress(value: string): string {
  return value
    .split(/\s*\n\s*/)
    .map(collapseWhitespace)
    .filter((part) => part !== '')
    .join(', ');
}
