import { describe, expect, it } from 'vitest';
import type { KoladaDataRow } from '../../api/kolada';
import { parseSyncArgs } from '../../api/sync/args';
import { parseInterval } from '../../api/sync/interval';
import { linkOus } from '../../api/sync/link';
import { ouService } from '../../api/sync/ous';
import { planValues, type StoredValue } from '../../api/sync/plan';
import { startPeriodicSync } from '../../api/sync/schedule';
import type { SyncUnit, SyncValue } from '../../api/sync/types';
import { cataloguePublicationDate, toSyncValues } from '../../api/sync/values';

const unit = (id: string, name: string, extra: Partial<SyncUnit> = {}): SyncUnit => ({
  id,
  service: 'hemtjanst',
  name,
  aliases: [],
  koladaOu: null,
  status: 'aktiv',
  ...extra,
});
const ou = (id: string, title: string) => ({ id, municipality: '0581', title });
const link = (units: SyncUnit[], ous: ReturnType<typeof ou>[]) =>
  linkOus({
    kommun: '0581',
    service: 'hemtjanst',
    ous,
    units,
    contextNames: ['Norrköpings kommun', 'Norrköping'],
  });

describe('linking OUs to units (pure)', () => {
  it('keeps only elderly-care OUs of the service', () => {
    expect(['V21E058100101', 'V23E058100201', 'V15E058100301', 'V11E1'].map(ouService)).toEqual([
      'hemtjanst',
      'sarskilt_boende',
      null,
      null,
    ]);
    const result = link(
      [unit('u1', 'Björkdungens skola F-6')],
      [ou('V15E058100301', 'Björkdungens skola F-6')],
    );
    expect(result).toEqual({ links: [], unlinked: [] });
  });

  it("trusts the register's kolada_ou, even for an OU Kolada does not list under the kommun", () => {
    const result = link([unit('u1', 'Alfa Omsorg AB', { koladaOu: 'V21E999900101' })], []);
    expect(result.links).toEqual([
      { unitId: 'u1', service: 'hemtjanst', ou: 'V21E999900101', ouTitle: null, method: 'register' },
    ]);
  });

  it('never name-links a unit that has an OU in the register, nor an ended unit', () => {
    const result = link(
      [
        unit('u1', 'Kvarnbäckens Omsorg AB', { koladaOu: 'V21E058100199' }),
        unit('u2', 'Solvändans Hemtjänst AB', { status: 'avslutad' }),
      ],
      [ou('V21E058100104', 'Kvarnbäckens Omsorg AB'), ou('V21E058100105', 'Solvändans Hemtjänst AB')],
    );
    expect(result.links.map((l) => [l.unitId, l.ou, l.method])).toEqual([
      ['u1', 'V21E058100199', 'register'],
    ]);
    expect(result.unlinked.map((u) => [u.ou, u.reason])).toEqual([
      ['V21E058100104', 'no_match'],
      ['V21E058100105', 'no_match'],
    ]);
  });

  it('leaves both OUs unlinked when two point at the same unit: which one is it?', () => {
    const result = link(
      [unit('u1', 'Kvarnbäckens Omsorg AB')],
      [ou('V21E058100104', 'Kvarnbäckens Omsorg AB'), ou('V21E058100107', 'Kvarnbäckens Omsorg AB')],
    );
    expect(result.links).toEqual([]);
    expect(result.unlinked.map((u) => [u.ou, u.reason, u.candidates])).toEqual([
      ['V21E058100104', 'ambiguous', ['Kvarnbäckens Omsorg AB']],
      ['V21E058100107', 'ambiguous', ['Kvarnbäckens Omsorg AB']],
    ]);
  });
});

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
  const links = [
    { unitId: 'u1', service: 'hemtjanst' as const, ou: 'V21E1', ouTitle: 'x', method: 'name' as const },
  ];

  it("gives an OU's figures to its unit, the kommun's and country's to comparison, and drops the rest", () => {
    const { values } = toSyncValues({
      kommun: '0581',
      links,
      unitRows: [row('U21468', 'V21E1', '2026', 80), row('U21468', 'V21E2', '2026', 70)],
      areaRows: [
        row('U21468', '0581', '2026', 85),
        row('U21468', '0000', '2026', 90),
        row('U21468', '0580', '2026', 1),
      ],
    });
    expect(values.map((v) => [v.scope, v.subject, v.value])).toEqual([
      ['unit', 'u1', 80],
      ['kommun', '0581', 85],
      ['riket', '0000', 90],
    ]);
  });

  it('stores respondents for user-survey KPIs only, and marks deletions', () => {
    const { values, deleted } = toSyncValues({
      kommun: '0581',
      links,
      unitRows: [
        row('U21468', 'V21E1', '2026', 80),
        row('N21608', 'V21E1', '2026', 55, { respondents: 1 }),
        row('U21466', 'V21E1', '2026', null, { deleted: true }),
      ],
      areaRows: [],
    });
    expect(values.map((v) => [v.indicatorId, v.respondents])).toEqual([
      ['U21468', 40],
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

const value = (subject: string, period: string, v: number | null): SyncValue => ({
  indicatorId: 'U21468',
  scope: 'unit',
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

describe('SYNC_INTERVAL and the periodic sync', () => {
  it('parses durations, and off', () => {
    expect([parseInterval('24h'), parseInterval('30m'), parseInterval('1d'), parseInterval('90s')]).toEqual([
      86_400_000, 1_800_000, 86_400_000, 90_000,
    ]);
    expect([parseInterval(undefined), parseInterval(''), parseInterval('off'), parseInterval('0')]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(() => parseInterval('10s')).toThrow(/at least 1m/);
    expect(() => parseInterval('daily')).toThrow(/24h/);
  });

  function manualTimers() {
    const pending: { fn: () => void; ms: number }[] = [];
    return {
      pending,
      setTimeout: (fn: () => void, ms: number) => {
        const timer = { fn, ms };
        pending.push(timer);
        return timer;
      },
      clearTimeout: (handle: unknown) => {
        const i = pending.indexOf(handle as (typeof pending)[number]);
        if (i >= 0) pending.splice(i, 1);
      },
      fire() {
        pending.shift()?.fn();
      },
    };
  }

  it('never overlaps runs: a tick while one runs is skipped and logged', async () => {
    const timers = manualTimers();
    const log: string[] = [];
    let runs = 0;
    let finish = () => {};
    const sync = startPeriodicSync({
      intervalMs: 60_000,
      firstDelayMs: 0,
      log: (m) => log.push(m),
      run: () => {
        runs++;
        return new Promise<void>((resolve) => {
          finish = resolve;
        });
      },
      ...timers,
    });
    expect(timers.pending.map((t) => t.ms)).toEqual([0]);
    timers.fire();
    expect(runs).toBe(1);
    expect(timers.pending.map((t) => t.ms)).toEqual([60_000]);
    timers.fire();
    expect(runs).toBe(1);
    expect(log).toEqual(['Kolada sync: the previous run is still going; skipping this one']);
    finish();
    await new Promise((resolve) => setImmediate(resolve));
    const second = sync.tick();
    expect(runs).toBe(2);
    finish();
    await second;
    await sync.stop();
    expect(timers.pending).toEqual([]);
  });

  it('logs a failing run and keeps going; stop aborts a running one', async () => {
    const log: string[] = [];
    let signal: AbortSignal | undefined;
    const sync = startPeriodicSync({
      intervalMs: 60_000,
      log: (m) => log.push(m),
      run: async (s) => {
        signal = s;
        throw new Error('Kolada svarar inte');
      },
      ...manualTimers(),
    });
    await sync.tick();
    expect(log).toEqual(['Kolada sync failed: Kolada svarar inte']);
    await sync.stop();
    expect(signal?.aborted).toBe(true);
    await sync.tick();
    expect(log).toHaveLength(1);
  });
});

describe('npm run sync flags', () => {
  it('reads kommuner, years and a from-date', () => {
    expect(
      parseSyncArgs([
        '--kommun',
        '0581,0580',
        '--kommun',
        '0380',
        '--year',
        '2026',
        '--from-date',
        '2026-10-01',
      ]),
    ).toEqual({
      help: false,
      kommuner: ['0581', '0580', '0380'],
      years: [2026],
      fromDate: '2026-10-01',
    });
    expect(parseSyncArgs([])).toEqual({ help: false });
  });

  it('rejects what would go wrong later', () => {
    expect(() => parseSyncArgs(['--kommun', '581'])).toThrow(/four digits/);
    expect(() => parseSyncArgs(['--year', '26'])).toThrow(/four digits/);
    expect(() => parseSyncArgs(['--from-date', '2026-02-30'])).toThrow(/YYYY-MM-DD/);
    expect(() => parseSyncArgs(['--kommuner', '0581'])).toThrow();
  });
});
