import { createMatcher, type MatchResult } from '../../shared/matching';
import type { ElderlyOu, OuLink, SyncService, SyncUnit, UnlinkedOu } from './types';

export interface LinkInput {
  kommun: string;
  service: SyncService;
  /** The kommun's elderly-care OUs as Kolada lists them (others are ignored). */
  ous: readonly ElderlyOu[];
  /** The register's live units of this choice system. */
  units: readonly SyncUnit[];
  /** The kommun's own names, context for the matcher ("Norrköping", "Norrköpings kommun"). */
  contextNames: readonly string[];
}

export interface LinkResult {
  links: OuLink[];
  unlinked: UnlinkedOu[];
}

/**
 * Links the kommun's OUs of one service to its register units. Pure.
 *
 * 1. The editor's kolada_ou wins, exactly, each of its OUs, even one Kolada does not list under the kommun.
 * 2. Every other OU is matched by its title against the active units without an editor's link, with
 *    the strict matcher. A unit may get several OUs (a provider with several survey units): each one
 *    whose title clearly names that unit and no other. Anything less than one clear answer is left for
 *    an editor: no match, or the matcher's "ambiguous". A wrong link puts one provider's results next
 *    to another's name, so no guess is made.
 */
export function linkOus(input: LinkInput): LinkResult {
  const ous = input.ous.filter((ou) => ou.service === input.service);
  const titleOf = new Map(ous.map((ou) => [ou.id, ou.title]));
  const links: OuLink[] = [];
  const claimed = new Set<string>();
  for (const unit of input.units) {
    if (unit.service !== input.service) continue;
    for (const ou of unit.koladaOu) {
      links.push({
        unitId: unit.id,
        service: input.service,
        ou,
        ouTitle: titleOf.get(ou) ?? null,
        method: 'register',
      });
      claimed.add(ou);
    }
  }

  const candidates = input.units.filter(
    (u) => u.service === input.service && u.koladaOu.length === 0 && u.status === 'aktiv',
  );
  const matcher = createMatcher(
    candidates.map((u) => ({
      id: u.id,
      huvudman: input.kommun,
      service: u.service,
      name: u.name,
      aliases: [...u.aliases],
    })),
    { huvudman: input.kommun, service: input.service, contextNames: input.contextNames, strict: true },
  );
  const unlinked: UnlinkedOu[] = [];
  for (const ou of ous) {
    if (claimed.has(ou.id)) continue;
    const result = matcher.match(ou.title);
    if (result.unit) {
      links.push({
        unitId: result.unit.id,
        service: input.service,
        ou: ou.id,
        ouTitle: ou.title,
        method: 'name',
      });
    } else {
      unlinked.push(unlinkedOu(ou, input.service, result));
    }
  }
  return { links, unlinked };
}

function unlinkedOu(ou: ElderlyOu, service: SyncService, result: MatchResult): UnlinkedOu {
  return {
    ou: ou.id,
    service,
    title: ou.title,
    reason: result.reason === 'ambiguous' ? 'ambiguous' : 'no_match',
    // The matcher does not say between which units it hesitated.
    candidates: [],
  };
}
