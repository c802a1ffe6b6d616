import {
  describeRegisterFile,
  formatProblem,
  parseRegister,
  type RegisterFileInfo,
  type RegisterFormat,
  type RegisterProblem,
  todayInSweden,
} from '../../shared/register';
import type { Database } from '../db/client';
import { foreignRowProblems } from './foreign-rows';
import type { SystemEnding } from './guards';
import { type ImportGuardOptions, importCheckedRows, type SystemSummary } from './import';

/** The XLSX media type; `application/octet-stream` and others are sniffed from the content. */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface UploadFile extends RegisterFileInfo {
  /** In Swedish, for the summary: "CSV med semikolon, teckenkodning Windows-1252". */
  description: string;
}

export type UploadAnswer =
  | {
      status: 200;
      body: {
        added: number;
        changed: number;
        ended: number;
        unchanged: number;
        systems: SystemSummary[];
        file: UploadFile;
      };
    }
  | {
      status: 400;
      body: {
        error: {
          code: 'invalid_register' | 'too_many_units';
          message: string;
          problems: RegisterProblem[];
          /** Every problem found; `problems` lists the first MAX_LISTED_PROBLEMS of them. */
          problemCount: number;
          file: UploadFile;
        };
      };
    }
  | {
      status: 409;
      body: {
        error: {
          code: 'confirmation_required';
          message: string;
          /** The number to send as `?confirmEnding=` if ending them is intended. */
          ending: number;
          systems: SystemEnding[];
          file: UploadFile;
        };
      };
    };

/** The register format a Content-Type names, or undefined to sniff it from the content. */
export function formatOfMediaType(contentType: string): RegisterFormat | undefined {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === XLSX_MEDIA_TYPE) return 'xlsx';
  if (type.endsWith('json')) return 'json';
  if (type === 'text/csv' || type === 'application/csv') return 'csv';
  return undefined;
}

/**
 * An editor's upload of a whole register for their own huvudman (the PUT route): read and check the
 * file, refuse rows of another huvudman, then import all-or-nothing under the guards. Answers with the
 * status and body to send.
 */
export async function handleRegisterUpload(
  db: Database,
  upload: {
    huvudman: string;
    bytes: Uint8Array;
    contentType: string;
    actor: string;
    now: Date;
  } & ImportGuardOptions,
): Promise<UploadAnswer> {
  const { huvudman, now } = upload;
  const parsed = parseRegister(upload.bytes, {
    format: formatOfMediaType(upload.contentType),
    today: todayInSweden(now),
  });
  const { format, encoding, delimiter, sheet } = parsed;
  const file = { format, encoding, delimiter, sheet, description: '' };
  file.description = describeRegisterFile(file);

  const invalid = (problems: RegisterProblem[], problemCount: number): UploadAnswer => ({
    status: 400,
    body: {
      error: {
        code: 'invalid_register',
        message: summary(problems, problemCount),
        problems,
        problemCount,
        file,
      },
    },
  });
  if (!parsed.ok) return invalid(parsed.problems, parsed.problemCount);

  const foreign = foreignRowProblems(parsed.rows, huvudman);
  if (foreign.problemCount > 0) return invalid(foreign.problems, foreign.problemCount);

  const result = await importCheckedRows(db, parsed.rows, {
    actor: upload.actor,
    now,
    confirmEnding: upload.confirmEnding,
    maxEndingShare: upload.maxEndingShare,
    maxUnitsPerSystem: upload.maxUnitsPerSystem,
  });
  if (result.ok) {
    const { changes: _changes, ...counts } = result.summary;
    return { status: 200, body: { ...counts, file } };
  }
  const message = result.problems[0]?.message ?? '';
  if (result.refusal.kind === 'ending_many') {
    return {
      status: 409,
      body: {
        error: {
          code: 'confirmation_required',
          message: `${message} (skicka ?confirmEnding=${result.refusal.ending})`,
          ending: result.refusal.ending,
          systems: result.refusal.systems,
          file,
        },
      },
    };
  }
  return {
    status: 400,
    body: { error: { code: 'too_many_units', message, problems: result.problems, problemCount: 1, file } },
  };
}

/** "1 234 problem(s); nothing was imported. The first 200 are listed. rad 2, kolumn regi: …; …" */
function summary(problems: readonly RegisterProblem[], count: number): string {
  const listed = count > problems.length ? ` The first ${problems.length} are listed.` : '';
  return `${count} problem(s); nothing was imported.${listed} ${problems.slice(0, 3).map(formatProblem).join('; ')}`;
}
