import { and, asc, count, eq, sql } from 'drizzle-orm';
import {
  type HuvudmanKind,
  type Kommun,
  type Region,
  SERVICES,
  type Service,
  servicesFor,
} from '../../shared/domain';
import type { Database } from '../db/client';
import { datasets, huvudman, units } from '../db/schema';
import { pickShown } from './units';

type HuvudmanRow = typeof huvudman.$inferSelect;

function summaryOf(row: HuvudmanRow): Kommun | Region {
  const lan = { code: row.lanCode, name: row.lanName };
  return row.kind === 'kommun'
    ? { code: row.code, name: row.name, shortName: row.shortName, lan, website: row.website }
    : { code: row.code, name: row.name, lan, website: row.website };
}

export async function listHuvudman(db: Database, kind: HuvudmanKind) {
  const rows = await db
    .select()
    .from(huvudman)
    .where(eq(huvudman.kind, kind))
    .orderBy(asc(huvudman.code))
    .all();
  return rows.map(summaryOf);
}

/** The kommun or region with this code, or undefined. */
export function huvudmanByCode(db: Database, code: string) {
  return db.select().from(huvudman).where(eq(huvudman.code, code)).get();
}

export async function huvudmanExists(db: Database, kind: HuvudmanKind, code: string): Promise<boolean> {
  const row = await db
    .select({ code: huvudman.code })
    .from(huvudman)
    .where(and(eq(huvudman.code, code), eq(huvudman.kind, kind)))
    .get();
  return row !== undefined;
}

/** One kommun or region, with the state of each of its choice systems. */
export async function loadHuvudman(db: Database, kind: HuvudmanKind, code: string) {
  const row = await db
    .select()
    .from(huvudman)
    .where(and(eq(huvudman.code, code), eq(huvudman.kind, kind)))
    .get();
  if (!row) return null;
  const [systems, counts] = await Promise.all([
    db.select().from(datasets).where(eq(datasets.huvudman, code)).all(),
    db
      .select({
        service: units.service,
        origin: units.origin,
        kind: units.kind,
        n: count(),
        active: sql<number>`sum(${units.status} = 'aktiv')`,
      })
      .from(units)
      .where(eq(units.huvudman, code))
      .groupBy(units.service, units.origin, units.kind)
      .all(),
  ]);
  return {
    ...summaryOf(row),
    services: servicesFor(kind).map((service: Service) => {
      const dataset = systems.find((d) => d.service === service);
      const ofService = counts.filter((c) => c.service === service);
      // Counted as the list shows them: the register's units, else the survey units, else the demo's.
      const shown = pickShown(ofService, dataset?.indicatorsSyncedAt);
      const active = ofService.find((c) => c.origin === shown.origin && c.kind === shown.kind)?.active ?? 0;
      return {
        service,
        label: SERVICES[service].label.sv,
        activeUnits: Number(active),
        dataset: dataset
          ? {
              kind: shown.kind,
              basis: shown.basis,
              version: String(dataset.version),
              updatedAt: dataset.updatedAt,
            }
          : null,
        registerUpdatedAt: dataset?.registerUpdatedAt ?? null,
        indicatorsSyncedAt: dataset?.indicatorsSyncedAt ?? null,
      };
    }),
  };
}
