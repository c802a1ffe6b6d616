import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { editorTokens, huvudman } from '../db/schema';

const PREFIX = 'uk_';

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates a token for a kommun's or region's editors. The token is returned once; only its hash is kept. */
export async function createToken(db: Database, huvudmanCode: string, name: string, now = new Date()) {
  const owner = await db.select().from(huvudman).where(eq(huvudman.code, huvudmanCode)).get();
  if (!owner) throw new Error(`No kommun or region has the code ${huvudmanCode}`);
  if (!name.trim())
    throw new Error('A token needs a name that says whose it is, e.g. "Norrköping, äldreomsorg"');
  const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  const id = `t_${randomBytes(6).toString('hex')}`;
  await db.insert(editorTokens).values({
    id,
    huvudman: huvudmanCode,
    name: name.trim(),
    hash: hashOf(token),
    createdAt: now.toISOString(),
  });
  return { id, token, huvudman: owner.code, huvudmanName: owner.name };
}

export async function listTokens(db: Database) {
  const rows = await db
    .select()
    .from(editorTokens)
    .orderBy(asc(editorTokens.huvudman), asc(editorTokens.createdAt))
    .all();
  return rows.map(({ hash: _hash, ...rest }) => rest);
}

export async function revokeToken(db: Database, id: string, now = new Date()): Promise<boolean> {
  const result = await db
    .update(editorTokens)
    .set({ revokedAt: now.toISOString() })
    .where(eq(editorTokens.id, id))
    .returning({ id: editorTokens.id });
  return result.length > 0;
}

export interface Editor {
  tokenId: string;
  huvudman: string;
  name: string;
}

/**
 * The editor a presented token belongs to, or null for a malformed, unknown or revoked token.
 * The lookup is by SHA-256 of the token, and the stored hash is compared in constant time, so
 * response time does not reveal how much of a guess was right.
 */
export async function verifyToken(db: Database, presented: string | undefined): Promise<Editor | null> {
  if (!presented?.startsWith(PREFIX) || presented.length > 100) return null;
  const hash = hashOf(presented);
  const row = await db.select().from(editorTokens).where(eq(editorTokens.hash, hash)).get();
  if (!row || row.revokedAt) return null;
  if (!timingSafeEqual(Buffer.from(row.hash, 'hex'), Buffer.from(hash, 'hex'))) return null;
  await db
    .update(editorTokens)
    .set({ lastUsedAt: new Date().toISOString() })
    .where(eq(editorTokens.id, row.id));
  return { tokenId: row.id, huvudman: row.huvudman, name: row.name };
}
