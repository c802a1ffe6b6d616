export { createMatcher, PRESETS } from './matcher';
export { namePart } from './name-part';
export { comparisonForm } from './normalise';
export type {
  MatchCandidate,
  MatchContext,
  Matcher,
  MatchHint,
  MatchOptions,
  MatchReason,
  MatchResult,
  MatchWork,
} from './types';
export { MATCH_REASONS } from './types';
