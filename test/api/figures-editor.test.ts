import { describe, expect, it, vi } from 'vitest';
import { changes, indicatorValues } from '../../api/db/schema';
import { createToken } from '../../api/editors/tokens';
import { importFigures } from '../../api/figures/import';
import { importRegister } from '../../api/register/import';
import type { UnitList } from '../../shared/domain';
import { type EditorClient, editorClient, problemRows, reviewHash, visibleText } from './editor-helpers';
import { createTestDb, json, NOW, testApp } from './helpers';

const REGISTER = [
  'huvudman;tjanst;namn;regi;verifierad;id;hsa_id',
  '05;vardcentral;Hälsocentralen Exempelby;egen_regi;2026-10-01;og-vc-1;SE2321000040-PRVA0001',
  '05;vardcentral;Påhittade Vårdcentralen Norr AB;privat;2026-10-01;og-vc-2;SE2321000040-PRVA0002',
].join('\n');
const HEADER = 'huvudman;tjanst;enhet;indikator;period;varde;antal;kalla;kalla_url;publicerad';
const npe = (unit: string, value: string, huvudman = '05') =>
  `${huvudman};vardcentral;${unit};npe_vard_och_behandling_medel;2025;${value};143;Nationell Patientenkät (påhittad);https://exempel.invalid/npe;2026-03-14`;
const FILE = [HEADER, npe('SE2321000040-PRVA0001', '0,84'), npe('og-vc-2', '0,71'), npe('', '0,80')].join(
  '\n',
);

async function review(browser: EditorClient, text: string, name = 'indikatorvarden.csv') {
  const res = await browser.post(
    '/editor/register/figures/review',
    { _csrf: await browser.formToken() },
    { file: { name, bytes: new TextEncoder().encode(text) } },
  );
  return { res, page: await res.text() };
}

describe('the editors’ page: Indikatorvärden, Granska and Publicera', async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'info').mockImplementation(() => {});
  const db = await createTestDb();
  expect((await importRegister(db, REGISTER, { now: NOW })).ok).toBe(true);
  const { token } = await createToken(db, '05', 'Region Östergötland, primärvård');
  const app = testApp(db);
  const browser = editorClient(app);
  await browser.signIn(token);
  const snapshot = async () =>
    JSON.stringify([await db.select().from(indicatorValues).all(), await db.select().from(changes).all()]);
  const shown = async () =>
    (await json<UnitList>(app.request('/v1/regioner/05/units?service=vardcentral'))).items.map(
      (u) => u.indicators.find((i) => i.id === 'npe_vard_och_behandling_medel')!.value,
    );

  it('has a page of its own in the navigation, with the file field and Granska', async () => {
    const page = await (await browser.get('/editor/figures')).text();
    expect(page).toMatch(/<a href="\/editor\/figures" aria-current="page">Indikatorvärden<\/a>/);
    expect(page).toMatch(/<label for="file">Fil med indikatorvärden<\/label>/);
    expect(page).toContain('action="/editor/register/figures/review"');
  });

  it('lists every problem by line and column and writes nothing', async () => {
    const before = await snapshot();
    const { res, page } = await review(
      browser,
      [HEADER, npe('SE2321000040-OKAND001', '0,84'), npe('og-vc-2', '7'), npe('', '0,8', '01')].join('\n'),
    );
    expect(res.status).toBe(422);
    // The reader's problems (a value off the scale) come first; units are looked up once the file reads.
    expect(problemRows(page).map((r) => [r[0], r[1]])).toEqual([['3', 'varde']]);
    const second = await review(
      browser,
      [HEADER, npe('SE2321000040-OKAND001', '0,84'), npe('', '0,8', '01')].join('\n'),
    );
    expect(problemRows(second.page).map((r) => [r[0], r[1]])).toEqual([['3', 'huvudman']]);
    const third = await review(browser, [HEADER, npe('SE2321000040-OKAND001', '0,84')].join('\n'));
    expect(problemRows(third.page).map((r) => [r[0], r[1]])).toEqual([['2', 'enhet']]);
    expect(await snapshot()).toBe(before);
  });

  it('shows what publishing would change, per set and per unit, writing nothing, then publishes exactly that', async () => {
    const before = await snapshot();
    const { res, page } = await review(browser, FILE);
    expect(res.status).toBe(200);
    const text = visibleText(page);
    expect(text).toContain('Patienternas omdöme om vården och läkaren');
    expect(text).toMatch(/Hälsocentralen Exempelby \(ny\) .* 2025 \(tom\) 0,84/);
    expect(text).toMatch(/Region Östergötland, jämförelsesiffra \(ny\) .* 0,8/);
    expect(await snapshot()).toBe(before);

    const published = await browser.post('/editor/register/figures/publish', {
      _csrf: await browser.formToken(),
      review: reviewHash(page),
    });
    expect(published.status).toBe(200);
    expect(visibleText(await published.text())).toContain('3 nya, 0 ändrade, 0 borttagna');
    expect(await shown()).toEqual([0.84, 0.71]);
    const history = await db.select().from(changes).all();
    expect(
      history.filter((c) => c.kind === 'indicator' && c.actor === 'Region Östergötland, primärvård'),
    ).toHaveLength(3);
    // The change log shows each figure, the region's comparison figure (under its stored subject) too.
    const log = visibleText(await (await browser.get('/editor/changes')).text());
    expect(log).toContain('Hälsocentralen Exempelby');
    expect(log.match(/npe_vard_och_behandling_medel 2025/g)).toHaveLength(3);
  });

  it('refuses to publish a review the figures have moved on from', async () => {
    const { page } = await review(browser, FILE.replace('0,84', '0,86'));
    // Someone else changes the same figures between Granska and Publicera.
    expect((await importFigures(db, FILE.replace('0,84', '0,90'), { now: NOW })).ok).toBe(true);
    const res = await browser.post('/editor/register/figures/publish', {
      _csrf: await browser.formToken(),
      review: reviewHash(page),
    });
    expect(res.status).toBe(409);
    expect(visibleText(await res.text())).toContain('Siffrorna har ändrats sedan granskningen');
    expect(await shown()).toEqual([0.9, 0.71]);
  });

  it('says so when a file changes nothing, and offers no Publicera', async () => {
    const { page } = await review(browser, FILE.replace('0,84', '0,90'));
    expect(visibleText(page)).toContain('Filen ändrar ingenting');
    expect(page).not.toContain('name="review"');
  });
});
