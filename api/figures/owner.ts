import { type FigureRow, RIKET } from '../../shared/figures';
import { MAX_LISTED_PROBLEMS, type RegisterProblem } from '../../shared/register';
import { problem } from '../../shared/register/problem';

/**
 * Whose file it is, which decides where its national (`riket`) figures go (see subjects.ts):
 * - an editor's upload: the token's huvudman. Every row must be that huvudman's or the country's; the
 *   country's figures are stored as that huvudman's copy, shown beside its own units only.
 * - the operator's CLI: the one huvudman of the file's other rows (its copy, the same as if that
 *   huvudman's editor had sent the file), or, in a file of nothing but national figures, the country's
 *   own figure, shown beside every huvudman's units. National figures beside several huvudmän's rows are
 *   refused: whose copy they are cannot be told.
 */
export function figuresOwner(
  rows: readonly FigureRow[],
  editorHuvudman: string | null,
):
  | { ok: true; riketOwner: string | null }
  | { ok: false; problems: RegisterProblem[]; problemCount: number } {
  if (editorHuvudman !== null) {
    const foreign = rows.filter((r) => r.huvudman !== editorHuvudman && r.huvudman !== RIKET);
    if (foreign.length === 0) return { ok: true, riketOwner: editorHuvudman };
    return {
      ok: false,
      problemCount: foreign.length,
      problems: foreign
        .slice(0, MAX_LISTED_PROBLEMS)
        .map((row) =>
          problem(
            row.line,
            'huvudman',
            `raden gäller ${row.huvudman}, men nyckeln gäller bara ${editorHuvudman}: ` +
              `ta bort raden, eller läs in den med en nyckel för ${row.huvudman}`,
            row.huvudman,
          ),
        ),
    };
  }
  const huvudmän = [...new Set(rows.filter((r) => r.huvudman !== RIKET).map((r) => r.huvudman))];
  if (huvudmän.length <= 1) return { ok: true, riketOwner: huvudmän[0] ?? null };
  const national = rows.filter((r) => r.huvudman === RIKET);
  if (national.length === 0) return { ok: true, riketOwner: null };
  return {
    ok: false,
    problemCount: national.length,
    problems: national
      .slice(0, MAX_LISTED_PROBLEMS)
      .map((row) =>
        problem(
          row.line,
          'huvudman',
          `filen har siffror för flera huvudmän (${huvudmän.join(', ')}), så det går inte att avgöra vems ` +
            'jämförelsesiffra för riket raden är; lägg rikets siffror i varje huvudmans egen fil',
          row.huvudman,
        ),
      ),
  };
}
