import { describe, expect, it } from 'vitest';
import { createTestDb, json, testApp } from './helpers';

type Item = { code: string; name: string; lan: { code: string; name: string } };

describe('kommuner and regioner', async () => {
  const app = testApp(await createTestDb({ demo: true }));

  it('lists all 290 kommuner with their län', async () => {
    const { items } = await json<{ items: Item[] }>(app.request('/v1/kommuner'));
    expect(items).toHaveLength(290);
    expect(items.find((k) => k.code === '0581')).toMatchObject({
      name: 'Norrköpings kommun',
      lan: { code: '05', name: 'Östergötlands län' },
    });
    // Habo and Håbo are different kommuner with near-identical names.
    expect(items.find((k) => k.code === '0643')?.name).toBe('Habo kommun');
    expect(items.find((k) => k.code === '0305')?.name).toBe('Håbo kommun');
  });

  it('lists all 21 regions', async () => {
    const { items } = await json<{ items: Item[] }>(app.request('/v1/regioner'));
    expect(items).toHaveLength(21);
    expect(items.find((r) => r.code === '05')?.name).toBe('Region Östergötland');
  });

  it('describes one kommun with the state of each of its choice systems', async () => {
    const kommun = await json(app.request('/v1/kommuner/0581'));
    expect(kommun).toMatchObject({ code: '0581', name: 'Norrköpings kommun', shortName: 'Norrköping' });
    expect(kommun.services).toEqual([
      expect.objectContaining({
        service: 'hemtjanst',
        activeUnits: 6,
        dataset: expect.objectContaining({ kind: 'demo' }),
      }),
      expect.objectContaining({ service: 'sarskilt_boende', activeUnits: 3 }),
    ]);
  });

  it('says a kommun without a register has no dataset yet', async () => {
    const kommun = await json<{ services: { dataset: unknown; activeUnits: number }[] }>(
      app.request('/v1/kommuner/0114'),
    );
    expect(kommun.services.every((s) => s.dataset === null && s.activeUnits === 0)).toBe(true);
  });

  it('describes one region with its vårdcentral system', async () => {
    const region = await json<{ services: { service: string }[] }>(app.request('/v1/regioner/05'));
    expect(region.services.map((s) => s.service)).toEqual(['vardcentral']);
  });

  it.each([
    ['/v1/kommuner/581', 'code'],
    ['/v1/kommuner/05811', 'code'],
    ['/v1/kommuner/abcd', 'code'],
    ['/v1/regioner/5', 'code'],
    ['/v1/regioner/0581', 'code'],
  ])('rejects the malformed code in %s with 400 naming the field', async (path, field) => {
    const res = await app.request(path);
    expect(res.status).toBe(400);
    const body = await json<{ error: { code: string; message: string } }>(res);
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toContain(field);
  });

  it.each(['/v1/kommuner/0000', '/v1/kommuner/9999', '/v1/regioner/99', '/v1/regioner/02'])(
    'answers 404 for the unknown code in %s',
    async (path) => {
      const res = await app.request(path);
      expect(res.status).toBe(404);
      expect((await json<{ error: { code: string } }>(res)).error.code).toBe('not_found');
    },
  );
});
