import { Hono } from 'hono';
import { verifyToken } from '../editors/tokens';
import type { AppDeps } from '../http/context';
import { warnRejectedToken } from '../http/editor-auth';
import { rateLimit } from '../http/rate-limit';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './cookies';
import type { EditorEnv } from './guard';
import { sessionForm } from './guard';
import type { Lang } from './language';
import type { ResolvedEditorOptions } from './options';
import { renderMessage } from './pages/message';
import { renderSignIn, type SignInError } from './pages/sign-in';
import { PATHS, ROUTES } from './paths';
import { endSession, startSession } from './session';

/**
 * POST /editor/sign-in exchanges an editor token for a session; POST /editor/sign-out ends it on the
 * server. The token is read from the form body only, checked by the API's own `verifyToken`, and never
 * written anywhere: not in the page, the URL, the cookie or a log line. Wrong tokens are logged like the
 * editors' API logs them and limited per client address (only failures count).
 */
export function signInRoutes(deps: AppDeps, options: ResolvedEditorOptions) {
  const router = new Hono<EditorEnv>();
  const { session: policy } = options;
  const signInPage = (lang: Lang, error: SignInError, signedOut = false) =>
    renderSignIn(lang, {
      error,
      signedOut,
      idleMinutes: Math.round(policy.idleMs / 60_000),
      absoluteHours: Math.round(policy.absoluteMs / 3_600_000),
    });

  const limitFailures = rateLimit({
    limit: options.signInAttemptsPerMinute,
    windowMs: 60_000,
    trustProxy: options.trustProxy,
    // A successful sign-in (a redirect) does not use up the allowance; wrong keys do.
    free: (c) => c.res.status !== 401,
  });
  router.use(ROUTES.signIn, async (c, next) => {
    const limited = await limitFailures(c, next);
    if (limited instanceof Response && limited.status === 429) {
      const page = await c.html(renderMessage(c.get('lang'), null, 'tooManyAttempts'), 429);
      page.headers.set('Retry-After', limited.headers.get('Retry-After') ?? '60');
      return page;
    }
    return limited;
  });

  router.post(ROUTES.signIn, async (c) => {
    const form = await c.req.parseBody();
    const token = typeof form.token === 'string' ? form.token.trim() : '';
    const editor = await verifyToken(deps.db, token);
    if (!editor) {
      warnRejectedToken(c, token ? 'unknown or revoked token' : 'no token');
      return c.html(signInPage(c.get('lang'), token ? 'wrong' : 'missing'), 401);
    }
    const secure = c.get('secure');
    // A new id at every sign-in: a session id known before signing in is worth nothing after.
    await endSession(deps.db, readSessionCookie(c, secure));
    const started = await startSession(deps.db, editor, policy);
    setSessionCookie(c, started.id, secure, policy.absoluteMs / 1000);
    console.info(`[editor] token ${editor.tokenId} (${editor.huvudman}) signed in`);
    return c.redirect(PATHS.home, 303);
  });

  router.post(ROUTES.signOut, async (c) => {
    const secure = c.get('secure');
    if (!c.get('session')) {
      clearSessionCookie(c, secure);
      return c.redirect(PATHS.home, 303);
    }
    const submitted = await sessionForm(c);
    if (submitted instanceof Response) return submitted;
    await endSession(deps.db, readSessionCookie(c, secure));
    clearSessionCookie(c, secure);
    return c.redirect(`${PATHS.home}?signedOut=1`, 303);
  });

  return { router, signInPage };
}
