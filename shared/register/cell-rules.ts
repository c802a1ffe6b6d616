import { isListColumn, LIST_SEPARATOR, type RegisterColumn } from './columns';
import { COLUMN_DEFINITIONS } from './definitions';

/**
 * Rules every value must pass before its own check runs, whatever the column: a bounded size (no
 * provider name is 200 characters; an over-long value could make later work, such as building the
 * name matcher, expensive) and no invisible characters that cannot be stored or shown faithfully.
 */

/**
 * Characters no register value may hold: C0 controls except tab, line feed and carriage return (which
 * count as white space), DEL and C1 controls, text-direction overrides and isolates (they make a name
 * display reversed), U+FFFD (a letter already destroyed by a wrong encoding), the noncharacters U+FDD0-U+FDEF,
 * U+FFFE and U+FFFF, and a surrogate without its pair. Without
 * the `u` flag, so that a lone surrogate is matched as one unit.
 */
const FORBIDDEN = new RegExp(
  [
    String.raw`[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFDD0-\uFDEF\uFFFD\uFFFE\uFFFF]`,
    String.raw`[\uD800-\uDBFF](?![\uDC00-\uDFFF])`,
    String.raw`(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]`,
  ].join('|'),
);

const NAMES: Record<number, string> = {
  0: 'NUL',
  27: 'ESC',
  127: 'DEL',
  133: 'NEL',
  8238: 'höger-till-vänster-åsidosättning',
};

/** "U+0000 (NUL, ett osynligt styrtecken)" */
export function describeCharacter(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const kind =
    code >= 0xd800 && code <= 0xdfff
      ? 'halva av ett teckenpar, trasig UTF-16'
      : (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)
        ? 'ett osynligt tecken som vänder textens riktning'
        : code === 0xfffd
          ? 'ersättningstecknet: en bokstav som förstördes av fel teckenkodning'
          : code >= 0xfffe || (code >= 0xfdd0 && code <= 0xfdef)
            ? 'inget tecken'
            : 'ett osynligt styrtecken';
  const name = NAMES[code];
  return `${hex} (${name ? `${name}, ` : ''}${kind})`;
}

/** The first forbidden character of a text: its 1-based position (in characters) and description. */
export function findForbiddenCharacter(text: string): { position: number; character: string } | null {
  const match = FORBIDDEN.exec(text);
  if (match === null) return null;
  return {
    position: [...text.slice(0, match.index)].length + 1,
    character: describeCharacter(match[0].charCodeAt(0)),
  };
}

/**
 * A value without the white space around it, keeping the two controls JavaScript counts as white
 * space (U+000B line tabulation, U+000C form feed): trimming them away would hide them from
 * {@link findForbiddenCharacter}, and a value that held one must be refused, not silently cleaned.
 */
export function trimValue(text: string): string {
  return text.replace(/^[^\S\v\f]+|[^\S\v\f]+$/g, '');
}

/** 1 516 (Swedish digit groups, with an ordinary space so that it reads the same everywhere). */
export function swedishNumber(n: number): string {
  return n.toLocaleString('sv-SE').replace(/\s/g, ' ');
}

/**
 * The problems of one raw value (a CSV cell, a JSON string or list) under the general rules, as
 * messages; empty when it passes. Lengths count characters (code points) of the trimmed value.
 */
export function checkCell(column: RegisterColumn, value: string | readonly string[]): string[] {
  const definition = COLUMN_DEFINITIONS[column];
  if (!isListColumn(column)) {
    const text = typeof value === 'string' ? value : value.join(LIST_SEPARATOR);
    const found = [
      ...lengthProblem(text.trim(), definition.maxLength, 'värdet '),
      ...characterProblem(text, 'värdet '),
    ];
    return found.slice(0, 1);
  }
  const items = (typeof value === 'string' ? value.split(LIST_SEPARATOR) : value)
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const maxItems = definition.maxItems ?? Number.POSITIVE_INFINITY;
  if (items.length > maxItems) {
    return [
      `${column} har ${swedishNumber(items.length)} värden; högst ${maxItems} tillåts. Är det rätt kolumn?`,
    ];
  }
  for (const [index, item] of items.entries()) {
    const where = `värde ${index + 1} `;
    // In CSV and XLSX "|" separates the items, so an item holding one could not be written back.
    if (typeof value !== 'string' && item.includes(LIST_SEPARATOR)) {
      return [
        `${where}innehåller ${LIST_SEPARATOR}, som skiljer värdena åt i en lista; dela upp det i två värden`,
      ];
    }
    const found = [...lengthProblem(item, definition.maxLength, where), ...characterProblem(item, where)];
    if (found.length > 0) return found.slice(0, 1);
  }
  return [];
}

function lengthProblem(text: string, max: number, where: string): string[] {
  if (text.length <= max) return [];
  const length = [...text].length;
  if (length <= max) return [];
  const per = where.startsWith('värde ') ? ' per värde' : '';
  return [`${where}är ${swedishNumber(length)} tecken långt; högst ${max} tecken tillåts${per}`];
}

function characterProblem(text: string, where: string): string[] {
  const found = findForbiddenCharacter(text);
  if (found === null) return [];
  return [
    `${where}innehåller ${found.character} vid tecken ${found.position}; sådana tecken får inte finnas i registret, ta bort det`,
  ];
}
