import type { Context, MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import type { Database } from '../db/client';
import { isHttps, readSessionCookie } from './cookies';
import { chooseLanguage, type Lang } from './language';
import { renderMessage } from './pages/message';
import { PATHS } from './paths';
import { type EditorSession, findSession, isFormTokenOf, type SessionPolicy } from './session';

export type EditorEnv = {
  Variables: { lang: Lang; secure: boolean; session: EditorSession | null };
};
export type EditorContext = Context<EditorEnv>;

/**
 * The pages' own policy: nothing runs (no script at all), styles only from /editor/style.css, forms
 * only to this origin, never framed. Set here, so the API's policy for JSON stays as it is.
 */
export const EDITOR_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; " +
  "base-uri 'none'; script-src 'none'; object-src 'none'";

/** Language, https, the signed-in session (or null), and the headers every editor response carries. */
export function editorContext(
  db: Database,
  options: { policy: SessionPolicy; trustProxy: boolean },
): MiddlewareHandler<EditorEnv> {
  return async (c, next) => {
    const secure = isHttps(c, options.trustProxy);
    c.set('secure', secure);
    c.set('lang', chooseLanguage(c, secure));
    c.set('session', await findSession(db, readSessionCookie(c, secure), options.policy));
    await next();
    c.res.headers.set('Content-Security-Policy', EDITOR_CSP);
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  };
}

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/** The origin the browser sees: the request's own, or behind a trusted proxy its forwarded host and scheme. */
function publicOrigin(c: Context, trustProxy: boolean): string {
  const own = new URL(c.req.url);
  if (!trustProxy) return own.origin;
  const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim();
  const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
  return host ? `${proto === 'https' ? 'https' : 'http'}://${host}` : own.origin;
}

/**
 * Cross-site request forgery, first line: a state-changing request must be one of the page's own
 * forms, sent from this origin. `hono/csrf` checks Sec-Fetch-Site and Origin; a request that is no form
 * at all is refused too, so no content type slips past the check. Both answer 403. (The second line is
 * the session's form token, checked by `sessionForm`; the third, SameSite=Strict on the cookie.)
 */
export function sameOriginForms(options: { trustProxy: boolean }): MiddlewareHandler<EditorEnv> {
  const check = csrf({ origin: (origin, c) => origin === publicOrigin(c, options.trustProxy) });
  return async (c, next) => {
    if (/^(GET|HEAD|OPTIONS)$/.test(c.req.method)) return next();
    let allowed = false;
    if (FORM_TYPES.test(c.req.header('content-type') ?? '')) {
      try {
        await check(c, async () => {
          allowed = true;
        });
      } catch {
        allowed = false;
      }
    }
    if (!allowed) {
      console.warn(
        `[editor] refused ${c.req.method} ${c.req.path}: not a form from this origin (origin ${c.req.header('origin') ?? 'none'}, sec-fetch-site ${c.req.header('sec-fetch-site') ?? 'none'})`,
      );
      return c.html(renderMessage(c.get('lang'), c.get('session'), 'crossOrigin'), 403);
    }
    return next();
  };
}

export type SessionForm = { session: EditorSession; form: Record<string, string | File | (string | File)[]> };

/**
 * The submitted form of a signed-in editor, or the answer to send instead: 401 when the session is
 * gone (expired, signed out, token revoked), 403 when the form does not carry the session's form token.
 */
export async function sessionForm(c: Context<EditorEnv>): Promise<SessionForm | Response> {
  const session = c.get('session');
  const lang = c.get('lang');
  if (!session) return c.html(renderMessage(lang, null, 'signedOut'), 401);
  const form = await c.req.parseBody({ all: true });
  if (!isFormTokenOf(session, form._csrf)) {
    console.warn(
      `[editor] refused ${c.req.method} ${c.req.path} for token ${session.editor.tokenId}: wrong form token`,
    );
    return c.html(renderMessage(lang, session, 'formToken'), 403);
  }
  return { session, form };
}

/** GET pages behind sign-in: without a session, the sign-in page. */
export function requireSession(): MiddlewareHandler<EditorEnv> {
  return async (c, next) => {
    if (!c.get('session')) return c.redirect(PATHS.home, 303);
    return next();
  };
}

/** A form field as one string ('' when missing or a file). */
export function field(form: SessionForm['form'], name: string): string {
  const value = form[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}
