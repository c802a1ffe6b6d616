import { describe, expect, it } from 'vitest';
import { checkLive, createVisClient } from '../../api/vis';
import { createFakeClock } from '../fixtures/kolada/fake-clock';
import { createFakeVis, offlineVisOptions, visFixture } from '../fixtures/vis/fake-vis';

function probe(units: 'hsa' | 'vis-ids', hsaId?: string) {
  const clock = createFakeClock();
  const fake = createFakeVis({ now: clock.now, units });
  const client = createVisClient(offlineVisOptions(fake, clock));
  const lines: string[] = [];
  const run = checkLive(
    client,
    { region: '05', dateFrom: '2024-01-01', dateTo: '2026-11-23', ...(hsaId ? { hsaId } : {}) },
    (line) => lines.push(line),
  );
  return { run, lines, fake };
}

/** Every value in the fixtures, as the probe might print it. */
const VALUES = (visFixture('measurements').body as { measurements: { value: number | null }[] }[])
  .flatMap((s) => s.measurements.map((m) => m.value))
  .filter((v): v is number => v !== null && v > 1)
  .map((v) => String(v).replace('.', ','));

describe('npm run vis -- --check-live', () => {
  it('reports the sources and measures that look like ours, with their unit and period types', async () => {
    const { run, lines } = probe('hsa');
    const summary = await run;
    const text = lines.join('\n');
    expect(summary.sources).toBe(3);
    expect(summary.candidateMeasures.map((m) => m.measureId.slice(-4))).toEqual(['a001', 'a002', 'b001']);
    expect(text).toContain('1. /api/informationsource: 3 källor, 2 som liknar våra:');
    expect(text).toContain('- Väntetider i vården: 2 mått; latestPeriodTypes = ["Month","Year"]');
    expect(text).toMatch(
      /5e1f0000-0000-4000-8000-00000000a001 {2}Medicinsk bedömning inom tre dagar i primärvård {2}\[enhet: %; soughtValue: "Högt"\]/,
    );
    expect(text).not.toContain('Vårdplatser');
  });

  it('asks for the region and riket with the first listed period type, and describes the series without values', async () => {
    const { run, lines, fake } = probe('hsa');
    const summary = await run;
    expect(summary.region).toEqual({ series: 6, organizations: ['05', 'SE'] });
    const asked = fake.requests.find((r) => r.path === '/api/measurements/measurementswithmetadata')?.body;
    expect(asked).toMatchObject({ units: ['05', 'SE'], periodType: 'Month' });
    const text = lines.join('\n');
    expect(text).toMatch(
      /- 05 \/ 5e1f0000-0000-4000-8000-00000000a001: 2 mätningar; perioder year; periodType Year; type Utfall; fält denominator, numerator, period, periodType, type, value; skala några > 1/,
    );
    expect(text).toMatch(/- SE \/ 5e1f0000-0000-4000-8000-00000000a002: 0 mätningar/);
    for (const value of VALUES)
      expect(text).not.toMatch(new RegExp(`(^|[^\\d,.])${value.replace(',', '[,.]')}([^\\d]|$)`));
  });

  it('answers the HSA question both ways: values for the HSA id, or none (VIS ids then)', async () => {
    const yes = probe('hsa', 'SE2321000040-SYNT0001');
    expect((await yes.run).hsa).toEqual({
      series: 2,
      organizations: ['SE2321000040-SYNT0001'],
      measurements: 5,
    });
    expect(yes.lines.join('\n')).toContain(
      '=> VIS svarar med 5 mätningar för HSA-id:t; organizationId i svaret: SE2321000040-SYNT0001',
    );

    const no = probe('vis-ids', 'SE2321000040-SYNT0001');
    const summary = await no.run;
    expect(summary.hsa).toEqual({ series: 0, organizations: [], measurements: 0 });
    expect(no.lines.join('\n')).toContain(
      '=> inga mätningar för HSA-id:t: VIS tar troligen sina egna enhets-id',
    );
    expect(summary.unitSearch).toEqual({
      shape: 'en lista med 2 poster; första posten: hsaId, id, name, parentId',
      mentionsHsaId: true,
    });
    expect(no.fake.requests.at(-1)?.path).toBe('/api/organizations?query=SE2321000040-SYNT0001');
  });

  it('reports a failing step and goes on with the next', async () => {
    const { run, lines, fake } = probe('hsa', 'SE2321000040-SYNT0001');
    fake.queue('/api/organizations?query=SE2321000040-SYNT0001', { status: 404, text: 'Not Found' });
    const summary = await run;
    expect(summary.unitSearch).toEqual({ error: expect.stringMatching(/HTTP 404/) });
    expect(lines.at(-1)).toMatch(/^ {3}fel: Vården i siffror avvisade anropet med HTTP 404/);
  });

  it('skips the HSA question without --hsa', async () => {
    const { run, lines } = probe('hsa');
    expect((await run).hsa).toBeNull();
    expect(lines.join('\n')).toContain('4. Inget --hsa angivet');
  });
});
