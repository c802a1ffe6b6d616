import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { editorReviews, editorSessions } from '../../api/db/schema';
import {
  endSession,
  findSession,
  hashSessionId,
  type SessionPolicy,
  startSession,
  sweepSessions,
} from '../../api/editor/session';
import { createToken, revokeToken, verifyToken } from '../../api/editors/tokens';
import { editorClient, visibleText } from './editor-helpers';
import { createTestDb, testApp } from './helpers';

const POLICY: SessionPolicy = { idleMs: 30 * 60_000, absoluteMs: 8 * 3_600_000, touchAfterMs: 60_000 };
const T0 = new Date('2026-11-23T08:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('editor sessions (the module)', async () => {
  const db = await createTestDb();
  const created = await createToken(db, '0581', 'Norrköping, äldreomsorg');
  const editor = (await verifyToken(db, created.token))!;

  it('stores only a hash of the session id, and finds the editor by the id', async () => {
    const { id } = await startSession(db, editor, POLICY, T0);
    expect(id).toMatch(/^s_[A-Za-z0-9_-]{43}$/);
    const rows = await db.select().from(editorSessions).all();
    expect(JSON.stringify(rows)).not.toContain(id);
    expect(rows.map((r) => r.idHash)).toContain(hashSessionId(id));
    const found = await findSession(db, id, POLICY, at(1000));
    expect(found?.editor).toEqual(editor);
    expect(found?.huvudmanName).toBe('Norrköpings kommun');
  });

  it('finds nothing for a missing, malformed or unknown id', async () => {
    expect(await findSession(db, undefined, POLICY, T0)).toBeNull();
    expect(await findSession(db, 'garbage', POLICY, T0)).toBeNull();
    expect(await findSession(db, `s_${'A'.repeat(43)}`, POLICY, T0)).toBeNull();
    expect(await findSession(db, created.token, POLICY, T0)).toBeNull();
  });

  it('ends a session that is idle for the idle time, and deletes it', async () => {
    const { id } = await startSession(db, editor, POLICY, T0);
    expect(await findSession(db, id, POLICY, at(POLICY.idleMs - 1))).not.toBeNull();
    const fresh = await startSession(db, editor, POLICY, T0);
    expect(await findSession(db, fresh.id, POLICY, at(POLICY.idleMs))).toBeNull();
    expect(
      await db
        .select()
        .from(editorSessions)
        .where(eq(editorSessions.idHash, hashSessionId(fresh.id)))
        .get(),
    ).toBeUndefined();
  });

  it('keeps a session in use alive past the idle time, but never past the absolute time', async () => {
    const { id } = await startSession(db, editor, POLICY, T0);
    // Used every 20 minutes: each use moves the idle deadline on.
    for (let t = 20 * 60_000; t < POLICY.absoluteMs; t += 20 * 60_000) {
      expect(await findSession(db, id, POLICY, at(t)), `at ${t / 60_000} min`).not.toBeNull();
    }
    expect(await findSession(db, id, POLICY, at(POLICY.absoluteMs))).toBeNull();
  });

  it('writes the last use at most once per touch interval', async () => {
    const { id } = await startSession(db, editor, POLICY, T0);
    const lastSeen = async () =>
      (await db
        .select()
        .from(editorSessions)
        .where(eq(editorSessions.idHash, hashSessionId(id)))
        .get())!.lastSeenAt;
    await findSession(db, id, POLICY, at(POLICY.touchAfterMs - 1));
    expect(await lastSeen()).toBe(T0.toISOString());
    await findSession(db, id, POLICY, at(POLICY.touchAfterMs));
    expect(await lastSeen()).toBe(at(POLICY.touchAfterMs).toISOString());
  });

  it("ends a revoked token's sessions at their next use", async () => {
    const other = await createToken(db, '0581', 'Norrköping, tillfällig');
    const otherEditor = (await verifyToken(db, other.token))!;
    const { id } = await startSession(db, otherEditor, POLICY, T0);
    expect(await findSession(db, id, POLICY, at(1000))).not.toBeNull();
    await revokeToken(db, other.id);
    expect(await findSession(db, id, POLICY, at(2000))).toBeNull();
    expect(
      await db
        .select()
        .from(editorSessions)
        .where(eq(editorSessions.idHash, hashSessionId(id)))
        .get(),
    ).toBeUndefined();
  });

  it('ends a session with its pending review on sign-out', async () => {
    const { id } = await startSession(db, editor, POLICY, T0);
    await db.insert(editorReviews).values({
      sessionHash: hashSessionId(id),
      fileName: 'register.csv',
      bytes: Buffer.from('x'),
      sha256: 'x',
      registerState: 'x',
      reviewedAt: T0.toISOString(),
    });
    await endSession(db, id);
    expect(await findSession(db, id, POLICY, at(1000))).toBeNull();
    expect(
      await db
        .select()
        .from(editorReviews)
        .where(eq(editorReviews.sessionHash, hashSessionId(id)))
        .get(),
    ).toBeUndefined();
  });

  it('sweeps expired sessions and keeps live ones', async () => {
    const old = await startSession(db, editor, POLICY, at(-POLICY.absoluteMs - 1));
    const idle = await startSession(db, editor, POLICY, at(-POLICY.idleMs - 1));
    const live = await startSession(db, editor, POLICY, T0);
    await sweepSessions(db, POLICY, at(1000));
    const left = new Set((await db.select().from(editorSessions).all()).map((r) => r.idHash));
    expect(left.has(hashSessionId(old.id))).toBe(false);
    expect(left.has(hashSessionId(idle.id))).toBe(false);
    expect(left.has(hashSessionId(live.id))).toBe(true);
  });
});

