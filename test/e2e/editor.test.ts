import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../api/app';
import { type Database, openDatabase } from '../../api/db/client';
import { migrateDatabase } from '../../api/db/migrate';
import { editorSessions, feedback, koladaUnlinkedOus, units } from '../../api/db/schema';
import { loadReferenceData } from '../../api/db/seed';
import { createToken } from '../../api/editors/tokens';
import { importRegister } from '../../api/register/import';
import { windows1252 } from '../api/editor-helpers';
import { CHROMIUM } from './browser';
import { AXE_SOURCE, axeInPage, ROOT } from './harness';

/**
 * The editors' web page in real headless Chromium, driven only through its labels: sign in, a file
 * with a bad row, the corrected file, review, publish, the public list and history, download and
 * re-upload, the other pages, a cross-origin POST, sign out. axe on every page.
 */

vi.setConfig({ testTimeout: 120_000 });

/**
 * How the test files are written: as Excel on a Swedish Windows machine saves "CSV
 * (semikolonavgränsad)". GAMMA's area has an en dash (–), which Windows-1252 writes as 0x96 and
 * ISO-8859-1 cannot write at all, so a file with GAMMA can only be read as Windows-1252.
 */
const FILE_ENCODING: (text: string) => Uint8Array = windows1252;

const HEADER = 'huvudman;tjanst;namn;regi;verifierad;id;telefon;omraden';
const file = (...rows: string[]) => Buffer.from(FILE_ENCODING([HEADER, ...rows].join('\r\n')));
const ALFA = '0581;hemtjanst;Alfa Exempelomsorg AB;privat;2026-10-01;a1;011-10 00 01;Norr|Söder';
const BETA = '0581;hemtjanst;Beta Demohemtjänst AB;privat;2026-10-01;b2;011-10 00 02;Centrum';
const EGEN = '0581;hemtjanst;Exempelkommunens hemtjänst;egen_regi;2026-10-01;e3;;Norr|Söder|Centrum';
const GAMMA = '0581;hemtjanst;Gamma Övningsomsorg AB;ideburen;2026-11-01;g4;;Väster – Ljura';
/** Särskilt boende: four homes, so that a file with one of them ends more than half. */
const HOMES = ['Ekbacken', 'Furulund', 'Granhyddan', 'Hagtornet'].map(
  (name, i) => `0581;sarskilt_boende;${name}s äldreboende AB;privat;2026-10-01;sb${i + 1};;`,
);
const READ_AS_WINDOWS_1252 = 'Filen lästes som CSV med semikolon, teckenkodning Windows-1252.';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TOKEN_NAME = 'Norrköping, äldreomsorg';

let dir: string;
let db: Database;
let api: { url: string; close(): void };
let attacker: { sameSite: string; crossSite: string; close(): void };
let browser: Browser;
let token: string;

async function listen(fetch: (req: Request) => Response | Promise<Response>) {
  return new Promise<{ url: string; close(): void }>((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => server.close() }),
    );
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'uk-e2e-editor-'));
  db = openDatabase(`file:${join(dir, 'editor.db')}`);
  await migrateDatabase(db);
  await loadReferenceData(db);
  for (const seed of [file(ALFA, BETA, EGEN), file(...HOMES)]) {
    const seeded = await importRegister(db, seed, { actor: 'cli' });
    if (!seeded.ok) throw new Error(JSON.stringify(seeded.problems));
  }
  token = (await createToken(db, '0581', TOKEN_NAME)).token;
  // Something on every page for axe to check: an OU to link, a report to handle.
  await db.insert(koladaUnlinkedOus).values({
    huvudman: '0581',
    ou: 'V21E058100002',
    service: 'hemtjanst',
    title: 'Beta hemtjänst Norr',
    reason: 'no_match',
    candidates: [],
    seenAt: '2026-11-20T03:00:00.000Z',
  });
  await db.insert(feedback).values({
    at: '2026-11-21T10:00:00.000Z',
    huvudman: '0581',
    service: 'hemtjanst',
    pageHost: 'www.norrkoping.se',
    listingText: 'Exempelomsorg',
    kind: 'wrong_match',
  });
  const app = createApp({ db });
  api = await listen((req) => app.fetch(req));

  // Another origin's page with a form that posts to the editor page as soon as it loads.
  const apiUrl = api.url;
  const server: Server = createServer((req, res) => {
    const target = new URL(req.url ?? '/', 'http://x').searchParams.get('to') ?? '/editor/sign-out';
    res
      .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><title>Annan webbplats</title><form id="f" method="post" action="${apiUrl}${target}"><input name="_csrf" value="gissning"><input name="review" value="x"></form><script>document.getElementById('f').submit()</script>`,
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  attacker = {
    sameSite: `http://127.0.0.1:${port}`,
    crossSite: `http://localhost:${port}`,
    close: () => server.close(),
  };
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--disable-gpu'] });
});

