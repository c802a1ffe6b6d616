import { describe, expect, it, vi } from 'vitest';
import { feedback, feedbackHandled } from '../../api/db/schema';
import { createToken } from '../../api/editors/tokens';
import { importRegister } from '../../api/register/import';
import { editorClient, visibleText } from './editor-helpers';
import { createTestDb, testApp } from './helpers';

describe('reports from users and the change log', async () => {
  vi.spyOn(console, 'info').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  const db = await createTestDb({ demo: true });
  const app = testApp(db, { FEEDBACK_PER_MINUTE: 0 });
  const report = (huvudman: string, listingText: string, kind: string, pageHost = 'www.norrkoping.se') =>
    app.request('/v1/feedback', {
      method: 'POST',
      body: JSON.stringify({ huvudman, service: 'hemtjanst', pageHost, listingText, kind }),
      headers: { 'Content-Type': 'application/json' },
    });
  expect((await report('0581', 'Exempelomsorg', 'wrong_match')).status).toBe(201);
  expect((await report('0581', 'Saknad Omsorg AB', 'missing')).status).toBe(201);
  expect((await report('0380', 'Uppsalas rapport', 'outdated', 'www.uppsala.se')).status).toBe(201);
  const browser = editorClient(app);
  await browser.signIn((await createToken(db, '0581', 'Norrköping, äldreomsorg')).token);

  it("lists the huvudman's reports newest first with kind, host, listing text and date; no one else's", async () => {
    const page = await (await browser.get('/editor/reports')).text();
    const text = visibleText(page);
    expect(text).toMatch(
      /\d{4}-\d{2}-\d{2} \d{2}:\d{2} Utförare saknas \(Hemtjänst\) www\.norrkoping\.se Saknad Omsorg AB .*Fel utförare \(Hemtjänst\) www\.norrkoping\.se Exempelomsorg/,
    );
    expect(text).not.toContain('Uppsalas rapport');
    expect(visibleText(await (await browser.get('/editor/')).text())).toContain('2 ohanterade rapporter.');
  });

  it('marks a report as handled, recording who (the token name) and when', async () => {
    const [newest] = (await db.select().from(feedback).all()).filter(
      (f) => f.listingText === 'Saknad Omsorg AB',
    );
    const res = await browser.post('/editor/reports/handled', {
      _csrf: await browser.formToken(),
      id: String(newest!.id),
    });
    expect(res.status).toBe(303);
    const handled = await db.select().from(feedbackHandled).all();
    expect(handled).toEqual([
      expect.objectContaining({ feedbackId: newest!.id, handledBy: 'Norrköping, äldreomsorg' }),
    ]);
    expect(Date.parse(handled[0]!.handledAt)).toBeGreaterThan(Date.now() - 60_000);
    const text = visibleText(await (await browser.get('/editor/reports')).text());
    expect(text).toMatch(/Saknad Omsorg AB av Norrköping, äldreomsorg, \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(text.match(/Markera som hanterad/g)).toHaveLength(1);
    expect(visibleText(await (await browser.get('/editor/')).text())).toContain('1 ohanterad rapport.');
  });

  it("cannot mark another huvudman's report", async () => {
    const uppsala = (await db.select().from(feedback).all()).find((f) => f.huvudman === '0380')!;
    const res = await browser.post('/editor/reports/handled', {
      _csrf: await browser.formToken(),
      id: String(uppsala.id),
    });
    expect(res.status).toBe(404);
    expect((await db.select().from(feedbackHandled).all()).map((h) => h.feedbackId)).not.toContain(
      uppsala.id,
    );
  });

  it("shows the huvudman's change log: who, when, which column, old and new", async () => {
    const first = await importRegister(
      db,
      [
        'huvudman;tjanst;namn;regi;verifierad;id;telefon',
        '0581;hemtjanst;Alfa Exempelomsorg AB;privat;2026-10-01;a1;011-10 00 01',
      ].join('\n'),
      { actor: 'cli' },
    );
    expect(first.ok).toBe(true);
    await importRegister(
      db,
      [
        'huvudman;tjanst;namn;regi;verifierad;id;telefon',
        '0581;hemtjanst;Alfa Exempelomsorg AB;privat;2026-10-01;a1;011-10 00 99',
      ].join('\n'),
      { actor: 'Norrköping, äldreomsorg' },
    );
    await importRegister(
      db,
      ['huvudman;tjanst;namn;regi;verifierad', '0380;hemtjanst;Uppsala Provomsorg AB;privat;2026-10-01'].join(
        '\n',
      ),
    );
    const text = visibleText(await (await browser.get('/editor/changes')).text());
    expect(text).toMatch(
      /\d{4}-\d{2}-\d{2} \d{2}:\d{2} Norrköping, äldreomsorg Alfa Exempelomsorg AB \(Hemtjänst\) Ändrad telefon 011-10 00 01 011-10 00 99/,
    );
    expect(text).toMatch(
      /cli \(import från kommandoraden\) Alfa Exempelomsorg AB \(Hemtjänst\) Ny alla uppgifter id: a1; namn: Alfa Exempelomsorg AB; regi: privat/,
    );
    expect(text).not.toContain('Uppsala Provomsorg AB');
  });

  it('pages the change log 100 at a time, newest first', async () => {
    const rows = Array.from(
      { length: 120 },
      (_, i) => `0581;sarskilt_boende;Provboende ${String(i).padStart(3, '0')};privat;2026-10-01;p${i}`,
    );
    await importRegister(db, ['huvudman;tjanst;namn;regi;verifierad;id', ...rows].join('\n'), {
      actor: 'cli',
    });
    const page = await (await browser.get('/editor/changes')).text();
    expect(page.match(/<tr>\s*<td>/g)).toHaveLength(100);
    const older = /href="(\/editor\/changes\?before=\d+)"/.exec(page)?.[1];
    expect(older).toBeDefined();
    const next = await (await browser.get(older!)).text();
    expect(next.match(/<tr>\s*<td>/g)!.length).toBeGreaterThan(0);
    const firstIds = new Set([...page.matchAll(/Provboende (\d{3})/g)].map((m) => m[1]));
    const nextIds = [...next.matchAll(/Provboende (\d{3})/g)].map((m) => m[1]);
    expect(nextIds.filter((id) => firstIds.has(id))).toEqual([]);
  });
});