describe('signing in and out of /editor/', async () => {
  const db = await createTestDb({ demo: true });
  const created = await createToken(db, '0581', 'Norrköping, äldreomsorg');
  const app = testApp(db);

  it('shows the sign-in form with the field "Inloggningsnyckel" and the button "Logga in"', async () => {
    const res = await app.request('/editor/');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toMatch(/<label for="token">Inloggningsnyckel<\/label>/);
    expect(page).toMatch(/<input type="password" id="token" name="token"/);
    expect(page).toMatch(/<button type="submit">Logga in<\/button>/);
    expect(page).toContain('<form method="post" action="/editor/sign-in">');
    expect((await app.request('/editor')).headers.get('location')).toBe('/editor/');
  });

  it('exchanges the token for an HttpOnly, SameSite=Strict cookie scoped to /editor, and never shows the token', async () => {
    const res = await app.request('/editor/sign-in', {
      method: 'POST',
      body: new URLSearchParams({ token: created.token }),
      headers: { Origin: 'http://localhost' },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/editor/');
    const [cookie] = res.headers.getSetCookie();
    expect(cookie).toMatch(/^editor_session=s_[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\/editor(;|$)/);
    expect(cookie).toMatch(/; Max-Age=28800/);
    expect(cookie).not.toMatch(/Secure/);
    expect(cookie).not.toContain(created.token);
    expect(await res.text()).not.toContain(created.token);

    const home = await app.request('/editor/', { headers: { Cookie: cookie!.split(';')[0]! } });
    const page = await home.text();
    expect(visibleText(page)).toContain(
      'Inloggad med nyckeln Norrköping, äldreomsorg för Norrköpings kommun (0581)',
    );
    expect(page).not.toContain(created.token);
    expect(home.headers.get('cache-control')).toBe('no-store');
  });

  it('sets a Secure, __Secure- prefixed cookie under https (directly or behind a trusted proxy)', async () => {
    const direct = await app.request('https://localhost/editor/sign-in', {
      method: 'POST',
      body: new URLSearchParams({ token: created.token }),
      headers: { Origin: 'https://localhost' },
    });
    expect(direct.status).toBe(303);
    const [cookie] = direct.headers.getSetCookie();
    expect(cookie).toMatch(/^__Secure-editor_session=s_/);
    expect(cookie).toMatch(/; Secure/);
    // The __Secure- cookie is the one read back under https.
    const home = await app.request('https://localhost/editor/', {
      headers: { Cookie: cookie!.split(';')[0]! },
    });
    expect(await home.text()).toContain('Logga ut');

    const proxied = testApp(db, { TRUST_PROXY: true });
    const behind = await proxied.request('http://10.0.0.5:8787/editor/sign-in', {
      method: 'POST',
      body: new URLSearchParams({ token: created.token }),
      headers: {
        Origin: 'https://utforarkollen.example',
        'X-Forwarded-Proto': 'https',
        'X-Forwarded-Host': 'utforarkollen.example',
      },
    });
    expect(behind.status).toBe(303);
    expect(behind.headers.getSetCookie()[0]).toMatch(/^__Secure-editor_session=.*; Secure/);
  });

  it('answers a wrong token with 401 and the form again, logs the address but never the token', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const wrong = `uk_${'x'.repeat(43)}`;
    const res = await app.request('/editor/sign-in', {
      method: 'POST',
      body: new URLSearchParams({ token: wrong }),
      headers: { Origin: 'http://localhost' },
    });
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie()).toEqual([]);
    const page = await res.text();
    expect(visibleText(page)).toContain('Inloggningsnyckeln stämmer inte');
    expect(page).toContain('aria-invalid="true"');
    expect(page).not.toContain(wrong);
    const logged = warn.mock.calls.map((call) => call.join(' '));
    expect(logged).toContainEqual(
      expect.stringMatching(/^\[admin\] rejected POST \/editor\/sign-in from .*: unknown or revoked token$/),
    );
    expect(logged.join('\n')).not.toContain(wrong);
    warn.mockRestore();
  });

  it('limits wrong tokens per address (a right one does not count), with an HTML 429 and Retry-After', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const limited = testApp(db, {});
    const attempt = (token: string) =>
      limited.request('/editor/sign-in', {
        method: 'POST',
        body: new URLSearchParams({ token }),
        headers: { Origin: 'http://localhost' },
      });
    for (let i = 0; i < 5; i++) expect((await attempt(created.token)).status).toBe(303);
    for (let i = 0; i < 10; i++) expect((await attempt('uk_wrong')).status).toBe(401);
    const refused = await attempt('uk_wrong');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('content-type')).toMatch(/^text\/html/);
    expect(visibleText(await refused.text())).toContain('För många försök');
    // The limit holds for the right token too: a guesser cannot keep going by mixing in a right one.
    expect((await attempt(created.token)).status).toBe(429);
  });

  it('"Logga ut" ends the session on the server: the old cookie no longer signs anyone in', async () => {
    const browser = editorClient(app);
    await browser.signIn(created.token);
    const oldCookie = browser.cookie!;
    const before = (await db.select().from(editorSessions).all()).length;
    const res = await browser.post('/editor/sign-out', { _csrf: await browser.formToken() });
    expect(res.status).toBe(303);
    expect(browser.cookie).toBeNull();
    expect((await db.select().from(editorSessions).all()).length).toBe(before - 1);
    const replay = await app.request('/editor/register', { headers: { Cookie: oldCookie } });
    expect(replay.status).toBe(303);
    expect(replay.headers.get('location')).toBe('/editor/');
    const signedOut = await (await app.request('/editor/?signedOut=1')).text();
    expect(visibleText(signedOut)).toContain('Du är utloggad');
  });

  it('sends a visitor without a session from every editor page to the sign-in page', async () => {
    for (const path of [
      '/editor/register',
      '/editor/register.csv',
      '/editor/kolada',
      '/editor/reports',
      '/editor/changes',
    ]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location'), path).toBe('/editor/');
    }
  });

  it('offers English with ?lang=en and remembers it, without script', async () => {
    const res = await app.request('/editor/?lang=en');
    const page = await res.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toMatch(/<label for="token">Sign-in key<\/label>/);
    expect(page).toContain('href="/editor/?lang=sv"');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('editor_lang='))!;
    expect(cookie).toMatch(/Path=\/editor/);
    const again = await app.request('/editor/', { headers: { Cookie: cookie.split(';')[0]! } });
    expect(await again.text()).toContain('<html lang="en">');
  });
});