afterAll(async () => {
  await browser?.close();
  attacker?.close();
  api?.close();
  db?.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

async function axe(page: Page) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(axeInPage, null);
}

/** Screenshots for docs/screenshots/, refreshed with UPDATE_SCREENSHOTS=1. */
async function screenshot(page: Page, name: string) {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  await page.screenshot({ path: join(ROOT, 'docs/screenshots', `${name}.png`), fullPage: true });
}

async function chooseFile(page: Page, name: string, buffer: Buffer, mimeType = 'text/csv') {
  await page.getByLabel('Registerfil').setInputFiles({ name, mimeType, buffer });
  await page.getByRole('button', { name: 'Granska' }).click();
  await page.waitForLoadState('domcontentloaded');
}

describe("the editors' page in Chromium", () => {
  let context: BrowserContext;
  let page: Page;
  const checked: string[] = [];
  const sessionCookie = async () => (await context.cookies()).find((c) => c.name === 'editor_session');
  const expectAxeClean = async (what: string) => {
    expect(await axe(page), what).toEqual([]);
    checked.push(what);
  };

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1100, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('signs in with the token through the "Inloggningsnyckel" field and "Logga in"', async () => {
    await page.goto(`${api.url}/editor/`);
    await expectAxeClean('sign-in');
    await screenshot(page, 'editor-sign-in');
    await page.getByLabel('Inloggningsnyckel').fill('uk_fel-nyckel');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Inloggningsnyckeln stämmer inte');
    await expectAxeClean('sign-in, wrong key');
    await page.getByLabel('Inloggningsnyckel').fill(token);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByText(`Inloggad med nyckeln ${TOKEN_NAME} för Norrköpings kommun (0581).`).waitFor();
    expect(page.url()).toBe(`${api.url}/editor/`);
    expect(await page.content()).not.toContain(token);
    const cookie = await sessionCookie();
    expect(cookie).toMatchObject({
      name: 'editor_session',
      path: '/editor',
      httpOnly: true,
      sameSite: 'Strict',
    });
    expect(cookie!.value).not.toContain(token);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    await expectAxeClean('overview');
  });

  it('shows the bad row of a semicolon CSV in Windows-1252 by line and column, and writes nothing', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Registret' }).click();
    await expectAxeClean('register');
    await screenshot(page, 'editor-register');
    const bad = BETA.replace(';privat;', ';privt;');
    await chooseFile(
      page,
      'register.csv',
      file(ALFA.replace('011-10 00 01', '011-10 00 99'), bad, EGEN, GAMMA),
    );
    await page.getByRole('heading', { name: 'Filen har 1 problem' }).waitFor();
    const row = page
      .getByRole('table', { name: 'Problem i filen, med rad och kolumn' })
      .getByRole('row')
      .nth(1);
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      '3',
      'regi',
      'privt',
      expect.stringContaining('inte ett tillåtet värde'),
    ]);
    await page.getByText(READ_AS_WINDOWS_1252).waitFor();
    await expectAxeClean('problems');
    await screenshot(page, 'editor-problems');
  });

  it('reviews the corrected file, shows the diff, publishes it, and the public list and history show it', async () => {
    await chooseFile(page, 'register.csv', file(ALFA.replace('011-10 00 01', '011-10 00 99'), EGEN, GAMMA));
    await page.getByRole('heading', { name: 'Granska innan du publicerar' }).waitFor();
    await page.getByText(READ_AS_WINDOWS_1252).waitFor();
    const changed = page.getByRole('table', { name: 'Ändringar för Alfa Exempelomsorg AB' });
    expect(await changed.getByRole('row').nth(1).textContent()).toBe('telefon011-10 00 01011-10 00 99');
    expect(await page.getByRole('table', { name: 'Nya utförare: Hemtjänst' }).textContent()).toContain(
      'Gamma Övningsomsorg AB',
    );
    await page.getByRole('heading', { name: 'Utförare som avslutas' }).waitFor();
    expect(await page.getByRole('listitem').filter({ hasText: 'Beta Demohemtjänst AB' }).count()).toBe(1);
    await expectAxeClean('review');
    await screenshot(page, 'editor-review');

    await page.getByRole('button', { name: 'Publicera' }).click();
    await page.getByRole('heading', { name: 'Registret är publicerat' }).waitFor();
    await expectAxeClean('published');

    const history = page.getByRole('link', { name: 'Alfa Exempelomsorg AB' });
    const historyUrl = (await history.getAttribute('href'))!;
    await page.getByRole('link', { name: 'Den publika listan: Hemtjänst' }).click();
    const list = JSON.parse((await page.locator('body').textContent())!) as {
      items: { name: string; areas: string[]; contact: { phone: string | null } }[];
    };
    expect(list.items.map((u) => u.name)).toEqual([
      'Alfa Exempelomsorg AB',
      'Exempelkommunens hemtjänst',
      'Gamma Övningsomsorg AB',
    ]);
    expect(list.items[0]!.contact.phone).toBe('011-10 00 99');
    // Read as Windows-1252: the en dash is a dash, not a control character or a question mark.
    expect(list.items[2]!.areas).toEqual(['Väster – Ljura']);
    await page.goto(`${api.url}${historyUrl}`);
    const changes = JSON.parse((await page.locator('body').textContent())!) as {
      items: { actor: string; field: string; from: unknown; to: unknown }[];
    };
    expect(changes.items[0]).toMatchObject({
      actor: TOKEN_NAME,
      field: 'phone',
      from: '011-10 00 01',
      to: '011-10 00 99',
    });
  });

  it('downloads the register as CSV and, re-uploaded unchanged, it changes nothing', async () => {
    await page.goto(`${api.url}/editor/register`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Hela registret (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('utforarregister-0581.csv');
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n0581;hemtjanst;Alfa Exempelomsorg AB;privat;');
    await chooseFile(page, download.suggestedFilename(), bytes);
    await page.getByRole('heading', { name: 'Filen ändrar ingenting' }).waitFor();
    expect(await page.getByRole('button', { name: 'Publicera' }).count()).toBe(0);
    expect(await page.getByText('3 oförändrade utförare').count()).toBe(1);
    await expectAxeClean('review, no change');
  });

  it('downloads the register as XLSX and, re-uploaded unchanged, it changes nothing', async () => {
    await page.goto(`${api.url}/editor/register`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Hela registret (Excel)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('utforarregister-0581.xlsx');
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    await chooseFile(page, download.suggestedFilename(), bytes, XLSX);
    await page.getByRole('heading', { name: 'Filen ändrar ingenting' }).waitFor();
    await page.getByText('Filen lästes som Excel-arbetsbok (XLSX), bladet ”Utförare”.').waitFor();
    expect(await page.getByRole('button', { name: 'Publicera' }).count()).toBe(0);
    expect(await page.getByText('3 oförändrade utförare').count()).toBe(1);
    expect(await page.getByText('4 oförändrade utförare').count()).toBe(1);
  });

  it("names a workbook's bad cell, and says when a long problem list is cut", async () => {
    await page.goto(`${api.url}/editor/register`);
    await chooseFile(
      page,
      'libreoffice.xlsx',
      readFileSync(join(ROOT, 'test/fixtures/register/libreoffice.xlsx')),
      XLSX,
    );
    await page.getByRole('heading', { name: 'Filen har 1 problem' }).waitFor();
    const row = page.getByRole('table', { name: 'Problem i filen, med rad och kolumn' }).getByRole('row');
    expect(await row.nth(0).getByRole('columnheader').allTextContents()).toEqual([
      'Rad',
      'Kolumn',
      'Cell',
      'Värde i filen',
      'Problem',
    ]);
    expect((await row.nth(1).getByRole('cell').allTextContents()).slice(0, 3)).toEqual([
      '3',
      'telefon',
      'J3',
    ]);
    await expectAxeClean('problems, workbook');

    const bad = Array.from(
      { length: 230 },
      (_, i) => `0581;hemtjanst;Enhet ${i} AB;privt;2026-10-01;x${i};;`,
    );
    await chooseFile(page, 'manga-fel.csv', file(...bad));
    await page.getByRole('heading', { name: 'Filen har 230 problem' }).waitFor();
    await page.getByText('Visar de första 200 av 230 problem.').waitFor();
    expect(
      await page.getByRole('table', { name: 'Problem i filen, med rad och kolumn' }).getByRole('row').count(),
    ).toBe(201);
    await expectAxeClean('problems, cut');
  });

  it('refuses to publish a file that ends most units until the count is confirmed', async () => {
    const homes = async () =>
      (await db.select().from(units).all()).filter(
        (u) => u.service === 'sarskilt_boende' && u.status === 'aktiv',
      ).length;
    await page.goto(`${api.url}/editor/register`);
    await chooseFile(page, 'sabo.csv', file(HOMES[0]!));
    await page.getByRole('heading', { name: 'Granska innan du publicerar' }).waitFor();
    await page.getByText('Publiceringen avslutar 3 av 4 utförare inom särskilt boende.').waitFor();
    const box = page.getByLabel('Jag har kontrollerat filen: 3 utförare ska avslutas.');
    await expectAxeClean('review, ending many');
    await screenshot(page, 'editor-confirm-ending');

    // The browser's own check: the box is required, so Publicera does not send the form.
    await page.getByRole('button', { name: 'Publicera' }).click();
    expect(await box.evaluate((input) => (input as HTMLInputElement).validity.valueMissing)).toBe(true);
    expect(page.url()).toBe(`${api.url}/editor/register/review`);
    expect(await homes()).toBe(4);

    // A browser that sends it anyway (no form validation) is refused by the server, nothing written.
    await box.evaluate((input) => input.removeAttribute('required'));
    await page.getByRole('button', { name: 'Publicera' }).click();
    await page
      .getByRole('alert')
      .getByText('Publiceringen avslutar 3 utförare. Kryssa i rutan för att bekräfta det')
      .waitFor();
    expect(await homes()).toBe(4);
    await expectAxeClean('review, ending not confirmed');

    await page.getByLabel('Jag har kontrollerat filen: 3 utförare ska avslutas.').check();
    await page.getByRole('button', { name: 'Publicera' }).click();
    await page.getByRole('heading', { name: 'Registret är publicerat' }).waitFor();
    expect(await homes()).toBe(1);
  });

  it('passes axe on the Kolada, reports and changes pages, and in English', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Kolada-kopplingar' }).click();
    await page.getByRole('heading', { name: 'Beta hemtjänst Norr' }).waitFor();
    await expectAxeClean('kolada');
    await screenshot(page, 'editor-kolada');
    await page.getByRole('navigation').getByRole('link', { name: 'Rapporter' }).click();
    await page.getByRole('button', { name: 'Markera som hanterad' }).click();
    await page.getByText(`av ${TOKEN_NAME}`).waitFor();
    await expectAxeClean('reports');
    await page.getByRole('navigation').getByRole('link', { name: 'Ändringar' }).click();
    const row = page.getByRole('row').filter({ hasText: '011-10 00 99' });
    expect(await row.textContent()).toContain(TOKEN_NAME);
    await expectAxeClean('changes');
    await page.getByRole('link', { name: 'In English' }).click();
    await page.getByRole('heading', { name: 'Changes' }).waitFor();
    await expectAxeClean('changes, English');
    await page.getByRole('link', { name: 'På svenska' }).click();
    await page.getByRole('heading', { name: 'Ändringar' }).waitFor();
    expect(checked).toEqual([
      'sign-in',
      'sign-in, wrong key',
      'overview',
      'register',
      'problems',
      'review',
      'published',
      'review, no change',
      'problems, workbook',
      'problems, cut',
      'review, ending many',
      'review, ending not confirmed',
      'kolada',
      'reports',
      'changes',
      'changes, English',
    ]);
  });

  it("refuses another origin's form POST with 403, and the session stays", async () => {
    for (const origin of [attacker.sameSite, attacker.crossSite]) {
      const other = await context.newPage();
      const response = other.waitForResponse((r) => r.url() === `${api.url}/editor/sign-out`);
      await other.goto(`${origin}/?to=/editor/sign-out`);
      expect((await response).status(), origin).toBe(403);
      await other.close();
    }
    await page.goto(`${api.url}/editor/`);
    await page.getByRole('button', { name: 'Logga ut' }).waitFor();
  });

  it('"Logga ut" ends the session: the cookie is gone, and on the server too', async () => {
    const before = await sessionCookie();
    expect(before).toBeDefined();
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByText('Du är utloggad.').waitFor();
    expect(await sessionCookie()).toBeUndefined();
    expect(await db.select().from(editorSessions).all()).toEqual([]);
    await page.goto(`${api.url}/editor/register`);
    await page.getByLabel('Inloggningsnyckel').waitFor();
    // The old cookie, replayed, signs no one in.
    const replay = await fetch(`${api.url}/editor/register`, {
      headers: { Cookie: `${before!.name}=${before!.value}` },
      redirect: 'manual',
    });
    expect(replay.status).toBe(303);
    expect(replay.headers.get('location')).toBe('/editor/');
  });
});

