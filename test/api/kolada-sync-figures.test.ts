import { describe, expect, it } from 'vitest';
import type { KoladaDataRow } from '../../api/kolada';
import { figureHistory, linkHistory } from '../../api/sync/history';
import { planValues, type StoredValue } from '../../api/sync/plan';
import type { OuLink, SyncValue } from '../../api/sync/types';
import { cataloguePublicationDate, toSyncValues } from '../../api/sync/values';
import { INDICATORS } from '../../shared/reference';
import { countIsRespondents, isCodedAtUnitLevel } from '../../shared/reference/indicators';

/** The sync's figures: Kolada's rows as stored figures, their history, and the plan of what to write. */
const row = (
  kpi: string,
  subject: string,
  period: string,
  value: number | null,
  extra = {},
): KoladaDataRow => ({
  kpi,
  subjectType: subject.startsWith('V') ? 'ou' : 'municipality',
  subject,
  period,
  value,
  respondents: 40,
  status: null,
  deleted: false,
  ...extra,
});

describe('turning Kolada rows into stored figures (pure)', () => {
  it("keeps an OU's figures under the OU, the kommun's and country's as comparison, and drops other areas", () => {
    const { values } = toSyncValues({
      kommun: '0581',
      unitRows: [row('U21468', 'V21E1', '2026', 80), row('U21468', 'V21E2', '2026', 70)],
      areaRows: [
        row('U21468', '0581', '2026', 85),
        row('U21468', '0000', '2026', 90),
        row('U21468', '0580', '2026', 1),
      ],
    });
    expect(values.map((v) => [v.scope, v.subject, v.value])).toEqual([
      ['ou', 'V21E1', 80],
      ['ou', 'V21E2', 70],
      ['kommun', '0581', 85],
      ['riket', '0000', 90],
    ]);
  });

  it('stores respondents for the user survey only (whatever the letter of the id), and marks deletions', () => {
    const { values, deleted } = toSyncValues({
      kommun: '0581',
      unitRows: [
        row('U21468', 'V21E1', '2026', 80),
        row('N21495', 'V21E1', '2026', 91, { respondents: 3 }),
        row('N21608', 'V21E1', '2026', 55, { respondents: 1 }),
        row('U21466', 'V21E1', '2026', null, { deleted: true }),
      ],
      areaRows: [],
    });
    expect(values.map((v) => [v.indicatorId, v.respondents])).toEqual([
      ['U21468', 40],
      ['N21495', 3],
      ['N21608', null],
    ]);
    expect(deleted.map((v) => v.indicatorId)).toEqual(['U21466']);
  });

  it('dates only the period the catalogue publishes', () => {
    expect(cataloguePublicationDate('U21468', '2026')).toBe('2026-10-04');
    expect(cataloguePublicationDate('U21468', '2025')).toBeNull();
    expect(cataloguePublicationDate('X00000', '2026')).toBeNull();
  });
});

