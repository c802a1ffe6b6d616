/** A unit that a text may name. Only candidates of the chosen huvudman (and service) are ever matched. */
export interface MatchCandidate {
  id: string;
  huvudman: string;
  service?: string;
  name: string;
  aliases?: readonly string[];
  hsaId?: string | null;
  registerId?: string | null;
  /**
   * The register's regi ("egen_regi", "privat", "ideburen"), or null when unknown (a Kolada baseline
   * unit). "egen_regi" marks the kommun's own provider; with null, a name made only of the kommun's
   * name, "kommun" and service words does.
   */
  regi?: string | null;
}

export interface MatchOptions {
  /** Kommun code (4 digits) or region code (2 digits): candidates of any other huvudman are ignored. */
  huvudman: string;
  /** When given, candidates of another service are ignored (candidates without a service are kept). */
  service?: string;
  /** The huvudman's own names, e.g. ['Norrköping', 'Norrköpings kommun']: context, not identity. */
  contextNames?: readonly string[];
  /** Higher threshold and wider margin, for unattended linking (the Kolada sync). */
  strict?: boolean;
}

/**
 * Where a text sits on the page, as the caller knows it.
 * - "provider-list": an item of the page's list of providers (the same list, table, card grid,
 *   definition list or accordion as the other listings). Only here do the kommun's name alone, a
 *   short form of everyday words and a chain's brand alone name units.
 * - "running-text": a sentence of a paragraph; "chrome": header, logo, breadcrumbs, footer,
 *   navigation, contact boxes. Neither ever names the kommun's own unit by the kommun's name.
 * Without a context, the matcher keeps to the rules every context shares.
 */
export type MatchContext = 'provider-list' | 'running-text' | 'chrome';

/**
 * Why a result is what it is:
 * - hsa_id, register_id: an id given as a hint (or an HSA id as the whole text) names the unit;
 * - name, alias: the best name or alias scored high enough, clearly ahead of the next unit;
 * - egen_regi: provider list only: the kommun's name or "kommunen" with service words, and the
 *   kommun has one own unit in the list;
 * - short_form: provider list only: a short form (a brand without the rest, everyday words) that
 *   only this unit fits;
 * - shared_name: provider list only: a brand several units share, and nothing else: `group` lists
 *   them all, `unit` is null;
 * - below_threshold: nothing scored high enough, or only everyday words and not the whole name;
 * - ambiguous: two units fit about equally well (or the text names several providers);
 * - kommun_only: chrome or running text that names only the kommun (its name, "kommunen", service
 *   words): the page's own header, not a listing;
 * - no_candidates: the huvudman (and service) has no units;
 * - not_a_name: empty, or more digits than letters (a date, a phone number);
 * - too_long: the name part is longer than any listing name (characters or words): refused unread;
 * - work_limit: matching this text against this list would cost more than one text may: refused.
 */
export const MATCH_REASONS = [
  'hsa_id',
  'register_id',
  'name',
  'alias',
  'egen_regi',
  'short_form',
  'shared_name',
  'below_threshold',
  'ambiguous',
  'kommun_only',
  'no_candidates',
  'not_a_name',
  'too_long',
  'work_limit',
] as const;
export type MatchReason = (typeof MATCH_REASONS)[number];

export interface MatchResult {
  text: string;
  unit: { id: string; name: string } | null;
  /** 0..1; for a null result, the best score that was not good enough. */
  score: number;
  reason: MatchReason;
  /** With reason "shared_name" only: every unit the shared name names, in Swedish alphabetical order. */
  group?: { id: string; name: string }[];
}

export interface MatchHint {
  hsaId?: string | null;
  registerId?: string | null;
  /** Where the text sits; none: as safe as the strictest reading. */
  context?: MatchContext;
}

/**
 * Work done, in units: words read, typo forms built, edit-distance cells, name words scored. Reading
 * the characters is not counted: it is linear and bounded (limits.ts).
 */
export interface MatchWork {
  /** By createMatcher. */
  build: number;
  /** By every match call since the matcher was built. */
  match: number;
}

export interface Matcher {
  match(text: string, hint?: MatchHint): MatchResult;
  /** Each text with the same hint (e.g. one context for a whole list). */
  matchAll(texts: readonly string[], hint?: MatchHint): MatchResult[];
  /** The work counted so far (deterministic; for tests and benchmarks). */
  work(): MatchWork;
}
