import { describe, expect, it, vi } from 'vitest';
import { changes, editorReviews, units } from '../../api/db/schema';
import { createToken } from '../../api/editors/tokens';
import { importRegister } from '../../api/register/import';
import { REGISTER_COLUMNS } from '../../shared/register';
import { editorClient, reviewFile, reviewHash, visibleText } from './editor-helpers';
import { createTestDb, json, testApp } from './helpers';

const HEADER = 'huvudman;tjanst;namn;regi;verifierad;id;telefon;omraden';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n');
const ALFA = '0581;hemtjanst;Alfa Exempelomsorg AB;privat;2026-10-01;a1;011-10 00 01;Norr|Söder';
const BETA = '0581;hemtjanst;Beta Demohemtjänst AB;privat;2026-10-01;b2;011-10 00 02;Centrum';
const EGEN = '0581;hemtjanst;Exempelkommunens hemtjänst;egen_regi;2026-10-01;e3;;Norr|Söder|Centrum';
const GAMMA = '0581;hemtjanst;Gamma Övningsomsorg AB;ideburen;2026-11-01;g4;;Väster';

async function seed(db: Awaited<ReturnType<typeof createTestDb>>) {
  const result = await importRegister(db, csv(ALFA, BETA, EGEN), { actor: 'cli' });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
}

/** Everything publishing could touch, to prove that something did not touch it. */
async function snapshot(db: Awaited<ReturnType<typeof createTestDb>>) {
  return JSON.stringify([await db.select().from(units).all(), await db.select().from(changes).all()]);
}

const review = reviewFile;

