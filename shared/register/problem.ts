/**
 * One problem found in a register file, in Swedish plain language for the editor who made the file.
 * `line` is the line in the file where the row starts (the header is line 1); for the JSON form it is
 * the row's position in `rows`, counted from 1. `column` is the column (JSON key) the problem is in.
 */
export interface RegisterProblem {
  line: number | null;
  column: string | null;
  value?: string;
  message: string;
}

/** "rad 7, kolumn regi: 'privt' är inte ett tillåtet värde (egen_regi, privat, ideburen)" */
export function formatProblem(p: RegisterProblem): string {
  const where = [p.line === null ? null : `rad ${p.line}`, p.column === null ? null : `kolumn ${p.column}`]
    .filter((part) => part !== null)
    .join(', ');
  return where === '' ? p.message : `${where}: ${p.message}`;
}

/** File-level problems first, then by line; problems on the same line keep the order they were found in. */
export function sortProblems(problems: readonly RegisterProblem[]): RegisterProblem[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => (a.problem.line ?? 0) - (b.problem.line ?? 0) || a.index - b.index)
    .map(({ problem }) => problem);
}

export function problem(line: number | null, column: string | null, message: string, value?: string) {
  const p: RegisterProblem = { line, column, message };
  if (value !== undefined) p.value = value;
  return p;
}
