import {
  describeRegisterFile,
  parseRegister,
  type RegisterFormat,
  type RegisterProblem,
  type RegisterRow,
  todayInSweden,
} from '../../shared/register';
import type { Database, Transaction } from '../db/client';
import { registerState } from '../queries/editor-register';
import { deleteReview, loadReview, type StoredReview, saveReview } from '../queries/editor-reviews';
import { foreignRowProblems } from '../register/foreign-rows';
import { type ImportSummary, importCheckedRows, previewRegisterImport } from '../register/import';
import {
  changesAnything,
  confirmedEnding,
  describePlan,
  type EndingToConfirm,
  endingToConfirm,
  type SystemPreview,
} from './review';
import type { EditorSession } from './session';

/**
 * "Granska" and "Publicera". Reviewing reads a file through the register reader's one entry point
 * (`parseRegister(bytes)`), asks the import what it would do (`previewRegisterImport`, which writes
 * nothing), and keeps the exact bytes with the session. Publishing reads those bytes back and imports
 * them through the import's guarded, all-or-nothing path (`importCheckedRows`), in one transaction that
 * first checks that the register is still the one that was reviewed.
 */

/** A file and the name it was uploaded under; the name's extension says when it is meant as a workbook. */
export interface RegisterFile {
  name: string;
  bytes: Uint8Array;
}

export type FileRead =
  | { ok: true; rows: RegisterRow[]; readAs: string | null }
  | { ok: false; problems: RegisterProblem[]; problemCount: number; readAs: string | null };

/**
 * A file named .xlsx is read as a workbook, so one that is not gets the reader's own message ("sent as
 * an Excel workbook but is none"); everything else is recognised by its content, whatever the browser
 * calls it (Excel's CSV files often come as application/vnd.ms-excel).
 */
export function formatOfFileName(name: string): RegisterFormat | undefined {
  return /\.xlsx$/i.test(name.trim()) ? 'xlsx' : undefined;
}

/** The file's rows for the editor's own huvudman, or its problems (the first 200 and how many). */
export function readRegisterFile(file: RegisterFile, code: string, today: string): FileRead {
  const parsed = parseRegister(file.bytes, { today, format: formatOfFileName(file.name) });
  // "CSV med semikolon, teckenkodning Windows-1252": how the reader took it, also when it found problems.
  const readAs = parsed.format === null ? null : describeRegisterFile(parsed);
  if (!parsed.ok) return { ok: false, problems: parsed.problems, problemCount: parsed.problemCount, readAs };
  const foreign = foreignRowProblems(parsed.rows, code);
  if (foreign.problemCount > 0) return { ok: false, ...foreign, readAs };
  return { ok: true, rows: parsed.rows, readAs };
}

export type Problems = {
  kind: 'problems';
  problems: RegisterProblem[];
  /** Every problem found; more than problems.length when the list was cut. */
  problemCount: number;
  readAs: string | null;
};

export type ReviewOutcome =
  | Problems
  | {
      kind: 'preview';
      review: StoredReview;
      systems: SystemPreview[];
      changesAnything: boolean;
      /** Set when the upload ends so many units that the editor must confirm the count. */
      ending: EndingToConfirm | null;
      readAs: string | null;
    };

export async function reviewRegisterFile(
  db: Database,
  session: EditorSession,
  file: RegisterFile,
  options: { now?: Date } = {},
): Promise<ReviewOutcome> {
  const now = options.now ?? new Date();
  const code = session.editor.huvudman;
  const read = readRegisterFile(file, code, todayInSweden(now));
  if (!read.ok) {
    await deleteReview(db, session.idHash);
    return { kind: 'problems', ...read };
  }
  // The state first: a write after this point makes the review stale, never silently part of it.
  const state = await registerState(db, code);
  const preview = await previewRegisterImport(db, read.rows, { now });
  if (preview.refused?.refusal.kind === 'too_many_units') {
    await deleteReview(db, session.idHash);
    return { kind: 'problems', problems: preview.refused.problems, problemCount: 1, readAs: read.readAs };
  }
  const systems = describePlan(preview.plan);
  const review = await saveReview(db, session.idHash, {
    fileName: file.name,
    bytes: file.bytes,
    registerState: state,
    reviewedAt: now.toISOString(),
  });
  return {
    kind: 'preview',
    review,
    systems,
    changesAnything: changesAnything(systems),
    ending: endingToConfirm(preview.refused),
    readAs: read.readAs,
  };
}

export type PublishOutcome =
  | { kind: 'gone' }
  | { kind: 'stale' }
  | Problems
  | {
      kind: 'confirm';
      review: StoredReview;
      systems: SystemPreview[];
      ending: EndingToConfirm;
      readAs: string | null;
    }
  | { kind: 'published'; summary: ImportSummary };

/**
 * The import's own functions, run inside our transaction: drizzle turns their `transaction` into a
 * savepoint there, so the state check and the import commit together or not at all.
 */
function inside(tx: Transaction): Database {
  return tx as unknown as Database;
}

export async function publishReviewedFile(
  db: Database,
  session: EditorSession,
  form: { review: string; fields: Record<string, unknown> },
  options: { now?: Date } = {},
): Promise<PublishOutcome> {
  const now = options.now ?? new Date();
  const code = session.editor.huvudman;
  const review = await loadReview(db, session.idHash);
  if (!review || review.sha256 !== form.review) return { kind: 'gone' };
  const read = readRegisterFile({ name: review.fileName, bytes: review.bytes }, code, todayInSweden(now));
  if (!read.ok) return { kind: 'problems', ...read };

  // libSQL's write transaction (BEGIN IMMEDIATE): no other writer between the check and the import.
  return db.transaction(async (tx): Promise<PublishOutcome> => {
    if ((await registerState(tx, code)) !== review.registerState) return { kind: 'stale' };
    const imported = await importCheckedRows(inside(tx), read.rows, {
      actor: session.editor.name,
      now,
      confirmEnding: confirmedEnding(form.fields),
    });
    if (!imported.ok) {
      if (imported.refusal.kind !== 'ending_many') {
        return { kind: 'problems', problems: imported.problems, problemCount: 1, readAs: read.readAs };
      }
      // Not confirmed, or not the count it ends: the review again, with the box to tick.
      const preview = await previewRegisterImport(inside(tx), read.rows, { now });
      return {
        kind: 'confirm',
        review,
        systems: describePlan(preview.plan),
        ending: { ending: imported.refusal.ending, systems: imported.refusal.systems },
        readAs: read.readAs,
      };
    }
    await deleteReview(tx, session.idHash);
    return { kind: 'published', summary: imported.summary };
  });
}
