/**
 * One problem found in a register file, in Swedish plain language for the editor who made the file.
 * `line` is the line in the file where the row starts (the header is line 1); for the JSON form it is
 * the row's position in `rows`, counted from 1. `column` is the column (JSON key) the problem is in.
 */
export interface RegisterProblem {
  line: number | null;
  column: string | null;
  /** Spreadsheet only: the cell the value is in, "C7". */
  cell?: string;
  value?: string;
  message: string;
}

/** "rad 7, kolumn regi: 'privt' är inte ett tillåtet värde (egen_regi, privat, ideburen)" */
export function formatProblem(p: RegisterProblem): string {
  const column = p.column === null ? null : `kolumn ${p.column}${p.cell ? ` (cell ${p.cell})` : ''}`;
  const where = [p.line === null ? null : `rad ${p.line}`, column].filter((part) => part !== null).join(', ');
  return where === '' ? p.message : `${where}: ${p.message}`;
}

/** File-level problems first, then by line; problems on the same line keep the order they were found in. */
export function sortProblems(problems: readonly RegisterProblem[]): RegisterProblem[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => (a.problem.line ?? 0) - (b.problem.line ?? 0) || a.index - b.index)
    .map(({ problem }) => problem);
}

/** The longest value a problem repeats back; a longer one is cut with "…" (a 1 MB cell is not echoed). */
export const MAX_ECHOED_VALUE = 120;

/** A value as a problem may quote it: at most MAX_ECHOED_VALUE characters. */
export function shorten(value: string, max = MAX_ECHOED_VALUE): string {
  if (value.length <= max) return value;
  const cut = [...value.slice(0, max + 1)].slice(0, max - 1).join('');
  return `${cut}…`;
}

export function problem(line: number | null, column: string | null, message: string, value?: string) {
  const p: RegisterProblem = { line, column: column === null ? null : shorten(column), message };
  if (value !== undefined) p.value = shorten(value);
  return p;
}

/** How many problems a result lists; the rest are only counted (a rejected upload must not answer 20× its size). */
export const MAX_LISTED_PROBLEMS = 200;

/**
 * Problems as they are found, keeping only the first `limit` by line (file-level ones first) and
 * counting all. Memory stays bounded however many rows are bad. Used like an array: push, length.
 */
export class ProblemList {
  #items: RegisterProblem[] = [];
  #total = 0;

  constructor(readonly limit: number = MAX_LISTED_PROBLEMS) {}

  push(...problems: RegisterProblem[]): number {
    for (const p of problems) {
      this.#total++;
      this.#items.push(p);
      if (this.#items.length >= 2 * this.limit) this.#items = sortProblems(this.#items).slice(0, this.limit);
    }
    return this.#total;
  }

  /** Every problem found, listed or not. */
  get length(): number {
    return this.#total;
  }

  /** The first `limit` problems, file-level ones first, then by line. */
  listed(): RegisterProblem[] {
    return sortProblems(this.#items).slice(0, this.limit);
  }
}
