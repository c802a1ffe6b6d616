import { describe, expect, it, vi } from 'vitest';
import { createToken, revokeToken } from '../../api/editors/tokens';
import { createTestDb, testApp } from '../api/helpers';
import { tally } from './tally';

describe('every /v1/admin route, as listed in the OpenAPI document', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const db = await createTestDb({ demo: true });
  const app = testApp(db, { RATE_LIMIT_PER_MINUTE: 0 });
  const own = await createToken(db, '0581', 'Norrköping');
  const other = await createToken(db, '0380', 'Uppsala');
  const revoked = await createToken(db, '0581', 'Gammal');
  await revokeToken(db, revoked.id);

  const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } });
  const routes = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.keys(item as object)
      .filter((method) => ['get', 'put', 'post', 'patch', 'delete'].includes(method))
      .map((method) => ({ method: method.toUpperCase(), path })),
  );
  const admin = routes.filter((r) => r.path.startsWith('/v1/admin'));

  it('finds the admin routes, each declaring the editor token', () => {
    // At least these; any route added under /v1/admin is picked up by the tests below without edits.
    expect(admin.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([
        'GET /v1/admin/changes',
        'GET /v1/admin/feedback',
        'PUT /v1/admin/registers/{huvudman}',
      ]),
    );
    for (const r of admin) {
      const op = (doc.paths![r.path] as Record<string, { security?: unknown[] }>)[r.method.toLowerCase()]!;
      expect(op.security, `${r.method} ${r.path}`).toEqual([{ editorToken: [] }]);
    }
  });

  /** The route filled in for 0581, the huvudman of the `own` token (path parameters and query). */
  const request = (r: { method: string; path: string }, token?: string) =>
    app.request(r.path.replace(/\{[^}]+\}/g, '0581') + (r.method === 'GET' ? '?huvudman=0581' : ''), {
      method: r.method,
      body: r.method === 'GET' ? undefined : 'huvudman;tjanst;namn;regi;verifierad\n',
      headers: { 'Content-Type': 'text/csv', ...(token ? { Authorization: token } : {}) },
    });

  const rejected: [string, string | undefined, number][] = [
    ['no token', undefined, 401],
    ['an empty bearer', 'Bearer ', 401],
    ['a wrong token', 'Bearer uk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 401],
    ['not a bearer token', `Basic ${Buffer.from('admin:admin').toString('base64')}`, 401],
    ['a token of absurd length', `Bearer uk_${'a'.repeat(5000)}`, 401],
    ['a revoked token', `Bearer ${revoked.token}`, 401],
    ["another huvudman's token", `Bearer ${other.token}`, 403],
  ];

  it.each(rejected)(
    'rejects %s on every admin route, and logs the attempt',
    async (label, header, status) => {
      for (const r of admin) {
        warn.mockClear();
        const res = await request(r, header);
        expect(res.status, `${r.method} ${r.path}`).toBe(status);
        const body = (await res.json()) as { error: { code: string } };
        expect(body.error.code).toBe(status === 401 ? 'unauthorized' : 'forbidden');
        if (status === 401) expect(res.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
        expect(warn).toHaveBeenCalled();
        const logged = warn.mock.calls.flat().join(' ');
        if (header) expect(logged).not.toContain(header.replace(/^\w+ /, '') || '\u0000');
        tally('access', `${r.method} ${r.path}: ${label}`, String(status));
      }
    },
  );

  it("lets the huvudman's own token through on every admin route", async () => {
    for (const r of admin) {
      const res = await request(r, `Bearer ${own.token}`);
      expect([200, 400], `${r.method} ${r.path}`).toContain(res.status);
    }
  });
});
