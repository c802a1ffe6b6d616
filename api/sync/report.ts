import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client';
import { koladaLinks, koladaSyncRuns, koladaUnlinkedOus, units } from '../db/schema';

/**
 * What an editor needs after a sync of their kommun: how the last run went, which units are linked
 * to which Kolada OU (and how), and which elderly-care OUs no unit could be linked to. Linking an
 * unlinked OU is the editor's call: put its id in the register's kolada_ou and import the register.
 */
export async function loadSyncReport(db: Database, kommun: string) {
  const [lastRun, links, unlinked] = await Promise.all([
    db.select().from(koladaSyncRuns).where(eq(koladaSyncRuns.huvudman, kommun)).get(),
    db
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
      // A baseline unit's link to its own OU is not an editor's business; the register's links are.
      .where(and(eq(koladaLinks.huvudman, kommun), inArray(koladaLinks.method, ['register', 'name'])))
      .orderBy(koladaLinks.service, units.name)
      .all(),
    db
      .select({
        ou: koladaUnlinkedOus.ou,
        service: koladaUnlinkedOus.service,
        title: koladaUnlinkedOus.title,
        reason: koladaUnlinkedOus.reason,
        candidates: koladaUnlinkedOus.candidates,
        seenAt: koladaUnlinkedOus.seenAt,
      })
      .from(koladaUnlinkedOus)
      .where(eq(koladaUnlinkedOus.huvudman, kommun))
      .orderBy(koladaUnlinkedOus.service, koladaUnlinkedOus.title)
      .all(),
  ]);
  return {
    huvudman: kommun,
    lastRun: lastRun
      ? {
          startedAt: lastRun.startedAt,
          finishedAt: lastRun.finishedAt,
          outcome: lastRun.outcome,
          message: lastRun.message,
          summary: lastRun.summary,
        }
      : null,
    links: links.flatMap((l) => (l.method === 'kolada' ? [] : [{ ...l, method: l.method }])),
    unlinked,
    attribution: 'Källa: Kolada',
  };
}