describe('which KPIs may be shown as a share of a unit', () => {
  it("counts people only for the user survey, and knows Kolada's 0/1-coded unit-level KPIs", () => {
    expect(['U21468', 'N21495', 'N21497', 'N21608', 'N23588'].map(countIsRespondents)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    for (const kpi of [
      'U21555',
      'U21568',
      'U23498',
      'U23503',
      'U23524',
      'U23566',
      'U23574',
      'U23588',
      'N21605',
      'N23586',
      'N23587',
      'U21563',
      'U23564',
    ]) {
      expect(isCodedAtUnitLevel(kpi), kpi).toBe(true);
    }
    expect(INDICATORS.filter((i) => isCodedAtUnitLevel(i.id))).toEqual([]);
    expect(INDICATORS.every((i) => i.unit === 'percent' && /andel \(%\)/.test(i.title))).toBe(true);
  });
});

describe('the history of a sync (pure)', () => {
  const links: OuLink[] = [
    { unitId: 'u1', service: 'hemtjanst', ou: 'V21E1', ouTitle: 'Väst', method: 'name' },
    { unitId: 'u1', service: 'hemtjanst', ou: 'V21E2', ouTitle: 'Öst', method: 'name' },
  ];
  it('gives a changed figure of a survey unit to every unit that shows it, naming the survey unit', () => {
    const ouValue = (subject: string, v: number | null): SyncValue => ({
      indicatorId: 'U21468',
      scope: 'ou',
      subject,
      period: '2026',
      value: v,
      respondents: 40,
      status: null,
      publishedAt: null,
    });
    const rows = figureHistory(
      {
        added: [ouValue('V21E1', 80)],
        changed: [{ before: { ...ouValue('V21E2', 70), kind: 'live' }, after: ouValue('V21E2', 71) }],
        removed: [{ ...ouValue('V21E3', 60), kind: 'live' }],
        unchanged: 0,
      },
      '0581',
      links,
      [{ unitId: 'u2', service: 'hemtjanst', ou: 'V21E3', ouTitle: null, method: 'name' }],
    );
    expect(rows.map((r) => [r.unitId, r.field, r.from, r.to])).toEqual([
      ['u1', 'U21468 2026 V21E1', null, 80],
      ['u1', 'U21468 2026 V21E2', 70, 71],
      ['u2', 'U21468 2026 V21E3', 60, null],
    ]);
  });

  it('records a unit whose survey units changed, but not one added in the same sync', () => {
    const rows = linkHistory(
      '0581',
      [{ unitId: 'u1', service: 'hemtjanst', ou: 'V21E1' }],
      links,
      new Set(['u9']),
    );
    expect(rows).toEqual([
      {
        unitId: 'u1',
        huvudman: '0581',
        service: 'hemtjanst',
        kind: 'changed',
        field: 'surveyUnits',
        from: ['V21E1'],
        to: ['V21E1', 'V21E2'],
      },
    ]);
    expect(linkHistory('0581', [], [{ ...links[0]!, unitId: 'u9' }], new Set(['u9']))).toEqual([]);
  });
});

const value = (subject: string, period: string, v: number | null): SyncValue => ({
  indicatorId: 'U21468',
  scope: 'ou',
  subject,
  period,
  value: v,
  respondents: 40,
  status: null,
  publishedAt: null,
});
const stored = (v: SyncValue, kind: 'demo' | 'live' = 'live'): StoredValue => ({ ...v, kind });

describe('planning the writes (pure)', () => {
  const existing = [
    stored(value('u1', '2025', 70)),
    stored(value('u1', '2026', 80)),
    stored(value('u2', '2026', 60)),
  ];

  it('full: what Kolada no longer has is removed; equal figures are left alone', () => {
    const plan = planValues({
      stored: existing,
      incoming: [value('u1', '2025', 70), value('u1', '2026', 81), value('u3', '2026', 50)],
      deleted: [],
      mode: 'full',
    });
    expect(plan.added.map((v) => v.subject)).toEqual(['u3']);
    expect(plan.changed.map((c) => [c.before.value, c.after.value])).toEqual([[80, 81]]);
    expect(plan.removed.map((v) => v.subject)).toEqual(['u2']);
    expect(plan.unchanged).toBe(1);
  });

  it('incremental: only what Kolada says changed or was deleted', () => {
    const plan = planValues({
      stored: existing,
      incoming: [value('u1', '2026', 81)],
      deleted: [value('u2', '2026', null)],
      mode: 'incremental',
    });
    expect(plan.changed).toHaveLength(1);
    expect(plan.removed.map((v) => v.subject)).toEqual(['u2']);
    expect(plan.added).toEqual([]);
  });

  it('a new figure beside stored ones that all match is added, and only it', () => {
    const plan = planValues({
      stored: existing,
      incoming: [
        value('u1', '2025', 70),
        value('u1', '2026', 80),
        value('u2', '2026', 60),
        value('u2', '2027', 65),
      ],
      deleted: [],
      mode: 'full',
    });
    expect(plan.added.map((v) => [v.subject, v.period])).toEqual([['u2', '2027']]);
    expect([plan.changed, plan.removed, plan.unchanged]).toEqual([[], [], 3]);
  });

  it('a figure Kolada repeats counts once, as its last row says', () => {
    const plan = planValues({
      stored: existing,
      incoming: [value('u1', '2026', 80), value('u1', '2026', 82)],
      deleted: [],
      mode: 'incremental',
    });
    expect(plan.changed.map((c) => [c.before.value, c.after.value])).toEqual([[80, 82]]);
    expect([plan.added, plan.removed, plan.unchanged]).toEqual([[], [], 0]);
  });

  it('demo figures in scope always go, even incrementally; an equal real figure replaces a demo one', () => {
    const plan = planValues({
      stored: [stored(value('u1', '2025', 70), 'demo'), stored(value('u1', '2026', 80), 'demo')],
      incoming: [value('u1', '2026', 80)],
      deleted: [],
      mode: 'incremental',
    });
    expect(plan.changed.map((c) => c.before.kind)).toEqual(['demo']);
    expect(plan.removed.map((v) => v.period)).toEqual(['2025']);
  });
});
