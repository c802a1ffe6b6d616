import type { Database } from '../api/db/client';
import { bumpDataVersion } from '../api/db/data-version';
import { datasets, indicatorValues, units } from '../api/db/schema';
import { indicatorsFor, KOMMUNER } from '../shared/reference';

export const UNITS_PER_KOMMUN = 25;
const PERIODS = ['2022', '2023', '2024', '2025'];

/**
 * A national-size synthetic dataset for benchmarks only: 290 kommuner × 25 hemtjänst units, each with
 * 40 indicator values (10 indicators × 4 periods), plus kommun and national comparison values.
 * Stored as kind "demo": these are invented figures.
 */
export async function loadNationalDataset(db: Database): Promise<{ units: number; values: number }> {
  const indicators = indicatorsFor('hemtjanst').slice(0, 10);
  const now = new Date().toISOString();
  let unitCount = 0;
  let valueCount = 0;
  await db.transaction(async (tx) => {
    for (const kommun of KOMMUNER) {
      const unitRows = Array.from({ length: UNITS_PER_KOMMUN }, (_, i) => ({
        id: `bench_${kommun.code}_${i}`,
        huvudman: kommun.code,
        service: 'hemtjanst' as const,
        identityKey: `bench-${i}`,
        registerId: `bench-${i}`,
        name: `Benchmarkenhet ${String.fromCharCode(65 + (i % 26))}${i} Exempelomsorg AB`,
        regi: i === 0 ? ('egen_regi' as const) : i % 7 === 0 ? ('ideburen' as const) : ('privat' as const),
        organisationsnummer: null,
        aliases: [`Benchmarkenhet ${i}`],
        areas: ['Norr', 'Söder'],
        scope: ['service' as const, 'omvardnad' as const],
        languages: i % 3 === 0 ? ['fi', 'ar'] : [],
        extraServices: i % 2 === 0 ? ['Fönsterputs'] : [],
        acceptsNewClients: i % 5 !== 0,
        hsaId: null,
        koladaOu: [`V21E${kommun.code}0${String(i).padStart(4, '0')}`],
        website: 'https://exempel.invalid',
        phone: '000-00 00 00',
        address: 'Exempelgatan 1',
        verifiedAt: '2026-10-01',
        status: 'aktiv' as const,
        statusDate: null,
        kind: 'demo' as const,
        createdAt: now,
        updatedAt: now,
      }));
      await tx.insert(units).values(unitRows);
      unitCount += unitRows.length;
      const values = [];
      for (const unit of unitRows) {
        for (const indicator of indicators) {
          for (const period of PERIODS) {
            values.push(value(indicator.id, 'unit', unit.id, period, now, (unitCount + values.length) % 45));
          }
        }
      }
      for (const indicator of indicators) {
        for (const period of PERIODS)
          values.push(value(indicator.id, 'kommun', kommun.code, period, now, 20));
      }
      for (let i = 0; i < values.length; i += 500)
        await tx.insert(indicatorValues).values(values.slice(i, i + 500));
      valueCount += values.length;
      await tx.insert(datasets).values({
        huvudman: kommun.code,
        service: 'hemtjanst' as const,
        kind: 'demo',
        version: 1,
        registerUpdatedAt: now,
        updatedAt: now,
      });
    }
    const national = indicators.flatMap((indicator) =>
      PERIODS.map((period) => value(indicator.id, 'riket', '0000', period, now, 30)),
    );
    await tx.insert(indicatorValues).values(national);
    await bumpDataVersion(tx);
  });
  return { units: unitCount, values: valueCount };
}

function value(
  indicatorId: string,
  scope: 'unit' | 'kommun' | 'riket',
  subject: string,
  period: string,
  now: string,
  n: number,
) {
  return {
    indicatorId,
    scope,
    subject,
    period,
    value: 60 + (n % 39),
    respondents: scope === 'unit' ? 8 + n : null,
    status: null,
    kind: 'demo' as const,
    sourceId: 'demo',
    publishedAt: `${period}-10-15`,
    fetchedAt: now,
  };
}
