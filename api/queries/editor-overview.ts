import { and, count, eq, isNull } from 'drizzle-orm';
import { huvudmanKind } from '../../shared/domain';
import type { Database } from '../db/client';
import { datasets, feedback, feedbackHandled, units } from '../db/schema';
import { loadKoladaState } from './editor-kolada';

export interface SystemOverview {
  service: string;
  kind: 'demo' | 'live';
  activeUnits: number;
  registerUpdatedAt: string | null;
  indicatorsSyncedAt: string | null;
}

/** What the editor's first page shows: each choice system, open reports, OUs left to link. */
export async function loadOverview(db: Database, code: string) {
  const systems = await db.select().from(datasets).where(eq(datasets.huvudman, code)).all();
  const active = await db
    .select({ service: units.service, n: count() })
    .from(units)
    .where(and(eq(units.huvudman, code), eq(units.status, 'aktiv')))
    .groupBy(units.service)
    .all();
  const activeBy = new Map(active.map((a) => [a.service, a.n]));
  const [openReports] = await db
    .select({ n: count() })
    .from(feedback)
    .leftJoin(feedbackHandled, eq(feedbackHandled.feedbackId, feedback.id))
    .where(and(eq(feedback.huvudman, code), isNull(feedbackHandled.feedbackId)));
  const ousToLink = huvudmanKind(code) === 'kommun' ? (await loadKoladaState(db, code)).toLink.length : 0;
  return {
    systems: systems
      .map(
        (s): SystemOverview => ({
          service: s.service,
          kind: s.kind,
          activeUnits: activeBy.get(s.service) ?? 0,
          registerUpdatedAt: s.registerUpdatedAt,
          indicatorsSyncedAt: s.indicatorsSyncedAt,
        }),
      )
      .sort((a, b) => a.service.localeCompare(b.service)),
    openReports: openReports?.n ?? 0,
    ousToLink,
  };
}
