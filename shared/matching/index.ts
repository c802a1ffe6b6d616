export { createMatcher, PRESETS } from './matcher';
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
