import { createMatcher, type MatchResult } from '../../shared/matching';
import type { KoladaOu } from '../kolada';
import { elderlyCareOus } from './ous';
import type { OuLink, SyncService, SyncUnit, UnlinkedOu } from './types';

export interface LinkInput {
  kommun: string;
  service: SyncService;
  /** The kommun's OUs as Kolada lists them (any kind; others are ignored). */
  ous: readonly KoladaOu[];
  /** The live units of this choice system. */
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
 * 1. The editor's kolada_ou wins, exactly, even when Kolada does not list that OU under the kommun.
 * 2. Every other OU is matched by name against the units without an editor's link, with the strict
 *    matcher, active units only. A wrong link puts one provider's results next to another's name, so
 *    anything less than one clear answer is left for an editor: no match, the matcher's "ambiguous",
 *    and two OUs that both point at the same unit (which of them is it?).
 */
export function linkOus(input: LinkInput): LinkResult {
  const ous = elderlyCareOus(input.ous, input.service);
  const titleOf = new Map(input.ous.map((ou) => [ou.id, ou.title]));
  const links: OuLink[] = [];
  const claimed = new Set<string>();
  for (const unit of input.units) {
    if (unit.service !== input.service || !unit.koladaOu) continue;
    links.push({
      unitId: unit.id,
      service: input.service,
      ou: unit.koladaOu,
      ouTitle: titleOf.get(unit.koladaOu) ?? null,
      method: 'register',
    });
    claimed.add(unit.koladaOu);
  }

  const candidates = input.units.filter(
    (u) => u.service === input.service && !u.koladaOu && u.status === 'aktiv',
  );
  const matcher = createMatcher(
    candidates.map((u) => ({
      id: u.id,
      huvudman: input.kommun,
      service: u.service,
      name: u.name,
      aliases: u.aliases,
    })),
    { huvudman: input.kommun, service: input.service, contextNames: input.contextNames, strict: true },
  );
  const results = ous
    .filter((ou) => !claimed.has(ou.id))
    .map((ou) => ({ ou, result: matcher.match(ou.title) }));

  const byUnit = new Map<string, KoladaOu[]>();
  for (const { ou, result } of results) {
    if (result.unit) byUnit.set(result.unit.id, [...(byUnit.get(result.unit.id) ?? []), ou]);
  }
  const nameOf = new Map(candidates.map((u) => [u.id, u.name]));
  const unlinked: UnlinkedOu[] = [];
  for (const { ou, result } of results) {
    const rivals = result.unit ? (byUnit.get(result.unit.id) ?? []) : [];
    if (result.unit && rivals.length === 1) {
      links.push({
        unitId: result.unit.id,
        service: input.service,
        ou: ou.id,
        ouTitle: ou.title,
        method: 'name',
      });
    } else {
      unlinked.push(
        unlinkedOu(ou, input.service, result, rivals.length > 1 ? nameOf.get(result.unit!.id) : undefined),
      );
    }
  }
  return { links, unlinked };
}

function unlinkedOu(
  ou: KoladaOu,
  service: SyncService,
  result: MatchResult,
  sharedUnit?: string,
): UnlinkedOu {
  if (sharedUnit !== undefined) {
    return { ou: ou.id, service, title: ou.title, reason: 'ambiguous', candidates: [sharedUnit] };
  }
  return {
    ou: ou.id,
    service,
    title: ou.title,
    reason: result.reason === 'ambiguous' ? 'ambiguous' : 'no_match',
    candidates: [],
  };
}