describe('at 200 % text size', () => {
  it('reflows without horizontal scrolling and stays axe clean', async () => {
    // Chromium's own text-size setting (as in Settings > Appearance > Font size), not a page style.
    const profile = mkdtempSync(join(tmpdir(), 'uk-e2e-editor-profile-'));
    mkdirSync(join(profile, 'Default'));
    writeFileSync(
      join(profile, 'Default', 'Preferences'),
      JSON.stringify({ webkit: { webprefs: { default_font_size: 32, default_fixed_font_size: 26 } } }),
    );
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1100, height: 900 },
      args: ['--disable-gpu'],
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${api.url}/editor/`);
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');
      await page.getByLabel('Inloggningsnyckel').fill(token);
      await page.getByRole('button', { name: 'Logga in' }).click();
      await page.getByRole('button', { name: 'Logga ut' }).waitFor();
      await page.goto(`${api.url}/editor/register`);
      await page.getByRole('link', { name: 'Mall för hemtjänst (Excel)' }).waitFor();
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);
      expect(await axe(page)).toEqual([]);
      await screenshot(page, 'editor-register-200');
      await chooseFile(page, 'register.csv', file(ALFA, BETA, EGEN, GAMMA));
      await page.getByRole('heading', { name: 'Granska innan du publicerar' }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await axe(page)).toEqual([]);
      await screenshot(page, 'editor-review-200');
      await chooseFile(page, 'register.csv', file(ALFA, BETA.replace(';privat;', ';privt;')));
      await page.getByRole('heading', { name: 'Filen har 1 problem' }).waitFor();
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);
      expect(await axe(page)).toEqual([]);
      await screenshot(page, 'editor-problems-200');
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
