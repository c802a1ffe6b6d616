import { describe, expect, it } from 'vitest';
import type { UnitList } from '../../shared/domain';
import { createTestDb, json, testApp } from './helpers';

/** The API side of the one sort rule (shared/domain/sort.ts), through the app's own routes. */
describe('?sort= on a unit list', async () => {
  const app = testApp(await createTestDb({ demo: true }));
  const order = async (sort: string) =>
    (await json<UnitList>(app.request(`/v1/kommuner/0581/units?service=hemtjanst&sort=${sort}`))).items.map(
      (u) => `${u.name}: ${u.indicators.find((i) => i.id === 'U21468')?.value ?? '–'}`,
    );

  it('-U21468: the highest figure first, missing last, ties and missing in Swedish name order', async () => {
    const sorted = await order('-U21468');
    const figures = sorted.map((line) => line.split(': ')[1]);
    const firstMissing = figures.indexOf('–');
    // The demo dataset has figures and missing ones; both parts must be there for this test to mean anything.
    expect(firstMissing).toBeGreaterThan(0);
    expect(figures.slice(firstMissing).every((f) => f === '–')).toBe(true);
    const shown = figures.slice(0, firstMissing).map(Number);
    expect(shown).toEqual([...shown].sort((a, b) => b - a));
  });

  it('U21468: ascending, the missing ones still last and in the same order', async () => {
    const ascending = await order('U21468');
    const descending = await order('-U21468');
    const missing = (lines: string[]) => lines.filter((l) => l.endsWith(': –'));
    expect(missing(ascending)).toEqual(missing(descending));
    const figures = (lines: string[]) => lines.filter((l) => !l.endsWith(': –')).map((l) => l.split(': ')[1]);
    expect(figures(ascending)).toEqual(figures(descending).reverse());
  });

  it('documents the rule in the API reference', async () => {
    const spec = await json<{
      paths: Record<
        string,
        { get: { parameters: { name: string; description?: string; schema?: { description?: string } }[] } }
      >;
    }>(app.request('/openapi.json'));
    const parameter = spec.paths['/v1/kommuner/{code}/units']!.get.parameters.find((p) => p.name === 'sort')!;
    expect(parameter.description ?? parameter.schema?.description).toContain(
      'Units without a figure come last either way',
    );
  });
});
