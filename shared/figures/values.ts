import {
  collapseWhitespace,
  type Huvudman,
  type Parsed,
  parseHsaId,
  parseHuvudman,
  parseKoladaOu,
} from '../register/fields';
import { type FigureUnitKey, RIKET } from './types';

/** Checks of single values of the figures format; each gives the stored form or a plain-Swedish message. */

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

export type FigureHuvudman = Huvudman | { code: typeof RIKET; kind: 'riket'; name: 'Riket' };

/** A kommun or region code as in the register, or the country: `riket` (any case) or `00`. */
export function parseFigureHuvudman(value: string): Parsed<FigureHuvudman> {
  const text = value.trim();
  if (text.toLowerCase() === RIKET || text === '00') return ok({ code: RIKET, kind: 'riket', name: 'Riket' });
  const parsed = parseHuvudman(text);
  if (parsed.ok) return parsed;
  return fail(`${parsed.message}; för hela landet skriv riket`);
}

/**
 * A number, with a decimal comma or point: `85,3`, `85.3`, `-1`, `0,82`. No thousands separators, no
 * percent sign, no exponent: such values are what spreadsheets write when a cell is formatted for show.
 */
export function parseDecimal(value: string, column: string): Parsed<number> {
  const text = value.trim();
  if (/^[+-]?\d+(?:[.,]\d+)?$/.test(text)) return ok(Number(text.replace(',', '.')));
  if (/%\s*$/.test(text)) return fail(`'${value}' ska vara ett tal utan procenttecken, till exempel 85,3`);
  if (/^[+-]?\d{1,3}(?:[ \u00a0]\d{3})+(?:[.,]\d+)?$/.test(text)) {
    return fail(`'${value}' ska skrivas utan mellanslag mellan siffrorna`);
  }
  return fail(
    `'${value}' är inget tal; ${column} skrivs som ett tal med decimalkomma eller decimalpunkt, till exempel 85,3`,
  );
}

/** A whole number of respondents or cases, not negative; thousands may be grouped with spaces: `1 204`. */
export function parseCount(value: string): Parsed<number> {
  const text = value.trim();
  if (/^\d+$/.test(text) || /^\d{1,3}(?:[ \u00a0]\d{3})+$/.test(text))
    return ok(Number(text.replace(/\D/g, '')));
  if (/^\d+[.,]\d+$/.test(text)) return fail(`'${value}' ska vara ett heltal: antal svarande eller fall`);
  return fail(`'${value}' är inget antal; skriv ett heltal, till exempel 212`);
}

/**
 * `enhet`: an HSA id (`SE…-…`), a Kolada OU id (`V…E…`) or the register's own `id`, told apart by shape.
 * Something that starts like an HSA id or a Kolada id but is malformed is an error, not a register id.
 */
export function parseUnitKey(value: string): Parsed<FigureUnitKey> {
  const text = collapseWhitespace(value);
  if (/^se\d{6,}/i.test(text) || /^se\d+-/i.test(text)) {
    const hsa = parseHsaId(text);
    return hsa.ok ? ok({ kind: 'hsa', id: hsa.value }) : hsa;
  }
  if (/^v\d{2}e/i.test(text)) {
    const ou = parseKoladaOu(text);
    return ou.ok ? ok({ kind: 'kolada_ou', id: ou.value }) : ou;
  }
  return ok({ kind: 'register_id', id: text });
}

/** The source's name as shown beside the figure: some text with a letter in it. */
export function parseSourceName(value: string): Parsed<string> {
  const name = collapseWhitespace(value);
  return /\p{L}/u.test(name)
    ? ok(name)
    : fail(`'${value}' är inget källnamn; skriv källans namn, till exempel Nationell Patientenkät 2025`);
}
