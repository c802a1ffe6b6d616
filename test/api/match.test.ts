import { describe, expect, it } from 'vitest';
import { importRegister } from '../../api/register/import';
import { createTestDb, json, NOW, testApp } from './helpers';

type Named = { id: string; name: string };
type Match = { text: string; unit: Named | null; score: number; reason: string; group: Named[] | null };

const REGISTER = [
  'huvudman;tjanst;namn;regi;verifierad;id;alias',
  '0581;hemtjanst;Vionord Omsorg & Service AB;privat;2026-10-01;v1;',
  '0581;hemtjanst;Auxilia Hemtjänst AB;privat;2026-10-01;a1;',
  '0581;hemtjanst;Attendo Sverige AB;privat;2026-10-01;at1;Attendo hemvård',
  '0581;hemtjanst;Norrköpings kommun hemtjänst;egen_regi;2026-10-01;k1;Kommunens hemtjänst',
  '0581;hemtjanst;Solvita Omsorg Centrum AB;privat;2026-10-01;s1;',
  '0581;hemtjanst;Solvita Omsorg Väster AB;privat;2026-10-01;s2;',
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

  it("reads the names as one provider list: the kommun's own unit from the kommun's name", async () => {
    const { matches } = await json<{ matches: Match[] }>(
      match({
        huvudman: '0581',
        service: 'hemtjanst',
        names: ['Norrköpings kommun', 'Kommunen (egen regi)'],
      }),
    );
    for (const m of matches) {
      expect(m).toMatchObject({
        unit: { name: 'Norrköpings kommun hemtjänst' },
        reason: 'egen_regi',
        group: null,
      });
    }
  });

  it('matches the name part of a listing that carries a phone number, cells or a description', async () => {
    const names = [
      'Auxilia Hemtjänst AB, telefon 011-12 34 56',
      'Auxilia Hemtjänst AB\tCentrum, Söder\tService och omvårdnad\t011-12 34 56',
      'Vionord Omsorg & Service AB. Vi har funnits i Norrköping sedan 2005 och talar flera språk.',
    ];
    const { matches } = await json<{ matches: Match[] }>(match({ huvudman: '0581', names }));
    expect(matches.map((m) => m.unit?.name ?? null)).toEqual([
      'Auxilia Hemtjänst AB',
      'Auxilia Hemtjänst AB',
      'Vionord Omsorg & Service AB',
    ]);
    expect(matches.map((m) => m.text)).toEqual(names);
  });

  it('answers a brand several units share with the whole group, and unit null', async () => {
    const { matches } = await json<{ matches: Match[] }>(
      match({ huvudman: '0581', names: ['Solvita Omsorg', 'Solvita Omsorg Väster', 'Solvita Norr'] }),
    );
    expect(matches[0]).toMatchObject({
      unit: null,
      reason: 'shared_name',
      group: [
        { id: expect.any(String), name: 'Solvita Omsorg Centrum AB' },
        { id: expect.any(String), name: 'Solvita Omsorg Väster AB' },
      ],
    });
    expect(matches[1]).toMatchObject({ unit: { name: 'Solvita Omsorg Väster AB' }, group: null });
    expect(matches[2]).toMatchObject({ unit: null, group: null });
  });

  it('documents the group and every reason in the OpenAPI document, with an example', () => {
    const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } });
    // The answer is a named component schema (MatchResponse), referenced from the route.
    expect(JSON.stringify(doc.paths?.['/v1/match'])).toContain('#/components/schemas/MatchResponse');
    const text = JSON.stringify(doc.components?.schemas?.MatchResponse);
    for (const word of ['shared_name', 'egen_regi', 'too_long', 'work_limit', 'group', 'example']) {
      expect(text).toContain(word);
    }
  });

  it('refuses names that are too long for any listing with a reason, and answers the rest', async () => {
    const names = ['q'.repeat(300), Array(60).fill('ord').join(' '), 'Vionord'];
    const { matches } = await json<{ matches: Match[] }>(match({ huvudman: '0581', names }));
    expect(matches.map((m) => m.reason)).toEqual(['too_long', 'too_long', 'name']);
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
