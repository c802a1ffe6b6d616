import { describe, expect, it, vi } from 'vitest';
import { createToken } from '../../api/editors/tokens';
import { MAX_REGISTER_BYTES } from '../../api/routes/admin';
import { MAX_NAMES } from '../../api/routes/match';
import { createTestDb, json, testApp } from '../api/helpers';

type ErrorBody = { error: { code: string; message: string } };

describe('request size limits', async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  const db = await createTestDb({ demo: true });
  const app = testApp(db, { RATE_LIMIT_PER_MINUTE: 0 });
  const editor = await createToken(db, '0581', 'Norrköping, äldreomsorg');
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    app.request(path, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } });

  it('answers 413 to a body over 256 kB on every route that takes JSON, before parsing it', async () => {
    const big = JSON.stringify({ huvudman: '0581', names: ['x'], pad: 'x'.repeat(300 * 1024) });
    for (const path of ['/v1/match', '/v1/feedback']) {
      const res = await post(path, big);
      expect(res.status, path).toBe(413);
      expect((await json<ErrorBody>(res)).error.code).toBe('payload_too_large');
    }
  });

  it('counts a chunked body as it streams, without a Content-Length to trust', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 6; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const res = await app.request('/v1/feedback', {
      method: 'POST',
      body: stream,
      headers: { 'Content-Type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('answers 413 to a register upload over 5 MB, and accepts one larger than the general 256 kB cap', async () => {
    const auth = { Authorization: `Bearer ${editor.token}`, 'Content-Type': 'text/csv' };
    const huge = await app.request('/v1/admin/registers/0581', {
      method: 'PUT',
      body: 'x'.repeat(MAX_REGISTER_BYTES + 1),
      headers: auth,
    });
    expect(huge.status).toBe(413);
    const rows = Array.from({ length: 6000 }, (_, i) => `0581;hemtjanst;Testenhet ${i} AB;privat;2026-10-01`);
    const body = ['huvudman;tjanst;namn;regi;verifierad', ...rows].join('\n');
    expect(body.length).toBeGreaterThan(256 * 1024);
    const ok = await app.request('/v1/admin/registers/0581', { method: 'PUT', body, headers: auth });
    expect(ok.status).toBe(200);
  });

  it(`answers 400 to more than ${MAX_NAMES} names per match`, async () => {
    const names = Array.from({ length: MAX_NAMES + 1 }, (_, i) => `Namn ${i}`);
    const res = await post('/v1/match', JSON.stringify({ huvudman: '0581', names }));
    expect(res.status).toBe(400);
    expect((await json<ErrorBody>(res)).error.message).toContain(`at most ${MAX_NAMES}`);
  });

  it('answers 414 to a query string over 2 kB, on any route', async () => {
    const long = `service=hemtjanst&sort=${'a'.repeat(2100)}`;
    for (const path of ['/v1/kommuner/0581/units', '/v1/kommuner', '/docs', '/nowhere']) {
      const res = await app.request(`${path}?${long}`);
      expect(res.status, path).toBe(414);
      expect((await json<ErrorBody>(res)).error.code).toBe('uri_too_long');
    }
    expect((await app.request(`/v1/kommuner?x=${'a'.repeat(2000)}`)).status).toBe(200);
  });
});
