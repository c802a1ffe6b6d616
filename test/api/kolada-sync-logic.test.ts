import { describe, expect, it } from 'vitest';
import { parseSyncArgs } from '../../api/sync/args';
import { baselineIdentity, baselineOu, baselineUnitId, planBaseline } from '../../api/sync/baseline';
import { parseInterval } from '../../api/sync/interval';
import { linkOus } from '../../api/sync/link';
import { elderlyCareOus, ouService } from '../../api/sync/ous';
import { progressLine, progressReporter } from '../../api/sync/progress';
import { startPeriodicSync } from '../../api/sync/schedule';
import type { SyncUnit } from '../../api/sync/types';

const unit = (id: string, name: string, extra: Partial<SyncUnit> = {}): SyncUnit => ({
  id,
  service: 'hemtjanst',
  origin: 'register',
  kind: 'live',
  name,
  aliases: [],
  koladaOu: [],
  identityKey: `0581/hemtjanst/namn:${name}`,
  status: 'aktiv',
  statusDate: null,
  ...extra,
});
const ou = (id: string, title: string, municipality = '0581') => ({ id, municipality, title });
const elderly = (list: ReturnType<typeof ou>[]) => elderlyCareOus(list);
const link = (units: SyncUnit[], ous: ReturnType<typeof ou>[]) =>
  linkOus({
    kommun: '0581',
    service: 'hemtjanst',
    ous: elderly(ous),
    units,
    contextNames: ['Norrköpings kommun', 'Norrköping'],
  });

describe('elderly-care OUs (pure)', () => {
  it("keeps only hemtjänst (V21…) and särskilt boende (V23…), with the kommun from Kolada's field, never the id", () => {
    expect(['V21E058100101', 'V23E1285', 'V15E058100301', 'V11E1'].map(ouService)).toEqual([
      'hemtjanst',
      'sarskilt_boende',
      null,
      null,
    ]);
    expect(
      elderlyCareOus([
        ou('V21E058100101', 'Hemtjänst Norr', '0580'),
        ou('V23E1285', 'Almgården', '1290'),
        ou('V15E058100301', 'Björkdungens skola F-6'),
      ]),
    ).toEqual([
      { id: 'V21E058100101', huvudman: '0580', service: 'hemtjanst', title: 'Hemtjänst Norr' },
      { id: 'V23E1285', huvudman: '1290', service: 'sarskilt_boende', title: 'Almgården' },
    ]);
  });
});

