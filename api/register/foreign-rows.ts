import { MAX_LISTED_PROBLEMS, type RegisterProblem, type RegisterRow } from '../../shared/register';

/**
 * An editor's key acts for one huvudman, so an upload with that key may hold only that huvudman's
 * rows: every other row is a problem on its line. The one rule for every way an editor uploads (the
 * PUT route and the editors' page): the first MAX_LISTED_PROBLEMS rows, and how many there are.
 */
export function foreignRowProblems(
  rows: readonly RegisterRow[],
  huvudman: string,
): { problems: RegisterProblem[]; problemCount: number } {
  const foreign = rows.filter((row) => row.huvudman !== huvudman);
  return {
    problems: foreign.slice(0, MAX_LISTED_PROBLEMS).map((row) => ({
      line: row.line,
      column: 'huvudman',
      value: row.huvudman,
      message:
        `raden gäller ${row.huvudman}, men nyckeln gäller bara ${huvudman}: ` +
        `ta bort raden, eller läs in den med en nyckel för ${row.huvudman}`,
    })),
    problemCount: foreign.length,
  };
}
