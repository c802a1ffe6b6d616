import { describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { createToken } from '../../api/editors/tokens';
import { createTestDb, testApp } from './helpers';

type Parameter = { name: string; in: 'path' | 'query'; required?: boolean; schema?: { example?: unknown } };
type Operation = {
  parameters?: Parameter[];
  responses: Record<string, { content?: Record<string, unknown> }>;
};

/**
 * Every GET in the OpenAPI document, called with its documented examples, answers 200 with a body that
 * its own declared schema accepts. A new route is covered without editing this file; a route without an
 * example for a required parameter fails here, so the reference stays usable.
 */
describe('every documented GET answers what its schema declares', async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  const db = await createTestDb({ demo: true });
  const app = testApp(db, { RATE_LIMIT_PER_MINUTE: 0 });
  const editor = await createToken(db, '0581', 'Norrköping, äldreomsorg');
  const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } });

  // The zod schemas the document was generated from, by "GET /path".
  const declared = new Map<string, Record<string, z.ZodType>>();
  for (const def of app.openAPIRegistry.definitions) {
    if (def.type !== 'route' || def.route.method !== 'get') continue;
    const ok = def.route.responses[200] as { content?: Record<string, unknown> } | undefined;
    const content = ok?.content ?? {};
    const schemas = Object.fromEntries(
      Object.entries(content).map(([type, media]) => [type, (media as { schema: z.ZodType }).schema]),
    );
    declared.set(`GET ${def.route.path}`, schemas);
  }
  const gets = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    (item as { get?: Operation }).get ? [{ path, op: (item as { get: Operation }).get }] : [],
  );

  it('finds the GET routes, each with a declared 200', () => {
    expect(gets.map((g) => g.path)).toEqual(
      expect.arrayContaining([
        '/health',
        '/v1/kommuner/{code}/units',
        '/v1/regioner/{code}/units',
        '/v1/units/{id}/history',
        '/v1/extension/config',
        '/v1/admin/changes',
      ]),
    );
    for (const { path } of gets) expect(declared.get(`GET ${path}`), path).toBeDefined();
  });

  it.each(gets)('GET $path', async ({ path, op }) => {
    const params = op.parameters ?? [];
    for (const p of params.filter((p) => p.required)) {
      expect(p.schema?.example, `${path}: example for the ${p.in} parameter ${p.name}`).toBeDefined();
    }
    const filled = path.replace(/\{([^}]+)\}/g, (_, name: string) =>
      encodeURIComponent(String(params.find((p) => p.in === 'path' && p.name === name)!.schema!.example)),
    );
    const query = new URLSearchParams(
      params.filter((p) => p.in === 'query' && p.required).map((p) => [p.name, String(p.schema!.example)]),
    );
    const url = query.size > 0 ? `${filled}?${query}` : filled;
    const headers: Record<string, string> = path.startsWith('/v1/admin')
      ? { Authorization: `Bearer ${editor.token}` }
      : {};
    const res = await app.request(url, { headers });
    expect(res.status, url).toBe(200);

    const schemas = declared.get(`GET ${path}`)!;
    const type = (res.headers.get('content-type') ?? '').split(';')[0]!;
    const schema = schemas[type];
    expect(
      schema,
      `${url}: ${type} is a declared content type (${Object.keys(schemas).join(', ')})`,
    ).toBeDefined();
    const body = type.endsWith('json') ? await res.json() : await res.text();
    const parsed = schema!.safeParse(body);
    expect(parsed.success ? [] : parsed.error.issues, url).toEqual([]);
  });
});
