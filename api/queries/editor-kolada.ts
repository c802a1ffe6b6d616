import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { koladaDismissedOus, koladaLinks, koladaSyncRuns, koladaUnlinkedOus, units } from '../db/schema';

/**
 * A kommun's survey units (Kolada OUs) as its editor sees them: linked (to which unit, by the register's
 * kolada_ou or by name), left to link (from the last sync), marked "not ours", and units whose
 * kolada_ou the next sync has yet to read.
 */
export async function loadKoladaState(db: Database, code: string) {
  const lastRun = await db.select().from(koladaSyncRuns).where(eq(koladaSyncRuns.huvudman, code)).get();
  const links = await db
    .select({
      unitId: koladaLinks.unitId,
      unitName: units.name,
      service: koladaLinks.service,
      ou: koladaLinks.ou,
      ouTitle: koladaLinks.ouTitle,
      method: koladaLinks.method,
      linkedAt: koladaLinks.linkedAt,
    })
    .from(koladaLinks)
    .innerJoin(units, eq(units.id, koladaLinks.unitId))
    .where(eq(koladaLinks.huvudman, code))
    .all();
  const unlinked = await db
    .select()
    .from(koladaUnlinkedOus)
    .where(eq(koladaUnlinkedOus.huvudman, code))
    .all();
  const dismissed = await db
    .select()
    .from(koladaDismissedOus)
    .where(eq(koladaDismissedOus.huvudman, code))
    .all();
  const active = await db
    .select()
    .from(units)
    .where(
      and(
        eq(units.huvudman, code),
        eq(units.status, 'aktiv'),
        eq(units.kind, 'live'),
        eq(units.origin, 'register'),
      ),
    )
    .all();
  const linkedUnits = new Map<string, Set<string>>();
  for (const l of links) linkedUnits.set(l.unitId, (linkedUnits.get(l.unitId) ?? new Set()).add(l.ou));
  const dismissedOus = new Map(dismissed.map((d) => [d.ou, d]));
  // An OU the register already names (linked here since the last sync) is no longer left to link.
  const named = new Set(active.flatMap((u) => u.koladaOu));
  return {
    lastRun: lastRun ?? null,
    links,
    toLink: unlinked.filter((u) => !dismissedOus.has(u.ou) && !named.has(u.ou)),
    dismissed: dismissed.map((d) => ({ ...d, seen: unlinked.find((u) => u.ou === d.ou) ?? null })),
    /** The register names an OU the last sync did not (yet) link: it takes effect at the next sync. */
    pending: active.filter((u) => u.koladaOu.some((ou) => !linkedUnits.get(u.id)?.has(ou))),
    units: active,
  };
}

/** The OU as the last sync left it unlinked for this kommun, or null: only those can be linked or dismissed. */
export async function findUnlinkedOu(db: Database, code: string, ou: string) {
  return (
    (await db
      .select()
      .from(koladaUnlinkedOus)
      .where(and(eq(koladaUnlinkedOus.huvudman, code), eq(koladaUnlinkedOus.ou, ou)))
      .get()) ?? null
  );
}

export async function dismissOu(db: Database, code: string, ou: string, by: string, now: Date) {
  await db
    .insert(koladaDismissedOus)
    .values({ huvudman: code, ou, dismissedBy: by, dismissedAt: now.toISOString() })
    .onConflictDoNothing();
}

export async function restoreOu(db: Pick<Database, 'delete'>, code: string, ou: string) {
  await db
    .delete(koladaDismissedOus)
    .where(and(eq(koladaDismissedOus.huvudman, code), eq(koladaDismissedOus.ou, ou)));
}
