export { createMatcher, PRESETS } from './matcher';
export { comparisonForm } from './normalise';
export type { MatchCandidate, Matcher, MatchHint, MatchOptions, MatchReason, MatchResult } from './types';
