/**
 * The overlay on kommun and 1177 pages, as the content script uses it. Its parts:
 * page-views.ts (one AbortController per page view, re-runs), run.ts (one page view, start to
 * teardown), hosts.ts (shadow-root hosts), batches.ts (the frame-by-frame scheduler), badges.ts (one
 * batch of badges), late-content.ts (the observer), actions.ts and app.tsx (details dialog and entry
 * point), model.ts (state), marks.ts (bench marks).
 */
export type { OverlayEnv, OverlayHandle } from './env';
export { OWN_ATTRIBUTE, UNIT_ATTRIBUTE } from './hosts';
export { mark } from './marks';
export { createPageViews } from './page-views';
export { runOverlay } from './run';
