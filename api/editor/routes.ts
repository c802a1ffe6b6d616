import { Hono } from 'hono';
import type { AppDeps } from '../http/context';
import { isDatabaseUnavailable } from '../http/db-health';
import { rateLimit } from '../http/rate-limit';
import { loadOverview } from '../queries/editor-overview';
import { activityRoutes } from './activity-routes';
import { figuresRoutes } from './figures-routes';
import { type EditorEnv, editorContext, sameOriginForms } from './guard';
import { koladaRoutes } from './kolada-routes';
import { type EditorOptions, resolveEditorOptions } from './options';
import { renderHome } from './pages/home';
import { renderMessage } from './pages/message';
import { EDITOR_CSS } from './pages/style';
import { PATHS, ROUTES } from './paths';
import { registerRoutes } from './register-routes';
import { signInRoutes } from './sign-in-routes';

export type { EditorOptions } from './options';

/**
 * The editors' web page, mounted with `app.route('/editor', editorRoutes(deps, options))`: server-rendered
 * forms that work without any script, in Swedish (English with ?lang=en), for the editors of one kommun
 * or region, signed in with their editor token.
 */
export function editorRoutes(deps: AppDeps, options: EditorOptions = {}) {
  const resolved = resolveEditorOptions(options);
  const router = new Hono<EditorEnv>();

  // The stylesheet needs no session: served before the session is looked up.
  router.get(ROUTES.style, (c) =>
    c.body(EDITOR_CSS, 200, {
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
    }),
  );
  router.use('*', rateLimit({ limit: resolved.requestsPerMinute, trustProxy: resolved.trustProxy }));
  router.use('*', editorContext(deps.db, { policy: resolved.session, trustProxy: resolved.trustProxy }));
  router.use('*', sameOriginForms({ trustProxy: resolved.trustProxy }));

  const signIn = signInRoutes(deps, resolved);
  router.get('/', (c) => c.redirect(PATHS.home, 308));
  router.get(ROUTES.home, async (c) => {
    const session = c.get('session');
    if (!session) return c.html(signIn.signInPage(c.get('lang'), null, c.req.query('signedOut') === '1'));
    return c.html(renderHome(c.get('lang'), session, await loadOverview(deps.db, session.editor.huvudman)));
  });
  router.route('/', signIn.router);
  router.route('/', registerRoutes(deps));
  router.route('/', figuresRoutes(deps));
  router.route('/', koladaRoutes(deps));
  router.route('/', activityRoutes(deps));
  router.all('*', (c) => c.html(renderMessage(c.get('lang'), c.get('session'), 'notFound'), 404));

  router.onError((error, c) => {
    const lang = c.get('lang') ?? 'sv';
    const session = c.get('session') ?? null;
    if (isDatabaseUnavailable(error)) {
      c.header('Retry-After', '5');
      return c.html(renderMessage(lang, session, 'unavailable'), 503);
    }
    console.error(`[editor] ${c.req.method} ${c.req.path}:`, error);
    return c.html(renderMessage(lang, session, 'error'), 500);
  });
  return router;
}
