export { createMatcher, PRESETS } from './matcher';
export { normaliseName } from './normalise';
export type { MatchCandidate, Matcher, MatchHint, MatchOptions, MatchReason, MatchResult } from './types';
