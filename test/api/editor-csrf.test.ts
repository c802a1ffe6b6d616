import { describe, expect, it, vi } from 'vitest';
import { editorSessions } from '../../api/db/schema';
import { createToken } from '../../api/editors/tokens';
import { editorClient, visibleText } from './editor-helpers';
import { createTestDb, testApp } from './helpers';

const CROSS_SITE = { Origin: 'https://angripare.example', 'Sec-Fetch-Site': 'cross-site' };

describe('cross-site request forgery on /editor/', async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'info').mockImplementation(() => {});
  const db = await createTestDb({ demo: true });
  const created = await createToken(db, '0581', 'Norrköping, äldreomsorg');
  const app = testApp(db);
  const browser = editorClient(app);
  await browser.signIn(created.token);
  const formToken = await browser.formToken();
  const sessions = async () => (await db.select().from(editorSessions).all()).length;

  const POSTS: [string, Record<string, string>][] = [
    ['/editor/sign-out', { _csrf: formToken }],
    ['/editor/register/review', { _csrf: formToken }],
    ['/editor/register/publish', { _csrf: formToken, review: 'x' }],
    ['/editor/kolada/link', { _csrf: formToken, ou: 'V21E058199999', unitId: 'u_x' }],
    ['/editor/kolada/dismiss', { _csrf: formToken, ou: 'V21E058199999' }],
    ['/editor/kolada/restore', { _csrf: formToken, ou: 'V21E058199999' }],
    ['/editor/reports/handled', { _csrf: formToken, id: '1' }],
  ];

  it.each(POSTS)(
    'refuses a cross-origin form POST to %s with 403, even with the cookie and form token',
    async (path, fields) => {
      const before = await sessions();
      const res = await browser.post(path, fields, { headers: CROSS_SITE });
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(visibleText(await res.text())).toContain('Förfrågan stoppades');
      expect(await sessions()).toBe(before);
    },
  );

  it('refuses a cross-origin sign-in (no session is forced on the visitor)', async () => {
    const res = await app.request('/editor/sign-in', {
      method: 'POST',
      body: new URLSearchParams({ token: created.token }),
      headers: CROSS_SITE,
    });
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('refuses a form with neither Origin nor Sec-Fetch-Site, and accepts Sec-Fetch-Site: same-origin alone', async () => {
    const bare = await app.request('/editor/sign-in', {
      method: 'POST',
      body: new URLSearchParams({ token: created.token }),
    });
    expect(bare.status).toBe(403);
    const fetchMetadata = await app.request('/editor/sign-in', {
      method: 'POST',
      body: new URLSearchParams({ token: created.token }),
      headers: { 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(fetchMetadata.status).toBe(303);
  });

  it('refuses a POST that is no form at all, even from the same origin', async () => {
    for (const type of ['application/json', 'text/plain', 'application/octet-stream']) {
      const res = await app.request('/editor/sign-out', {
        method: 'POST',
        body: JSON.stringify({ _csrf: formToken }),
        headers: { 'Content-Type': type, Origin: 'http://localhost', Cookie: browser.cookie! },
      });
      expect(res.status, type).toBe(403);
    }
    expect(await (await browser.get('/editor/')).text()).toContain('Logga ut');
  });

  it("refuses a same-origin form without the session's form token, or with another session's", async () => {
    const other = editorClient(app);
    await other.signIn(created.token);
    const otherToken = await other.formToken();
    expect(otherToken).not.toBe(formToken);
    for (const fields of [{}, { _csrf: '' }, { _csrf: 'x'.repeat(43) }, { _csrf: otherToken }] as Record<
      string,
      string
    >[]) {
      const res = await browser.post('/editor/sign-out', fields);
      expect(res.status, JSON.stringify(fields)).toBe(403);
      expect(visibleText(await res.text())).toContain('Formuläret är för gammalt');
    }
    expect(await (await browser.get('/editor/')).text()).toContain('Logga ut');
  });

  it('trusts X-Forwarded-Host only when told to: an attacker cannot name their own origin', async () => {
    const spoofed = {
      Origin: 'https://angripare.example',
      'X-Forwarded-Host': 'angripare.example',
      'X-Forwarded-Proto': 'https',
    };
    const res = await app.request('/editor/sign-in', {
      method: 'POST',
      body: new URLSearchParams({ token: created.token }),
      headers: spoofed,
    });
    expect(res.status).toBe(403);
  });

  it('gives the pages a policy under which nothing runs and forms go only to this origin; JSON keeps its own', async () => {
    const page = await browser.get('/editor/');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await page.text();
    expect(html).not.toMatch(/<script|\son[a-z]+=|style="/i);
    const api = await app.request('/v1/kommuner/0581');
    expect(api.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    const css = await app.request('/editor/style.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  });
});
