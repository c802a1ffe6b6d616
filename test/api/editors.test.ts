import { describe, expect, it, vi } from 'vitest';
import { createToken, listTokens, revokeToken } from '../../api/editors/tokens';
import { createTestDb, json, testApp } from './helpers';

const CSV = [
  'huvudman;tjanst;namn;regi;verifierad;id',
  '0581;hemtjanst;Alfa Exempelomsorg AB;privat;2026-10-01;a1',
  '0581;hemtjanst;Beta Demohemtjänst AB;privat;2026-10-01;b2',
].join('\n');

describe('kommun and region editors', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const db = await createTestDb({ demo: true });
  const app = testApp(db);
  const norrkoping = await createToken(db, '0581', 'Norrköping, äldreomsorg');
  const uppsala = await createToken(db, '0380', 'Uppsala, vård och omsorg');
  const put = (path: string, token: string | null, body = CSV, type = 'text/csv') =>
    app.request(path, {
      method: 'PUT',
      body,
      headers: { 'Content-Type': type, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    });

  it('stores only a hash of a token', async () => {
    const stored = await listTokens(db);
    expect(stored.map((t) => t.name)).toEqual(expect.arrayContaining(['Norrköping, äldreomsorg']));
    expect(JSON.stringify(stored)).not.toContain(norrkoping.token);
    expect(norrkoping.token).toMatch(/^uk_[A-Za-z0-9_-]{40,}$/);
  });

  it("rejects a register PUT without a token, with a wrong token, or with another huvudman's token", async () => {
    expect((await put('/v1/admin/registers/0581', null)).status).toBe(401);
    expect((await put('/v1/admin/registers/0581', 'uk_not-a-real-token')).status).toBe(401);
    expect((await put('/v1/admin/registers/0581', 'garbage')).status).toBe(401);
    const other = await put('/v1/admin/registers/0581', uppsala.token);
    expect(other.status).toBe(403);
    expect((await json<{ error: { code: string } }>(other)).error.code).toBe('forbidden');
  });

  it('imports a valid register and answers with the summary', async () => {
    const res = await put('/v1/admin/registers/0581', norrkoping.token);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ added: 2, changed: 0, ended: 0, unchanged: 0 });
    const list = await json<{ items: { name: string }[]; dataset: { kind: string } }>(
      app.request('/v1/kommuner/0581/units?service=hemtjanst'),
    );
    expect(list.dataset.kind).toBe('live');
    expect(list.items.map((u) => u.name)).toEqual(['Alfa Exempelomsorg AB', 'Beta Demohemtjänst AB']);
  });

  it('accepts the JSON form too', async () => {
    const body = JSON.stringify({
      format: 'utforarregister',
      version: 1,
      rows: [
        {
          huvudman: '0581',
          tjanst: 'hemtjanst',
          namn: 'Alfa Exempelomsorg AB',
          regi: 'privat',
          verifierad: '2026-10-01',
          id: 'a1',
        },
      ],
    });
    const res = await put('/v1/admin/registers/0581', norrkoping.token, body, 'application/json');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ended: 1, unchanged: 1 });
  });

  it('answers 400 with every bad row, writing nothing', async () => {
    const before = await (
      await app.request('/v1/kommuner/0581/units?service=hemtjanst&includeEnded=true')
    ).text();
    const bad = [
      'huvudman;tjanst;namn;regi;verifierad;id',
      '0581;hemtjanst;Alfa Exempelomsorg AB;privt;2026-10-01;a1',
      '0380;hemtjanst;Fel kommun AB;privat;2026-10-01;x1',
      '0581;hemtjanst;Gamma Exempel AB;privat;inte-ett-datum;g1',
    ].join('\n');
    const res = await put('/v1/admin/registers/0581', norrkoping.token, bad);
    expect(res.status).toBe(400);
    const body = await json<{ error: { code: string; problems: { line: number; column: string }[] } }>(res);
    expect(body.error.code).toBe('invalid_register');
    expect(body.error.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 2, column: 'regi' }),
        expect.objectContaining({ line: 4, column: 'verifierad' }),
      ]),
    );
    const after = await (
      await app.request('/v1/kommuner/0581/units?service=hemtjanst&includeEnded=true')
    ).text();
    expect(after).toBe(before);
  });

  it('answers 400 when a row belongs to another huvudman than the one in the path', async () => {
    const other = [
      'huvudman;tjanst;namn;regi;verifierad',
      '0380;hemtjanst;Fel kommun AB;privat;2026-10-01',
    ].join('\n');
    const res = await put('/v1/admin/registers/0581', norrkoping.token, other);
    expect(res.status).toBe(400);
    const body = await json<{ error: { problems: { line: number; column: string }[] } }>(res);
    expect(body.error.problems).toEqual([expect.objectContaining({ line: 2, column: 'huvudman' })]);
  });

  it("records every change with who made it, in the unit's public history", async () => {
    const list = await json<{ items: { id: string; name: string }[] }>(
      app.request('/v1/kommuner/0581/units?service=hemtjanst&includeEnded=true'),
    );
    const beta = list.items.find((u) => u.name === 'Beta Demohemtjänst AB')!;
    const { items } = await json<{ items: { actor: string; kind: string; field: string; to: unknown }[] }>(
      app.request(`/v1/units/${beta.id}/history`),
    );
    expect(items.map((c) => [c.kind, c.field, c.actor])).toEqual([
      ['ended', 'statusDate', 'Norrköping, äldreomsorg'],
      ['ended', 'status', 'Norrköping, äldreomsorg'],
      ['added', 'unit', 'Norrköping, äldreomsorg'],
    ]);
    expect((await app.request('/v1/units/u_unknown/history')).status).toBe(404);
  });

  it('shows an editor the change log of their own huvudman only', async () => {
    const auth = { Authorization: `Bearer ${norrkoping.token}` };
    const own = await json<{ items: { unitId: string }[] }>(
      app.request('/v1/admin/changes?huvudman=0581', { headers: auth }),
    );
    expect(own.items.length).toBeGreaterThan(0);
    expect((await app.request('/v1/admin/changes?huvudman=0380', { headers: auth })).status).toBe(403);
    expect((await app.request('/v1/admin/changes?huvudman=0581')).status).toBe(401);
  });

  it('stops accepting a revoked token', async () => {
    const temp = await createToken(db, '0581', 'Tillfällig');
    expect((await put('/v1/admin/registers/0581', temp.token)).status).toBe(200);
    await revokeToken(db, temp.id);
    expect((await put('/v1/admin/registers/0581', temp.token)).status).toBe(401);
  });

  it('checks the token once per request, on every admin route, whatever the mount order', async () => {
    for (const path of [
      '/v1/admin/kolada-sync/0581',
      '/v1/admin/changes?huvudman=0581',
      '/v1/admin/nothing',
    ]) {
      warn.mockClear();
      const res = await app.request(path, { headers: { Authorization: 'Bearer uk_not-a-real-token' } });
      expect(res.status, path).toBe(401);
      expect(
        warn.mock.calls.filter(([line]) => String(line).startsWith('[admin] rejected')),
        path,
      ).toHaveLength(1);
    }
  });
});
