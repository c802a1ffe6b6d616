import { formatProblem, type RegisterProblem } from '../../shared/register';
import type { Database } from '../db/client';
import { XLSX_MEDIA_TYPE } from '../register/upload';
import { type FiguresSummary, importFigures } from './import';
import type { FiguresFileInfo, FiguresFormat } from './read';

export type FiguresUploadAnswer =
  | { status: 200; body: FiguresSummary & { file: FiguresFileInfo } }
  | {
      status: 400;
      body: {
        error: {
          code: 'invalid_figures';
          message: string;
          problems: RegisterProblem[];
          problemCount: number;
          file: FiguresFileInfo;
        };
      };
    };

/** The figures format a Content-Type names, or undefined to sniff it from the content. */
export function figuresFormatOfMediaType(contentType: string): FiguresFormat | undefined {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === XLSX_MEDIA_TYPE) return 'xlsx';
  if (type.endsWith('json')) return 'json';
  if (type === 'text/csv' || type === 'application/csv') return 'csv';
  return undefined;
}

/**
 * An editor's upload of figures for their own huvudman (the PUT route, and the editors' page): read and
 * check the whole file, refuse rows of another huvudman and units not in its register, then import
 * all-or-nothing. Answers with the status and body to send.
 */
export async function handleFiguresUpload(
  db: Database,
  upload: { huvudman: string; bytes: Uint8Array; contentType: string; actor: string; now: Date },
): Promise<FiguresUploadAnswer> {
  const result = await importFigures(db, upload.bytes, {
    format: figuresFormatOfMediaType(upload.contentType),
    actor: upload.actor,
    now: upload.now,
    editorHuvudman: upload.huvudman,
  });
  if (result.ok) return { status: 200, body: { ...result.summary, file: result.file } };
  return {
    status: 400,
    body: {
      error: {
        code: 'invalid_figures',
        message: summary(result.problems, result.problemCount),
        problems: result.problems,
        problemCount: result.problemCount,
        file: result.file,
      },
    },
  };
}

/** "12 problem(s); nothing was imported. rad 2, kolumn enhet: …; …" */
function summary(problems: readonly RegisterProblem[], count: number): string {
  const listed = count > problems.length ? ` The first ${problems.length} are listed.` : '';
  return `${count} problem(s); nothing was imported.${listed} ${problems.slice(0, 3).map(formatProblem).join('; ')}`;
}
