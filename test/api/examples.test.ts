import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createToken } from '../../api/editors/tokens';
import type { UnitList } from '../../shared/domain';
import { createTestDb, json, testApp } from './helpers';

const example = (name: string) => readFileSync(new URL(`../../examples/${name}`, import.meta.url));

/** The files a newcomer is pointed to in examples/README.md work as the README says, in that order. */
describe('the example files', () => {
  it('a region sends the example vårdcentral register, then the example figures, and the list serves them', async () => {
    const db = await createTestDb();
    const app = testApp(db);
    const { token } = await createToken(db, '05', 'Region Östergötland, exempel');
    const put = (path: string, body: Uint8Array) =>
      app.request(path, {
        method: 'PUT',
        body: new Blob([new Uint8Array(body)]),
        headers: { 'Content-Type': 'text/csv', Authorization: `Bearer ${token}` },
      });

    const register = await put('/v1/admin/registers/05', example('utforarregister-vardcentral-exempel.csv'));
    expect(register.status).toBe(200);
    const figures = await put('/v1/admin/figures/05', example('indikatorvarden-exempel.csv'));
    expect(figures.status).toBe(200);
    expect(await json(figures)).toMatchObject({ added: 10, removed: 0 });

    const list = await json<UnitList>(app.request('/v1/regioner/05/units?service=vardcentral'));
    expect(list.items.map((u) => u.hsaId)).toEqual([
      'SE2321000040-EXEMPEL01',
      'SE2321000040-EXEMPEL02',
      'SE2321000040-EXEMPEL03',
    ]);
    const npe = (hsaId: string) =>
      list.items
        .find((u) => u.hsaId === hsaId)!
        .indicators.find((i) => i.id === 'npe_vard_och_behandling_medel')!;
    for (const hsaId of ['SE2321000040-EXEMPEL01', 'SE2321000040-EXEMPEL02']) {
      expect(npe(hsaId).value, hsaId).toEqual(expect.any(Number));
      expect(npe(hsaId).comparison).toMatchObject({ kommun: expect.any(Number), riket: expect.any(Number) });
    }
    // 7 answers, below the survey's threshold: missing, never shown.
    expect(npe('SE2321000040-EXEMPEL03')).toMatchObject({
      value: null,
      missingReason: 'too_few_respondents',
    });
  });
});
