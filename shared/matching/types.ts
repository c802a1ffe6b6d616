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

export type MatchReason =
  | 'hsa_id'
  | 'register_id'
  | 'name'
  | 'alias'
  /** Provider list: the kommun's name or "kommunen" with service words, and the kommun has one own unit. */
  | 'egen_regi'
  /** Provider list: a short form (a brand without the rest, everyday words) that only this unit fits. */
  | 'short_form'
  /** Provider list: a brand several units share, and nothing else: `group` lists them all, `unit` is null. */
  | 'shared_name'
  | 'below_threshold'
  | 'ambiguous'
  /** Chrome or running text that names only the kommun (its name, "kommunen", service words). */
  | 'kommun_only'
  | 'no_candidates'
  /** The text is empty, or mostly digits (a date, a phone number). */
  | 'not_a_name'
  /** The name part is longer than any listing name (characters or words): refused unread. */
  | 'too_long'
  /** Matching this text against this list would cost more than one text may: refused. */
  | 'work_limit';

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

/** Work done, in units: characters read, typo forms built, edit-distance cells, name words scored. */
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
