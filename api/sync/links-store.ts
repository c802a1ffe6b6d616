import { eq } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { koladaLinks, koladaUnlinkedOus } from '../db/schema';
import type { OuLink, UnlinkedOu } from './types';

const CHUNK = 200;

type StoredLink = typeof koladaLinks.$inferSelect;

/** The kommun's links as the last sync stored them. */
export async function storedLinks(tx: Transaction, kommun: string): Promise<StoredLink[]> {
  return tx.select().from(koladaLinks).where(eq(koladaLinks.huvudman, kommun)).all();
}

/**
 * Replaces the kommun's links when they differ from the stored ones; true when it did. A link that
 * stays keeps the date it was first made.
 */
export async function replaceLinks(
  tx: Transaction,
  kommun: string,
  stored: readonly StoredLink[],
  links: readonly OuLink[],
  nowIso: string,
): Promise<boolean> {
  const key = (l: Pick<OuLink, 'unitId' | 'ou' | 'ouTitle' | 'method' | 'service'>) =>
    `${l.unitId}|${l.ou}|${l.ouTitle}|${l.method}|${l.service}`;
  const before = new Map(stored.map((l) => [key(l), l]));
  const since = new Map(stored.map((l) => [`${l.unitId}|${l.ou}`, l.linkedAt]));
  if (stored.length === links.length && links.every((l) => before.has(key(l)))) return false;
  await tx.delete(koladaLinks).where(eq(koladaLinks.huvudman, kommun));
  const rows = links.map((l) => ({
    ...l,
    huvudman: kommun,
    linkedAt: since.get(`${l.unitId}|${l.ou}`) ?? nowIso,
  }));
  for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(koladaLinks).values(rows.slice(i, i + CHUNK));
  return true;
}

/** Replaces the kommun's unlinked OUs when they differ from the stored ones; true when it did. */
export async function replaceUnlinked(
  tx: Transaction,
  kommun: string,
  unlinked: readonly UnlinkedOu[],
  nowIso: string,
): Promise<boolean> {
  const stored = await tx
    .select()
    .from(koladaUnlinkedOus)
    .where(eq(koladaUnlinkedOus.huvudman, kommun))
    .all();
  const key = (u: UnlinkedOu) => JSON.stringify([u.ou, u.service, u.title, u.reason, u.candidates]);
  const before = new Map(stored.map((u) => [key(u), u]));
  if (stored.length === unlinked.length && unlinked.every((u) => before.has(key(u)))) return false;
  await tx.delete(koladaUnlinkedOus).where(eq(koladaUnlinkedOus.huvudman, kommun));
  const rows = unlinked.map((u) => ({
    ...u,
    huvudman: kommun,
    seenAt: before.get(key(u))?.seenAt ?? nowIso,
  }));
  for (let i = 0; i < rows.length; i += CHUNK)
    await tx.insert(koladaUnlinkedOus).values(rows.slice(i, i + CHUNK));
  return true;
}
