/** A unit that a text may name. Only candidates of the chosen huvudman (and service) are ever matched. */
export interface MatchCandidate {
  id: string;
  huvudman: string;
  service?: string;
  name: string;
  aliases?: readonly string[];
  hsaId?: string | null;
  registerId?: string | null;
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

export type MatchReason =
  | 'hsa_id'
  | 'register_id'
  | 'name'
  | 'alias'
  | 'below_threshold'
  | 'ambiguous'
  | 'no_candidates'
  /** The text is empty, or mostly digits (a date, a phone number). */
  | 'not_a_name';

export interface MatchResult {
  text: string;
  unit: { id: string; name: string } | null;
  /** 0..1; for a null result, the best score that was not good enough. */
  score: number;
  reason: MatchReason;
}

export interface MatchHint {
  hsaId?: string | null;
  registerId?: string | null;
}

export interface Matcher {
  match(text: string, hint?: MatchHint): MatchResult;
  matchAll(texts: readonly string[]): MatchResult[];
}
