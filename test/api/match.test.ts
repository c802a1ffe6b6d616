import { describe, expect, it } from 'vitest';
import { importRegister } from '../../api/register/import';
import { createTestDb, json, NOW, testApp } from './helpers';

type Match = { text: string; unit: { id: string; name: string } | null; score: number; reason: string };

const REGISTER = [
  'huvudman;tjanst;namn;regi;verifierad;id;alias',
  '0581;hemtjanst;Vionord Omsorg & Service AB;privat;2026-10-01;v1;',
  '0581;hemtjanst;Auxilia Hemtjänst AB;privat;2026-10-01;a1;',
  '0581;hemtjanst;Attendo Sverige AB;privat;2026-10-01;at1;Attendo hemvård',
  '0581;hemtjanst;Norrköpings kommun hemtjänst;egen_regi;2026-10-01;k1;Kommunens hemtjänst',
  '0380;hemtjanst;Vardaga Uppsala AB;privat;2026-10-01;u1;',
].join('\n');

describe('POST /v1/match', async () => {
  const db = await createTestDb();
  const result = await importRegister(db, REGISTER, { now: NOW });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const app = testApp(db);
  const match = (body: unknown) =>
    app.request('/v1/match', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json' },
    });

  it('matches listing texts as they appear on pages, in input order, and leaves the rest unmatched', async () => {
    const names = [
      'Vionord Omsorg och Service',
      'Välj utförare',
      'Auxilia Hemjänst AB',
      'Attendo',
      'Kontakta oss',
    ];
    const { matches } = await json<{ matches: Match[] }>(
      match({ huvudman: '0581', service: 'hemtjanst', names }),
    );
    expect(matches.map((m) => m.text)).toEqual(names);
    expect(matches.map((m) => m.unit?.name ?? null)).toEqual([
      'Vionord Omsorg & Service AB',
      null,
      'Auxilia Hemtjänst AB',
      'Attendo Sverige AB',
      null,
    ]);
    for (const m of matches) expect(typeof m.reason).toBe('string');
  });

  it('never matches a unit of another huvudman', async () => {
    const { matches } = await json<{ matches: Match[] }>(
      match({ huvudman: '0581', names: ['Vardaga Uppsala AB'] }),
    );
    expect(matches[0]!.unit).toBeNull();
  });

  it('accepts 500 names and rejects 501 with a message', async () => {
    const ok = await match({ huvudman: '0581', names: Array(500).fill('Attendo') });
    expect(ok.status).toBe(200);
    const tooMany = await match({ huvudman: '0581', names: Array(501).fill('Attendo') });
    expect(tooMany.status).toBe(400);
    expect((await json<{ error: { message: string } }>(tooMany)).error.message).toContain('500');
  });

  it('limits the body size with 413', async () => {
    const res = await match({ huvudman: '0581', names: ['x'.repeat(300)], padding: 'y'.repeat(300_000) });
    expect(res.status).toBe(413);
  });

  it.each([
    [{ names: ['Attendo'] }, 'huvudman'],
    [{ huvudman: '0581', names: [] }, 'names'],
    [{ huvudman: '0581', names: 'Attendo' }, 'names'],
    [{ huvudman: '0581', service: 'skola', names: ['Attendo'] }, 'service'],
  ])('rejects %j with 400 naming %s', async (body, field) => {
    const res = await match(body);
    expect(res.status).toBe(400);
    expect((await json<{ error: { message: string } }>(res)).error.message).toContain(field);
  });

  it('answers 404 for a huvudman that does not exist', async () => {
    expect((await match({ huvudman: '9999', names: ['Attendo'] })).status).toBe(404);
  });

  it('sees register changes at once', async () => {
    const updated = await importRegister(
      db,
      `${REGISTER}\n0581;hemtjanst;Nya Exempelomsorgen AB;privat;2026-11-01;n1;`,
      {
        now: NOW,
      },
    );
    expect(updated.ok).toBe(true);
    const { matches } = await json<{ matches: Match[] }>(
      match({ huvudman: '0581', names: ['Nya Exempelomsorgen'] }),
    );
    expect(matches[0]!.unit?.name).toBe('Nya Exempelomsorgen AB');
  });
});
