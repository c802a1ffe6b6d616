import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';
import { EDITOR_BASE } from './paths';

/**
 * The editors' page's cookies, with Hono's cookie helpers. The session cookie is HttpOnly (no script
 * can read it), SameSite=Strict (no other site's page or link sends it), scoped to /editor (the public
 * API never sees it) and, under https, Secure with the `__Secure-` prefix.
 */

const SESSION = 'editor_session';
const LANGUAGE = 'editor_lang';

/** Whether the browser sees this page over https: the URL, or behind a trusted proxy its X-Forwarded-Proto. */
export function isHttps(c: Context, trustProxy = false): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

function sessionOptions(secure: boolean, maxAgeSeconds: number): CookieOptions {
  return {
    path: EDITOR_BASE,
    httpOnly: true,
    sameSite: 'Strict',
    secure,
    maxAge: maxAgeSeconds,
    ...(secure ? { prefix: 'secure' as const } : {}),
  };
}

export function readSessionCookie(c: Context, secure: boolean): string | undefined {
  return getCookie(c, SESSION, secure ? 'secure' : undefined);
}

export function setSessionCookie(c: Context, id: string, secure: boolean, maxAgeSeconds: number): void {
  setCookie(c, SESSION, id, sessionOptions(secure, Math.max(1, Math.floor(maxAgeSeconds))));
}

export function clearSessionCookie(c: Context, secure: boolean): void {
  setCookie(c, SESSION, '', sessionOptions(secure, 0));
}

/** The language chosen with the "In English" / "På svenska" link, remembered for a year. */
export function readLanguageCookie(c: Context): string | undefined {
  return getCookie(c, LANGUAGE);
}

export function setLanguageCookie(c: Context, lang: string, secure: boolean): void {
  setCookie(c, LANGUAGE, lang, {
    path: EDITOR_BASE,
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    maxAge: 365 * 24 * 3600,
  });
}
