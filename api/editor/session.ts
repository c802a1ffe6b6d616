import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq, inArray, lt, or } from 'drizzle-orm';
import type { Database } from '../db/client';
import { editorReviews, editorSessions, editorTokens, huvudman } from '../db/schema';
import type { Editor } from '../editors/tokens';

/**
 * Server-side sessions of the editors' web page. The browser holds only a random session id (in an
 * HttpOnly cookie); the database holds its SHA-256 hash, like tokens, so a copy of the database
 * cannot be used to sign in. A session is valid while it is neither idle too long nor too old, and
 * while its token is not revoked; everything else about the editor comes from the token's row.
 */

export interface SessionPolicy {
  /** A session unused for this long ends. */
  idleMs: number;
  /** A session ends this long after sign-in, however busy. */
  absoluteMs: number;
  /** Last use is written at most this often, so reading pages does not write on every request. */
  touchAfterMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleMs: 30 * 60_000,
  absoluteMs: 8 * 60 * 60_000,
  touchAfterMs: 60_000,
};

export interface EditorSession {
  idHash: string;
  editor: Editor;
  /** "Norrköpings kommun", "Region Östergötland". */
  huvudmanName: string;
  /** Every form of the session carries it; a state-changing request must send it back. */
  formToken: string;
  expiresAt: string;
}

const PREFIX = 's_';
const ID_PATTERN = /^s_[A-Za-z0-9_-]{43}$/;

export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

/** Starts a session for a verified editor; the returned id goes into the cookie and nowhere else. */
export async function startSession(
  db: Database,
  editor: Editor,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
  now = new Date(),
): Promise<{ id: string; expiresAt: string }> {
  await sweepSessions(db, policy, now);
  const id = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  const expiresAt = new Date(now.getTime() + policy.absoluteMs).toISOString();
  await db.insert(editorSessions).values({
    idHash: hashSessionId(id),
    tokenId: editor.tokenId,
    formToken: randomBytes(32).toString('base64url'),
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt,
  });
  return { id, expiresAt };
}

/**
 * The session a cookie value names, or null when it is malformed, unknown, idle too long, too old,
 * or its token has been revoked. An expired session is deleted when it is found.
 */
export async function findSession(
  db: Database,
  id: string | undefined,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
  now = new Date(),
): Promise<EditorSession | null> {
  if (!id || !ID_PATTERN.test(id)) return null;
  const idHash = hashSessionId(id);
  const row = await db
    .select({
      session: editorSessions,
      token: editorTokens,
      huvudmanName: huvudman.name,
    })
    .from(editorSessions)
    .innerJoin(editorTokens, eq(editorTokens.id, editorSessions.tokenId))
    .innerJoin(huvudman, eq(huvudman.code, editorTokens.huvudman))
    .where(eq(editorSessions.idHash, idHash))
    .get();
  // Unknown ids cost one read and no write: guessing cannot make the server write.
  if (!row || !timingSafeEqual(Buffer.from(row.session.idHash, 'hex'), Buffer.from(idHash, 'hex')))
    return null;
  if (row.token.revokedAt) {
    await deleteSession(db, idHash);
    return null;
  }
  const { session } = row;
  const time = now.getTime();
  const idleSince = Date.parse(session.lastSeenAt);
  if (time >= Date.parse(session.expiresAt) || time - idleSince >= policy.idleMs) {
    await deleteSession(db, idHash);
    return null;
  }
  if (time - idleSince >= policy.touchAfterMs) {
    await db
      .update(editorSessions)
      .set({ lastSeenAt: now.toISOString() })
      .where(eq(editorSessions.idHash, idHash));
  }
  return {
    idHash,
    editor: { tokenId: row.token.id, huvudman: row.token.huvudman, name: row.token.name },
    huvudmanName: row.huvudmanName,
    formToken: session.formToken,
    expiresAt: session.expiresAt,
  };
}

/** "Logga ut": the session and its pending review are gone on the server, whatever the browser keeps. */
export async function endSession(db: Database, id: string | undefined): Promise<void> {
  if (!id || !ID_PATTERN.test(id)) return;
  await deleteSession(db, hashSessionId(id));
}

/** Removes every session that has expired, idle or absolute. Runs at each sign-in. */
export async function sweepSessions(
  db: Database,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
  now = new Date(),
): Promise<void> {
  const idleCutoff = new Date(now.getTime() - policy.idleMs).toISOString();
  const expired = or(
    lt(editorSessions.expiresAt, now.toISOString()),
    lt(editorSessions.lastSeenAt, idleCutoff),
  );
  const stale = db.select({ idHash: editorSessions.idHash }).from(editorSessions).where(expired);
  await db.delete(editorReviews).where(inArray(editorReviews.sessionHash, stale));
  await db.delete(editorSessions).where(expired);
}

async function deleteSession(db: Database, idHash: string): Promise<void> {
  // The review's foreign key cascades, but a database with foreign keys off must not keep the bytes either.
  await db.delete(editorReviews).where(eq(editorReviews.sessionHash, idHash));
  await db.delete(editorSessions).where(eq(editorSessions.idHash, idHash));
}

/** Whether a form sent back the session's form token; constant time, so timing reveals nothing. */
export function isFormTokenOf(session: EditorSession, sent: unknown): boolean {
  if (typeof sent !== 'string') return false;
  const expected = Buffer.from(session.formToken);
  const given = Buffer.from(sent);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
