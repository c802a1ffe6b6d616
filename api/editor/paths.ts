/**
 * Where the editors' page lives. The router is mounted at EDITOR_BASE (`app.route('/editor', …)`) and
 * declares ROUTES, relative to it; pages link with PATHS. Its cookies are scoped to EDITOR_BASE, so the
 * session never travels with a request to the public API.
 */
export const EDITOR_BASE = '/editor';

export const ROUTES = {
  /** "/editor/" itself: Hono joins "/editor" + "/" into "/editor", so the slash form needs its own pattern. */
  home: '/:home{.{0}}',
  signIn: '/sign-in',
  signOut: '/sign-out',
  register: '/register',
  review: '/register/review',
  publish: '/register/publish',
  download: '/register.csv',
  downloadXlsx: '/register.xlsx',
  template: '/template.xlsx',
  /** Indikatorvärden: the figures of the huvudman's units. Review and publish are uploads (see below). */
  figures: '/figures',
  figuresReview: '/register/figures/review',
  figuresPublish: '/register/figures/publish',
  kolada: '/kolada',
  koladaLink: '/kolada/link',
  koladaDismiss: '/kolada/dismiss',
  koladaRestore: '/kolada/restore',
  reports: '/reports',
  reportHandled: '/reports/handled',
  changes: '/changes',
  style: '/style.css',
} as const;

type RouteName = keyof typeof ROUTES;

export const PATHS = Object.fromEntries(
  Object.entries(ROUTES).map(([name, path]) => [name, `${EDITOR_BASE}${name === 'home' ? '/' : path}`]),
) as Record<RouteName, string>;

/** Paths of the POST routes that may carry a register or figures file or run an import: their own body limit, no timeout. */
export const EDITOR_UPLOAD_PREFIX = `${EDITOR_BASE}/register/`;
