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

  it('names its schemas, its server, its bearer scheme, and documents every route the API serves', async () => {
    const doc = await json<{
      servers: { url: string }[];
      tags: { name: string; description: string }[];
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
      components: {
        schemas: Record<string, unknown>;
        securitySchemes: Record<string, Record<string, string>>;
      };
    }>(app.request('/openapi.json'));
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        'Unit',
        'UnitList',
        'IndicatorValue',
        'Kommun',
        'Region',
        'HistoryEntry',
        'Error',
      ]),
    );
    expect(doc.servers.length).toBeGreaterThan(0);
    expect(doc.components.securitySchemes.editorToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/extension/config', '/v1/match']));
    expect(doc.paths['/v1/match']!.post!.requestBody).toBeDefined();
    for (const tag of doc.tags) expect(tag.description, tag.name).not.toBe('');
  });

  it.each(['/docs', '/docs/'])(
    'serves a readable API reference at %s: grouped, with bodies, shapes, examples, auth and schemas',
    async (path) => {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      const html = await res.text();
      const doc = await json<{ paths: Record<string, Record<string, unknown>> }>(
        app.request('/openapi.json'),
      );
      for (const [route, methods] of Object.entries(doc.paths)) {
        for (const method of Object.keys(methods)) {
          expect(html, `${method} ${route}`).toContain(
            `id="op-${method}-${route.replace(/[^A-Za-z0-9_-]+/g, '-')}"`,
          );
        }
      }
      expect(html).toContain('<h2 id="group-Public">Public</h2>');
      expect(html).toContain('<h2 id="group-For-editors">For editors</h2>');
      expect(html).toContain('Authorization: Bearer uk_');
      expect(html).toContain('<h4>Request body</h4>');
      expect(html).toContain('id="schema-Unit"');
      expect(html).toContain('<summary>Example</summary>');
      // The match request's own example, not just one derived from its type.
      expect(html).toContain('Hemtjänst i Exempelstad');
      expect(html).not.toMatch(/<script|\son[a-z]+=|https?:\/\/(?!example\.invalid)/i);
    },
  );

  it('answers / with a small page linking the reference, the demo pages and the health check', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    for (const href of ['/docs', '/demo/', '/health', '/openapi.json'])
      expect(html).toContain(`href="${href}"`);
    expect(html).not.toMatch(/<script|\son[a-z]+=/i);
  });

  it('sets security headers on every response', async () => {
    const res = await app.request('/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});
