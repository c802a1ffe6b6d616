import { parseRegister, type RegisterProblem, type RegisterRow, todayInSweden } from '../../shared/register';
import type { Database } from '../db/client';
import { loadHuvudmanUnits, registerState } from '../queries/editor-register';
import { deleteReview, loadReview, type StoredReview, saveReview } from '../queries/editor-reviews';
import { type ImportSummary, importRegisterRows } from '../register/import';
import {
  type Confirmation,
  type ConfirmationRule,
  changesAnything,
  foreignRowProblems,
  missingConfirmations,
  previewRegister,
  type SystemPreview,
} from './review';
import type { EditorSession } from './session';

/**
 * "Granska" and "Publicera". Reviewing reads a file through the register reader's one entry point
 * (`parseRegister(bytes)`, whatever encodings and formats it learns), writes nothing to the register,
 * and keeps the exact bytes with the session. Publishing reads those bytes back and imports them through
 * the import's own all-or-nothing path, in one transaction that first checks that the register is still
 * the one that was reviewed.
 */

export type FileRead =
  | { ok: true; rows: RegisterRow[]; readAs: string | null }
  | { ok: false; problems: RegisterProblem[] };

/** The file's rows for the editor's own huvudman, or every problem in it. */
export function readRegisterFile(bytes: Uint8Array, code: string, today: string): FileRead {
  const parsed = parseRegister(bytes, { today });
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const foreign = foreignRowProblems(parsed.rows, code);
  if (foreign.length > 0) return { ok: false, problems: foreign };
  return { ok: true, rows: parsed.rows, readAs: describeRead(parsed) };
}

/** "CSV med semikolon", plus the text encoding when the reader reports one. */
function describeRead(parsed: {
  format: string;
  delimiter: string | null;
  encoding?: unknown;
}): string | null {
  const parts = [parsed.format.toUpperCase()];
  if (parsed.delimiter) parts.push(parsed.delimiter === ';' ? 'semikolon' : 'komma');
  if (typeof parsed.encoding === 'string') parts.push(parsed.encoding);
  return parts.join(', ');
}

export type ReviewOutcome =
  | { kind: 'problems'; problems: RegisterProblem[] }
  | {
      kind: 'preview';
      review: StoredReview;
      systems: SystemPreview[];
      changesAnything: boolean;
      confirmations: Confirmation[];
      readAs: string | null;
    };

export async function reviewRegisterFile(
  db: Database,
  session: EditorSession,
  file: { name: string; bytes: Uint8Array },
  options: { confirmations: ConfirmationRule; now?: Date },
): Promise<ReviewOutcome> {
  const now = options.now ?? new Date();
  const code = session.editor.huvudman;
  const read = readRegisterFile(file.bytes, code, todayInSweden(now));
  if (!read.ok) {
    await deleteReview(db, session.idHash);
    return { kind: 'problems', problems: read.problems };
  }
  // The state first: a write after this point makes the review stale, never silently part of it.
  const state = await registerState(db, code);
  const systems = previewRegister(await loadHuvudmanUnits(db, code), read.rows, todayInSweden(now));
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
    confirmations: options.confirmations(systems),
    readAs: read.readAs,
  };
}

export type PublishOutcome =
  | { kind: 'gone' }
  | { kind: 'stale' }
  | { kind: 'problems'; problems: RegisterProblem[] }
  | { kind: 'confirm'; review: StoredReview; systems: SystemPreview[]; confirmations: Confirmation[] }
  | { kind: 'published'; summary: ImportSummary; names: Map<string, string> };

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * The import's own function, run inside our transaction: drizzle turns its `transaction` into a savepoint
 * there, so the state check and the import commit together or not at all.
 */
function inside(tx: Transaction): Database {
  return tx as unknown as Database;
}

export async function publishReviewedFile(
  db: Database,
  session: EditorSession,
  form: { review: string; fields: Record<string, unknown> },
  options: { confirmations: ConfirmationRule; now?: Date },
): Promise<PublishOutcome> {
  const now = options.now ?? new Date();
  const code = session.editor.huvudman;
  const review = await loadReview(db, session.idHash);
  if (!review || review.sha256 !== form.review) return { kind: 'gone' };
  const read = readRegisterFile(review.bytes, code, todayInSweden(now));
  if (!read.ok) return { kind: 'problems', problems: read.problems };

  // libSQL's write transaction (BEGIN IMMEDIATE): no other writer between the check and the import.
  return db.transaction(async (tx): Promise<PublishOutcome> => {
    if ((await registerState(tx, code)) !== review.registerState) return { kind: 'stale' };
    const stored = await loadHuvudmanUnits(tx, code);
    const systems = previewRegister(stored, read.rows, todayInSweden(now));
    const required = options.confirmations(systems);
    if (missingConfirmations(required, form.fields).length > 0) {
      return { kind: 'confirm', review, systems, confirmations: required };
    }
    const summary = await importRegisterRows(inside(tx), read.rows, { actor: session.editor.name, now });
    await deleteReview(tx, session.idHash);
    const names = new Map(stored.map((u) => [u.id, u.name]));
    for (const change of summary.changes) {
      const name = change.changes.find((c) => c.field === 'name')?.to;
      if (typeof name === 'string') names.set(change.unitId, name);
    }
    return { kind: 'published', summary, names };
  });
}
