import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { editorReviews } from '../db/schema';

/**
 * The file an editor reviewed, kept server-side and bound to the session until it is published, a new
 * file is reviewed, or the session ends. "Publicera" reads these bytes; it never takes a second upload.
 */
export interface StoredReview {
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  registerState: string;
  reviewedAt: string;
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function saveReview(
  db: Database,
  sessionHash: string,
  review: Omit<StoredReview, 'sha256'>,
): Promise<StoredReview> {
  const row = { ...review, sha256: sha256Of(review.bytes) };
  const values = { ...row, sessionHash, bytes: Buffer.from(review.bytes) };
  await db
    .insert(editorReviews)
    .values(values)
    .onConflictDoUpdate({ target: editorReviews.sessionHash, set: values });
  return row;
}

/** The session's reviewed file, or null; bytes whose hash no longer matches are treated as gone. */
export async function loadReview(
  db: Pick<Database, 'select'>,
  sessionHash: string,
): Promise<StoredReview | null> {
  const row = await db.select().from(editorReviews).where(eq(editorReviews.sessionHash, sessionHash)).get();
  if (!row) return null;
  const bytes = new Uint8Array(row.bytes);
  if (sha256Of(bytes) !== row.sha256) return null;
  return {
    fileName: row.fileName,
    bytes,
    sha256: row.sha256,
    registerState: row.registerState,
    reviewedAt: row.reviewedAt,
  };
}

export async function deleteReview(db: Pick<Database, 'delete'>, sessionHash: string): Promise<void> {
  await db.delete(editorReviews).where(eq(editorReviews.sessionHash, sessionHash));
}
