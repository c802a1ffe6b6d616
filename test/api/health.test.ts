import { describe, expect, it } from 'vitest';
import { createTestDb, json, testApp } from './helpers';

describe('operations and documentation', async () => {
  const app = testApp(await createTestDb());

  it('GET /health answers ok', async () => {
    const res = await app.request('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers an unknown route with a JSON 404, not an HTML page', async () => {
    const res = await app.request('/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({
      error: { code: 'not_found', message: expect.stringContaining('/v1/nothing-here') },
    });
  });

  it('publishes an OpenAPI 3.1 document generated from the route schemas', async () => {
    const doc = await json<{ openapi: string; paths: Record<string, unknown> }>(app.request('/openapi.json'));
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/health',
        '/v1/kommuner',
        '/v1/kommuner/{code}',
        '/v1/kommuner/{code}/units',
        '/v1/regioner',
        '/v1/regioner/{code}',
        '/v1/regioner/{code}/units',
        '/v1/units/{id}',
        '/v1/indicators',
        '/v1/sources',
      ]),
    );
  });

  it('serves a readable API reference at /docs listing every path', async () => {
    const res = await app.request('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('/v1/kommuner/{code}/units');
    expect(html).toContain('service');
    expect(html).not.toContain('<script');
  });

  it('sets security headers on every response', async () => {
    const res = await app.request('/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});
