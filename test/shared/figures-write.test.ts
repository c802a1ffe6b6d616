import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FIGURE_COLUMNS,
  type FigureFileRow,
  type FiguresParseResult,
  formatFiguresCsv,
  parseFigures,
} from '../../shared/figures';
import { VARDCENTRAL_INDICATORS } from '../../shared/reference/vardcentral-indicators';
import { TODAY } from '../fixtures/figures/helpers';

const parse = (input: string) => parseFigures(input, { today: TODAY });

describe('formatFiguresCsv', () => {
  it('writes every column in the documented order, BOM and CRLF as Excel does, decimal commas with ";"', () => {
    const text = formatFiguresCsv([
      {
        huvudman: '05',
        tjanst: 'vardcentral',
        enhet: 'SE2321000040-SYNT0001',
        indikator: 'npe_vard_och_behandling_medel',
        period: '2025',
        varde: 0.82,
        antal: 143,
        kalla: 'NPE; "syntetiskt"',
        kalla_url: 'https://exempel.invalid/a',
        publicerad: '2026-03-14',
      },
    ]);
    expect(text).toBe(
      `\uFEFF${FIGURE_COLUMNS.join(';')}\r\n` +
        '05;vardcentral;SE2321000040-SYNT0001;npe_vard_och_behandling_medel;2025;0,82;"NPE; ""syntetiskt""";https://exempel.invalid/a;2026-03-14;143;;\r\n',
    );
  });

  it('writes points with ",", and no BOM when asked', () => {
    const text = formatFiguresCsv(
      [
        {
          huvudman: 'riket',
          tjanst: 'vardcentral',
          indikator: 'x',
          period: '2025',
          varde: 0.5,
          kalla: 'a,b',
          kalla_url: 'u',
          publicerad: 'd',
        },
      ],
      { delimiter: ',', bom: false },
    );
    expect(text.split('\r\n')[1]).toBe('riket,vardcentral,,x,2025,0.5,"a,b",u,d,,,');
  });
});

/** Valid figures of random shape: every indicator, scope, period kind the indicator allows, optional fields. */
const validRow = fc
  .record({
    indicator: fc.constantFrom(...VARDCENTRAL_INDICATORS),
    scope: fc.constantFrom('unit', 'region', 'riket'),
    unit: fc.constantFrom('SE2321000040-SYNT0001', 'v15e058100101', 'VC Öst "A"; 2'),
    fraction: fc.double({ min: 0, max: 1, noNaN: true }),
    count: fc.option(fc.nat({ max: 100_000 })),
    withInterval: fc.boolean(),
    kalla: fc.string({ minLength: 1, maxLength: 12 }).map((s) => `Källa ${s}`.replace(/\s+/g, ' ').trim()),
    month: fc.integer({ min: 1, max: 12 }),
  })
  .map(({ indicator, scope, unit, fraction, count, withInterval, kalla, month }): FigureFileRow => {
    const { min, max } = indicator.scale;
    const value = Math.round((min + fraction * (max - min)) * 1000) / 1000;
    const kind = indicator.periodKinds[month % indicator.periodKinds.length]!;
    const year = indicator.years.until ?? 2025;
    const period = {
      year: `${year}`,
      half: `${year}-H1`,
      quarter: `${year}-Q2`,
      month: `${year}-0${(month % 9) + 1}`,
    }[kind];
    return {
      huvudman: scope === 'riket' ? 'riket' : '05',
      tjanst: 'vardcentral',
      enhet: scope === 'unit' ? unit : null,
      indikator: indicator.id,
      period,
      varde: value,
      antal: count,
      kalla,
      kalla_url: 'https://exempel.invalid/k?a=1;b=2',
      publicerad: '2026-11-01',
      ki_lag: withInterval ? Math.max(min, value - 0.01) : null,
      ki_hog: withInterval ? Math.min(max, value + 0.01) : null,
    };
  });

function shape(result: FiguresParseResult) {
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.rows.map(({ line: _line, ...rest }) => rest);
}

describe('what the writer writes, the reader reads back as the same figures', () => {
  it('in both delimiters, for any valid figures', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(validRow, {
          minLength: 1,
          maxLength: 8,
          selector: (r) => `${r.indikator}/${r.enhet}/${r.period}/${r.huvudman}`,
        }),
        (rows) => {
          const semicolon = shape(parse(formatFiguresCsv(rows)));
          const comma = shape(parse(formatFiguresCsv(rows, { delimiter: ',' })));
          expect(comma).toEqual(semicolon);
          expect(semicolon.map((r) => r.indicatorId)).toEqual(rows.map((r) => r.indikator));
          rows.forEach((row, i) => {
            const read = semicolon[i]!;
            const withheld =
              typeof row.antal === 'number' &&
              row.antal < VARDCENTRAL_INDICATORS.find((d) => d.id === row.indikator)!.minCount;
            expect(read.value).toBe(withheld ? null : row.varde);
            expect(read.count).toBe(row.antal ?? null);
            expect(read.source.name).toBe(row.kalla);
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('any input', () => {
  const pieces = fc.oneof(
    fc.constantFrom(...FIGURE_COLUMNS, ';', ',', '"', '\n', '\r\n', ' ', '\uFEFF', '{', '}', '[', ']'),
    fc.constantFrom(
      '05',
      'riket',
      '00',
      'vardcentral',
      'npe_vard_och_behandling_medel',
      '2025',
      '2025-Q3',
      '0,8',
    ),
    fc.constantFrom(
      '85',
      '12',
      '',
      'SE2321000040-SYNT0001',
      'https://a.invalid',
      '2026-03-14',
      '"format":"indikatorvarden"',
    ),
    fc.string({ maxLength: 4, unit: 'grapheme' }),
  );
  it('never throws: it is valid figures with unique keys, or problems that each have a message and a line or none', () => {
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 60 }).map((parts) => parts.join('')),
        (text) => {
          const result = parse(text);
          if (result.ok) {
            expect(new Set(result.rows.map((r) => r.key)).size).toBe(result.rows.length);
            expect(result.rows.every((r) => (r.value === null) === (r.missingReason !== null))).toBe(true);
          } else {
            expect(result.problems.length).toBeGreaterThan(0);
            for (const p of result.problems) {
              expect(p.message.length).toBeGreaterThan(0);
              expect(p.line === null || p.line >= 1).toBe(true);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