describe('linking OUs to register units (pure)', () => {
  it('ignores OUs of other kinds', () => {
    const result = link(
      [unit('u1', 'Björkdungens skola F-6')],
      [ou('V15E058100301', 'Björkdungens skola F-6')],
    );
    expect(result).toEqual({ links: [], unlinked: [] });
  });

  it("trusts every OU of the register's kolada_ou, even one Kolada does not list under the kommun", () => {
    const result = link(
      [unit('u1', 'Alfa Omsorg AB', { koladaOu: ['V21E999900101', 'V21E2210'] })],
      [ou('V21E2210', 'Alfa Omsorg, Väst')],
    );
    expect(result.links).toEqual([
      { unitId: 'u1', service: 'hemtjanst', ou: 'V21E999900101', ouTitle: null, method: 'register' },
      {
        unitId: 'u1',
        service: 'hemtjanst',
        ou: 'V21E2210',
        ouTitle: 'Alfa Omsorg, Väst',
        method: 'register',
      },
    ]);
  });

  it('never name-links a unit that has an OU in the register, nor an ended unit', () => {
    const result = link(
      [
        unit('u1', 'Kvarnbäckens Omsorg AB', { koladaOu: ['V21E058100199'] }),
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

  it('links several OUs to one unit when each clearly names it and no other unit', () => {
    const result = link(
      [unit('u1', 'Omsorgsgruppen Lind AB'), unit('u2', 'Kvarnbäckens Omsorg AB')],
      [
        ou('V21E2210', 'Omsorgsgruppen Lind AB, Väst'),
        ou('V21E22101', 'Omsorgsgruppen Lind AB, Öst'),
        ou('V21E058100103', 'Hemtjänst Ängsmyran'),
      ],
    );
    expect(result.links.map((l) => [l.unitId, l.ou, l.method])).toEqual([
      ['u1', 'V21E2210', 'name'],
      ['u1', 'V21E22101', 'name'],
    ]);
    expect(result.unlinked.map((u) => u.ou)).toEqual(['V21E058100103']);
  });

  it('links no OU whose title could name two units', () => {
    const result = link(
      [unit('u1', 'Omsorgsgruppen Lind Norr AB'), unit('u2', 'Omsorgsgruppen Lind Söder AB')],
      [ou('V21E2210', 'Omsorgsgruppen Lind AB')],
    );
    expect(result.links).toEqual([]);
    expect(result.unlinked.map((u) => u.ou)).toEqual(['V21E2210']);
  });
});

describe('baseline units (pure)', () => {
  const ous = elderly([
    ou('V21E4471', 'Hemtjänst Ekholmen'),
    ou('V21E44712', 'Lindgårdens Omsorg AB'),
    ou('V21E0580004', 'Hemtjänst Ryd, Område 2'),
    ou('V23E7788', 'Almbackens vård- och omsorgsboende'),
  ]);
  const baseline = (ouId: string, name: string, extra: Partial<SyncUnit> = {}) =>
    unit(baselineUnitId('0581', 'hemtjanst', ouId), name, {
      origin: 'kolada',
      identityKey: baselineIdentity('0581', 'hemtjanst', ouId),
      ...extra,
    });

  it('one unit per listed OU of the service with figures; the id follows the OU, so it never changes', () => {
    const plan = planBaseline({
      kommun: '0581',
      service: 'hemtjanst',
      ous,
      withFigures: new Set(['V21E4471', 'V21E44712', 'V23E7788']),
      units: [],
    });
    expect(plan.added.map((a) => [a.id, a.ou.title])).toEqual([
      [baselineUnitId('0581', 'hemtjanst', 'V21E4471'), 'Hemtjänst Ekholmen'],
      [baselineUnitId('0581', 'hemtjanst', 'V21E44712'), 'Lindgårdens Omsorg AB'],
    ]);
    expect(baselineUnitId('0581', 'hemtjanst', 'V21E4471')).toBe(
      baselineUnitId('0581', 'hemtjanst', 'V21E4471'),
    );
    expect(baselineUnitId('0581', 'hemtjanst', 'V21E4471')).not.toBe(
      baselineUnitId('0580', 'hemtjanst', 'V21E4471'),
    );
    expect(plan.links.every((l) => l.method === 'kolada')).toBe(true);
  });

  it('renames, reopens and ends what Kolada changed; an ended unit keeps its OU', () => {
    const plan = planBaseline({
      kommun: '0581',
      service: 'hemtjanst',
      ous,
      withFigures: new Set(['V21E4471', 'V21E44712']),
      units: [
        baseline('V21E4471', 'Hemtjänst Ekholmen', { status: 'avslutad', statusDate: '2025-11-01' }),
        baseline('V21E44712', 'Lindgårdens Hemtjänst AB'),
        baseline('V21E9999', 'Nedlagda hemtjänsten'),
        unit('r1', 'Registrets enhet'),
      ],
    });
    expect(plan.added).toEqual([]);
    expect(plan.renamed.map((r) => [r.from, r.to])).toEqual([
      ['Lindgårdens Hemtjänst AB', 'Lindgårdens Omsorg AB'],
    ]);
    expect(plan.reopened).toEqual([
      { id: baselineUnitId('0581', 'hemtjanst', 'V21E4471'), statusDate: '2025-11-01' },
    ]);
    expect(plan.ended).toEqual([{ id: baselineUnitId('0581', 'hemtjanst', 'V21E9999') }]);
    expect(plan.links.map((l) => l.ou).sort()).toEqual(['V21E44712', 'V21E4471', 'V21E9999'].sort());
    expect(baselineOu(baselineIdentity('0581', 'hemtjanst', 'V21E9999'))).toBe('V21E9999');
  });
});

describe('progress of a sync', () => {
  it('says kommuner done of total, figures, requests, elapsed and an estimate', () => {
    expect(progressLine({ done: 29, total: 290, figures: 18000, requests: 34, kommun: '0581' }, 60_000)).toBe(
      '29/290 kommuner · 18\u00a0000 värden · 34 anrop till Kolada · 1:00 · ca 9:00 kvar',
    );
    const written: string[] = [];
    let t = 0;
    const plain = progressReporter(
      { isTTY: false, write: (text) => written.push(text) },
      { now: () => t, lineEveryMs: 10_000 },
    );
    plain.update({ done: 0, total: 2, figures: 0, requests: 0, kommun: null });
    t = 5000;
    plain.update({ done: 1, total: 2, figures: 10, requests: 3, kommun: '0580' });
    t = 12_000;
    plain.update({ done: 2, total: 2, figures: 20, requests: 4, kommun: null });
    expect(written).toEqual([
      '0/2 kommuner · 0 värden · 0 anrop till Kolada · 0:00\n',
      '2/2 kommuner · 20 värden · 4 anrop till Kolada · 0:12\n',
    ]);
    const tty: string[] = [];
    const bar = progressReporter(
      { isTTY: true, write: (text) => tty.push(text) },
      { now: () => 0, width: 4 },
    );
    bar.update({ done: 1, total: 2, figures: 1, requests: 1, kommun: '0580' });
    expect(tty[0]).toMatch(/^\r\[##--\] 1\/2 kommuner/);
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
