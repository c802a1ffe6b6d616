import { foldText } from '../domain/text';
import { problem, type RegisterProblem, shorten } from './problem';

/** Every column of the register format, required ones first. Header names are matched ignoring case. */
export const REGISTER_COLUMNS = [
  'huvudman',
  'tjanst',
  'namn',
  'regi',
  'verifierad',
  'id',
  'organisationsnummer',
  'alias',
  'omraden',
  'omfattning',
  'sprak',
  'tillaggstjanster',
  'tar_emot_nya',
  'hsa_id',
  'kolada_ou',
  'webbplats',
  'telefon',
  'adress',
  'status',
  'status_datum',
] as const;
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number];

export const REQUIRED_COLUMNS = [
  'huvudman',
  'tjanst',
  'namn',
  'regi',
  'verifierad',
] as const satisfies readonly RegisterColumn[];

/** Columns holding a list; in CSV the items are separated by LIST_SEPARATOR, in JSON they are arrays. */
export const LIST_COLUMNS = [
  'alias',
  'omraden',
  'omfattning',
  'sprak',
  'tillaggstjanster',
] as const satisfies readonly RegisterColumn[];
export type ListColumn = (typeof LIST_COLUMNS)[number];

export const LIST_SEPARATOR = '|';

export function isRegisterColumn(name: string): name is RegisterColumn {
  return (REGISTER_COLUMNS as readonly string[]).includes(name);
}

export function isListColumn(column: RegisterColumn): column is ListColumn {
  return (LIST_COLUMNS as readonly string[]).includes(column);
}

export function isRequiredColumn(column: RegisterColumn): boolean {
  return (REQUIRED_COLUMNS as readonly string[]).includes(column);
}

/** Spreadsheet column letter for a 0-based index: 0 -> A, 26 -> AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** Lower case, no accents, spaces and hyphens as underscores: "Tar emot nya" -> "tar_emot_nya". */
export function foldName(name: string): string {
  return foldText(name)
    .trim()
    .replace(/[\s-]+/g, '_');
}

/** The column the editor most likely meant, for a "Menade du …?" hint. */
export function suggestColumn(name: string): RegisterColumn | null {
  if (name.length > 40) return null;
  const folded = foldName(name);
  let best: { column: RegisterColumn; distance: number } | null = null;
  for (const column of REGISTER_COLUMNS) {
    const distance = editDistance(folded, column);
    if (distance <= Math.min(2, column.length - 2) && (best === null || distance < best.distance)) {
      best = { column, distance };
    }
  }
  return best?.column ?? null;
}

/** Levenshtein distance: the fewest one-letter insertions, deletions and substitutions from a to b. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

export interface HeaderCheck {
  /** The register column of each header cell, or null for a cell whose column is ignored or rejected. */
  columns: (RegisterColumn | null)[];
  /** Header cells that are empty: their column is ignored if it holds no values. */
  unnamed: number[];
  /** False when the first row is clearly not a header at all; rows are then not checked. */
  isHeader: boolean;
  problems: RegisterProblem[];
}

const ALLOWED = REGISTER_COLUMNS.join(', ');

/** Checks the header row: unknown, repeated and missing columns, each reported on the header line. */
export function checkHeader(cells: readonly string[], line: number): HeaderCheck {
  const columns: (RegisterColumn | null)[] = [];
  const unnamed: number[] = [];
  const problems: RegisterProblem[] = [];
  const seen = new Map<RegisterColumn, number>();
  const unknown: { cell: string; index: number }[] = [];

  cells.forEach((raw, index) => {
    const cell = raw.trim();
    const name = cell.toLowerCase();
    if (cell === '') {
      unnamed.push(index);
      columns.push(null);
    } else if (isRegisterColumn(name)) {
      const earlier = seen.get(name);
      if (earlier === undefined) {
        seen.set(name, index);
        columns.push(name);
      } else {
        problems.push(
          problem(
            line,
            name,
            `kolumnen ${name} finns två gånger i rubrikraden (kolumn ${columnLetter(earlier)} och ${columnLetter(index)}); ta bort den ena`,
            cell,
          ),
        );
        columns.push(null);
      }
    } else {
      unknown.push({ cell, index });
      columns.push(null);
    }
  });

  if (seen.size === 0 && cells.some((cell) => cell.trim() !== '')) {
    const found = cells
      .filter((cell) => cell.trim() !== '')
      .slice(0, 3)
      .map((cell) => `'${shorten(cell.trim())}'`)
      .join(', ');
    problems.push(
      problem(
        line,
        null,
        `första raden ska vara rubrikraden med kolumnernas namn (${REQUIRED_COLUMNS.join(', ')} …), men den innehåller ${found}`,
      ),
    );
    return { columns, unnamed, isHeader: false, problems };
  }

  for (const { cell, index } of unknown) {
    const suggestion = suggestColumn(cell);
    const hint = suggestion !== null && !seen.has(suggestion) ? ` Menade du '${suggestion}'?` : '';
    problems.push(
      problem(
        line,
        cell,
        `okänd kolumn '${shorten(cell)}' (kolumn ${columnLetter(index)}).${hint} Tillåtna kolumner: ${ALLOWED}`,
        cell,
      ),
    );
  }
  for (const column of REQUIRED_COLUMNS) {
    if (!seen.has(column)) {
      problems.push(problem(line, column, `kolumnen ${column} saknas i rubrikraden; den måste finnas`));
    }
  }
  return { columns, unnamed, isHeader: true, problems };
}