describe('Granska and Publicera', async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'info').mockImplementation(() => {});
  const db = await createTestDb({ demo: true });
  await seed(db);
  const token = await createToken(db, '0581', 'Norrköping, äldreomsorg');
  const app = testApp(db);
  const browser = editorClient(app);
  await browser.signIn(token.token);

  it('shows the register page with the "Registerfil" field and the "Granska" button', async () => {
    const page = await (await browser.get('/editor/register')).text();
    expect(page).toMatch(/<label for="file">Registerfil<\/label>/);
    expect(page).toMatch(/<input type="file" id="file" name="file"/);
    expect(page).toContain('enctype="multipart/form-data"');
    expect(page).toMatch(/<button type="submit">Granska<\/button>/);
  });

  it('lists every problem with its line, column, value and reason, and writes nothing', async () => {
    const before = await snapshot(db);
    const bad = csv(
      ALFA,
      '0581;hemtjanst;Beta Demohemtjänst AB;privt;2026-10-01;b2;;Centrum',
      EGEN,
      '0581;hemtjanst;Gamma;privat;2026-13-01;g4;;',
    );
    const { res, page } = await review(browser, bad);
    expect(res.status).toBe(422);
    expect(visibleText(page)).toContain('Filen har 2 problem');
    const rows = [
      ...page.matchAll(
        /<tr>\s*<td>(\d+)<\/td>\s*<td>([^<]*)<\/td>\s*<td class="value">([^<]*)<\/td>\s*<td lang="sv">([^<]*)<\/td>/g,
      ),
    ].map((m) => ({ line: m[1], column: m[2], value: m[3], message: m[4] }));
    expect(rows).toEqual([
      expect.objectContaining({ line: '3', column: 'regi', value: 'privt' }),
      expect.objectContaining({ line: '5', column: 'verifierad', value: '2026-13-01' }),
    ]);
    expect(rows[0]!.message).toMatch(/inte ett tillåtet värde/);
    expect(page).not.toContain('name="review"');
    expect(await snapshot(db)).toBe(before);
    expect(await db.select().from(editorReviews).all()).toEqual([]);
  });

  it('reports rows for another huvudman on their line: an editor publishes only their own register', async () => {
    const { res, page } = await review(
      browser,
      csv(ALFA, '0380;hemtjanst;Fel kommun AB;privat;2026-10-01;x1;;'),
    );
    expect(res.status).toBe(422);
    expect(page).toMatch(/<td>3<\/td>\s*<td>huvudman<\/td>\s*<td class="value">0380<\/td>/);
    expect(visibleText(page)).toContain('raden gäller 0380, men nyckeln gäller bara 0581');
  });

  it('shows what publishing would do, field by field, and writes nothing to the register', async () => {
    const before = await snapshot(db);
    const changed = ALFA.replace('011-10 00 01', '011-10 00 99');
    const { res, page } = await review(browser, csv(changed, EGEN, GAMMA));
    expect(res.status).toBe(200);
    const text = visibleText(page);
    expect(text).toContain('Granska innan du publicerar');
    expect(text).toMatch(/Nya 1 Ändrade 1 Avslutas 1 Oförändrade 1/);
    expect(text).toContain(
      'Nya utförare: Hemtjänst Namn Regi Id Verifierad Gamma Övningsomsorg AB ideburen g4 2026-11-01',
    );
    expect(text).toContain(
      'Ändringar för Alfa Exempelomsorg AB Kolumn Nu Efter publicering telefon 011-10 00 01 011-10 00 99',
    );
    expect(text).toMatch(/Utförare som avslutas .* Beta Demohemtjänst AB/);
    expect(text).toContain('1 oförändrad utförare Exempelkommunens hemtjänst');
    expect(page).toMatch(/<button type="submit">Publicera<\/button>/);
    expect(await snapshot(db)).toBe(before);
    expect(await db.select().from(editorReviews).all()).toHaveLength(1);
  });

  it('publishes exactly the reviewed file, records the history, and shows the summary with the public list', async () => {
    const changed = ALFA.replace('011-10 00 01', '011-10 00 99');
    const reviewed = reviewHash((await review(browser, csv(changed, EGEN, GAMMA))).page);
    const res = await browser.post('/editor/register/publish', {
      _csrf: await browser.formToken(),
      review: reviewed,
    });
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(visibleText(page)).toContain('Registret är publicerat');
    expect(visibleText(page)).toMatch(/Nya 1 Ändrade 1 Avslutas 1 Oförändrade 1/);
    expect(page).toContain('href="/v1/kommuner/0581/units?service=hemtjanst"');

    const list = await json<{ items: { id: string; name: string; contact: { phone: string | null } }[] }>(
      app.request('/v1/kommuner/0581/units?service=hemtjanst'),
    );
    expect(list.items.map((u) => u.name)).toEqual([
      'Alfa Exempelomsorg AB',
      'Exempelkommunens hemtjänst',
      'Gamma Övningsomsorg AB',
    ]);
    const alfa = list.items.find((u) => u.name === 'Alfa Exempelomsorg AB')!;
    expect(alfa.contact.phone).toBe('011-10 00 99');
    const history = await json<{ items: { actor: string; field: string; from: unknown; to: unknown }[] }>(
      app.request(`/v1/units/${alfa.id}/history`),
    );
    expect(history.items[0]).toMatchObject({
      actor: 'Norrköping, äldreomsorg',
      field: 'phone',
      from: '011-10 00 01',
      to: '011-10 00 99',
    });
    expect(page).toContain(`href="/v1/units/${alfa.id}/history"`);
    // The review is used up: publishing it again is refused.
    const again = await browser.post('/editor/register/publish', {
      _csrf: await browser.formToken(),
      review: reviewed,
    });
    expect(again.status).toBe(409);
  });

  it('refuses to publish, writing nothing, when the register changed since the review', async () => {
    const reviewed = reviewHash((await review(browser, csv(ALFA, BETA, EGEN, GAMMA))).page);
    // Another editor (here the CLI) publishes in between.
    const other = await importRegister(db, csv(ALFA, EGEN, GAMMA.replace('Väster', 'Öster')), {
      actor: 'cli',
    });
    expect(other.ok).toBe(true);
    const before = await snapshot(db);
    const res = await browser.post('/editor/register/publish', {
      _csrf: await browser.formToken(),
      review: reviewed,
    });
    expect(res.status).toBe(409);
    expect(visibleText(await res.text())).toContain('Registret har ändrats sedan du granskade');
    expect(await snapshot(db)).toBe(before);
  });

  it('refuses a publish form whose file is not the one last reviewed in this session', async () => {
    const first = reviewHash((await review(browser, csv(ALFA, BETA, EGEN))).page);
    reviewHash((await review(browser, csv(ALFA, BETA))).page);
    const before = await snapshot(db);
    const res = await browser.post('/editor/register/publish', {
      _csrf: await browser.formToken(),
      review: first,
    });
    expect(res.status).toBe(409);
    expect(await snapshot(db)).toBe(before);

    // Nor can another session publish this session's review.
    const stranger = editorClient(app);
    await stranger.signIn(token.token);
    const mine = reviewHash((await review(browser, csv(ALFA, BETA, EGEN))).page);
    const theirs = await stranger.post('/editor/register/publish', {
      _csrf: await stranger.formToken(),
      review: mine,
    });
    expect(theirs.status).toBe(409);
    expect(await snapshot(db)).toBe(before);
  });

  it("replaces a system's demo data with the first real register, and says so before publishing", async () => {
    const sabo = [
      'huvudman;tjanst;namn;regi;verifierad;id',
      '0581;sarskilt_boende;Riktiga boendet AB;privat;2026-10-01;rb1',
    ].join('\r\n');
    const before = await json<{ dataset: { kind: string }; items: unknown[] }>(
      app.request('/v1/kommuner/0581/units?service=sarskilt_boende'),
    );
    expect(before.dataset.kind).toBe('demo');
    const { page } = await review(browser, sabo);
    expect(visibleText(page)).toContain(
      `Registret ersätter ${before.items.length} enheter med exempeldata (påhittade utförare); de tas bort när du publicerar.`,
    );
    const res = await browser.post('/editor/register/publish', {
      _csrf: await browser.formToken(),
      review: reviewHash(page),
    });
    expect(res.status).toBe(200);
    const after = await json<{ dataset: { kind: string }; items: { name: string }[] }>(
      app.request('/v1/kommuner/0581/units?service=sarskilt_boende'),
    );
    expect(after.dataset.kind).toBe('live');
    expect(after.items.map((u) => u.name)).toEqual(['Riktiga boendet AB']);
  });

  it('shows hostile text from a file as text, never as markup', async () => {
    const hostile = csv(
      ALFA,
      '0581;hemtjanst;<script>alert(1)</script> AB;privat;2026-10-01;x9;;"<img src=x onerror=alert(2)>"',
    );
    const { page } = await review(browser, hostile);
    expect(page).not.toMatch(/<script|<img/i);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; AB');
  });

  it('answers a missing or oversized file with the form and a clear message', async () => {
    const none = await browser.post(
      '/editor/register/review',
      { _csrf: await browser.formToken() },
      { file: { name: 'tom.csv', bytes: '' } },
    );
    expect(none.status).toBe(400);
    expect(visibleText(await none.text())).toContain('Välj en registerfil att granska');
    const huge = await review(browser, 'x'.repeat(5 * 1024 * 1024 + 1));
    expect(huge.res.status).toBe(413);
    expect(visibleText(huge.page)).toContain('Filen är större än 5 MB');
  });
});

