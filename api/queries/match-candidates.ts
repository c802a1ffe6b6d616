import { and, eq } from 'drizzle-orm';
import type { Service } from '../../shared/domain';
import type { MatchCandidate } from '../../shared/matching';
import type { Database } from '../db/client';
import { units } from '../db/schema';
import { huvudmanByCode } from './huvudman';

/**
 * What the matcher needs for one huvudman (and service, when given): its names, which appear in
 * listing texts ("Norrköpings kommun hemtjänst"), and its active units. Null when no kommun or region
 * has the code.
 */
export async function loadMatchCandidates(db: Database, huvudmanCode: string, service?: Service) {
  const owner = await huvudmanByCode(db, huvudmanCode);
  if (!owner) return null;
  const rows = await db
    .select()
    .from(units)
    .where(
      and(
        eq(units.huvudman, huvudmanCode),
        eq(units.status, 'aktiv'),
        service ? eq(units.service, service) : undefined,
      ),
    )
    .all();
  const candidates: MatchCandidate[] = rows.map((u) => ({
    id: u.id,
    huvudman: u.huvudman,
    service: u.service,
    name: u.name,
    aliases: u.aliases,
    hsaId: u.hsaId,
    registerId: u.registerId,
    regi: u.regi,
  }));
  return { owner, candidates };
}
