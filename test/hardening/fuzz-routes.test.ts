import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createToken } from '../../api/editors/tokens';
import { createTestDb, testApp } from '../api/helpers';
import { hostileString, inUrl, outcome } from './hostile';
import { tally } from './tally';

/** Every GET route from the OpenAPI document, with random values in its path parameters and query. */
describe('fuzzing every GET route', async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  const db = await createTestDb({ demo: true });
  const app = testApp(db, { RATE_LIMIT_PER_MINUTE: 0 });
  const editor = await createToken(db, '0581', 'Norrköping');
  const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } });
  type Param = { name: string; in: string };
  const routes = Object.entries(doc.paths ?? {})
    .filter(([, item]) => 'get' in (item as object))
    .map(([path, item]) => {
      const params = ((item as { get: { parameters?: Param[] } }).get.parameters ?? []) as Param[];
      return { path, query: params.filter((p) => p.in === 'query').map((p) => p.name) };
    });

  it('covers the data routes', () => {
    expect(routes.map((r) => r.path)).toEqual(
      expect.arrayContaining([
        '/v1/kommuner/{code}/units',
        '/v1/units/{id}/history',
        '/v1/regioner/{code}/units.csv',
      ]),
    );
  });

  // Valid values too, so the fuzzing gets past validation into the handlers.
  const unitId = (
    (await (await app.request('/v1/kommuner/0581/units?service=hemtjanst')).json()) as {
      items: { id: string }[];
    }
  ).items[0]!.id;
  const value = fc.oneof(
    { weight: 3, arbitrary: hostileString },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '0581',
        '05',
        '0380',
        unitId,
        'hemtjanst',
        'vardcentral',
        '-U21468',
        'true',
        '1',
      ),
    },
  );

  it.each(routes)('$path: never a 5xx, for any path parameter and query value', async ({ path, query }) => {
    const editorAuth: Record<string, string> = path.startsWith('/v1/admin')
      ? { Authorization: `Bearer ${editor.token}` }
      : {};
    await fc.assert(
      fc.asyncProperty(
        fc.array(value, { minLength: 2, maxLength: 2 }),
        fc.dictionary(fc.constantFrom(...query, 'x', 'service', 'sort'), value, { maxKeys: 4 }),
        fc.boolean(),
        async ([a, b], values, raw) => {
          let used = 0;
          const filled = path.replace(/\{[^}]+\}/g, () => inUrl((used++ === 0 ? a : b)!, raw));
          const search = Object.entries(values)
            .map(([k, v]) => `${k}=${inUrl(v, raw)}`)
            .join('&');
          const res = await app.request(`${filled}${search ? `?${search}` : ''}`, { headers: editorAuth });
          tally('GET routes: random path parameters and query values', path, outcome(res.status));
          expect(res.status, `${filled}?${search}`).toBeLessThan(500);
          if (res.status >= 400) {
            const body = (await res.json()) as { error: { code: string } };
            expect(typeof body.error.code).toBe('string');
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