describe('downloading the register', async () => {
  vi.spyOn(console, 'info').mockImplementation(() => {});
  const db = await createTestDb({ demo: true });
  await seed(db);
  const formula = await importRegister(
    db,
    [
      'huvudman;tjanst;namn;regi;verifierad;adress',
      '0380;hemtjanst;"=HYPERLINK(""http://x"",""klicka"")";privat;2026-10-01;@SUM(1)',
    ].join('\n'),
  );
  expect(formula.ok).toBe(true);
  const app = testApp(db);
  const norrkoping = editorClient(app);
  await norrkoping.signIn((await createToken(db, '0581', 'Norrköping')).token);

  it('is a CSV for Excel: UTF-8 with BOM, semicolons, CRLF, every register column, only real active units', async () => {
    const res = await norrkoping.get('/editor/register.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="utforarregister-0581.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3));
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(REGISTER_COLUMNS.join(';'));
    expect(lines.at(-1)).toBe('');
    // Norrköping's hemtjänst is real; its särskilt boende is still demo data and stays out of the file.
    expect(lines.slice(1, -1).map((l) => l.split(';')[2])).toEqual([
      'Alfa Exempelomsorg AB',
      'Beta Demohemtjänst AB',
      'Exempelkommunens hemtjänst',
    ]);
    expect(text).not.toContain('sarskilt_boende');
    expect(lines[1]).toContain(';Norr|Söder;');
  });

  it('re-uploaded unchanged, changes nothing: the review says so and offers nothing to publish', async () => {
    const before = await snapshot(db);
    const downloaded = new Uint8Array(await (await norrkoping.get('/editor/register.csv')).arrayBuffer());
    const { res, page } = await review(norrkoping, downloaded, 'utforarregister-0581.csv');
    expect(res.status).toBe(200);
    const text = visibleText(page);
    expect(text).toContain('Filen ändrar ingenting');
    expect(text).toMatch(/Nya 0 Ändrade 0 Avslutas 0 Oförändrade 3/);
    expect(page).not.toContain('action="/editor/register/publish"');
    expect(await snapshot(db)).toBe(before);
  });

  it("neutralises formulas, and holds only the signed-in editor's own huvudman", async () => {
    const uppsala = editorClient(app);
    await uppsala.signIn((await createToken(db, '0380', 'Uppsala')).token);
    const text = await (await uppsala.get('/editor/register.csv?tjanst=hemtjanst')).text();
    const cells = text.split('\r\n')[1]!;
    expect(cells).toContain(`"'=HYPERLINK(""http://x"",""klicka"")"`);
    expect(cells).toContain(";'@SUM(1);");
    expect(text).not.toContain('0581');
  });

  it('offers a demo system no download, and says its first register replaces the demo data', async () => {
    const page = visibleText(await (await norrkoping.get('/editor/register')).text());
    expect(page).toContain('Särskilt boende har bara exempeldata');
    const demoOnly = await norrkoping.get('/editor/register.csv?tjanst=sarskilt_boende');
    expect((await demoOnly.text()).split('\r\n').filter(Boolean)).toHaveLength(1);
  });
});
