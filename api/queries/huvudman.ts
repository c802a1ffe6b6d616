import { and, asc, count, eq } from 'drizzle-orm';
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
      .select({ service: units.service, n: count() })
      .from(units)
      .where(and(eq(units.huvudman, code), eq(units.status, 'aktiv')))
      .groupBy(units.service)
      .all(),
  ]);
  return {
    ...summaryOf(row),
    services: servicesFor(kind).map((service: Service) => {
      const dataset = systems.find((d) => d.service === service);
      return {
        service,
        label: SERVICES[service].label.sv,
        activeUnits: counts.find((c) => c.service === service)?.n ?? 0,
        dataset: dataset
          ? { kind: dataset.kind, version: String(dataset.version), updatedAt: dataset.updatedAt }
          : null,
        registerUpdatedAt: dataset?.registerUpdatedAt ?? null,
        indicatorsSyncedAt: dataset?.indicatorsSyncedAt ?? null,
      };
    }),
  };
}
