import { describe, expect, it, vi } from 'vitest';
import { changes, editorReviews, units } from '../../api/db/schema';
import { createToken } from '../../api/editors/tokens';
import { importRegister } from '../../api/register/import';
import { editorClient, problemRows, reviewFile, reviewHash, visibleText } from './editor-helpers';
import { createTestDb, json, testApp } from './helpers';

/**
 * The import's own guards on the editors' page: an upload that ends most of a system's units waits
 * for the editor to confirm the count, a system that would grow past the unit limit is a problem, long
 * problem lists say they are cut, and rows of another huvudman are refused as the PUT route refuses them.
 */

type Db = Awaited<ReturnType<typeof createTestDb>>;

const HEADER = 'huvudman;tjanst;namn;regi;verifierad;id';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n');
const unit = (i: number, service = 'hemtjanst') =>
  `0581;${service};Enhet ${i} Provomsorg AB;privat;2026-10-01;p${i}`;
const units5 = [1, 2, 3, 4, 5].map((i) => unit(i));

async function snapshot(db: Db) {
  return JSON.stringify([await db.select().from(units).all(), await db.select().from(changes).all()]);
}

async function setUp(...seed: string[][]) {
  vi.spyOn(console, 'info').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  const db = await createTestDb();
  for (const rows of seed) {
    const seeded = await importRegister(db, csv(...rows), { actor: 'cli', maxEndingShare: 1 });
    if (!seeded.ok) throw new Error(JSON.stringify(seeded.problems));
  }
  const token = await createToken(db, '0581', 'Norrköping, äldreomsorg');
  const app = testApp(db);
  const browser = editorClient(app);
  await browser.signIn(token.token);
  return { db, app, browser, token: token.token };
}

describe('an upload that ends most of a system’s units', async () => {
  const { db, browser } = await setUp(units5);

  it('asks on the review page, refuses Publicera until the count is confirmed, then publishes', async () => {
    const { res, page } = await reviewFile(browser, csv(unit(1)));
    expect(res.status).toBe(200);
    expect(visibleText(page)).toContain('Publiceringen avslutar 4 av 5 utförare inom hemtjänst.');
    expect(page).toMatch(
      /<input type="checkbox" id="confirm-confirmEnding" name="confirmEnding" value="4" required aria-describedby="ending-warning"><label class="inline" for="confirm-confirmEnding">Jag har kontrollerat filen: 4 utförare ska avslutas\.<\/label>/,
    );
    const reviewed = reviewHash(page);
    const before = await snapshot(db);

    const unticked = await browser.post('/editor/register/publish', {
      _csrf: await browser.formToken(),
      review: reviewed,
    });
    expect(unticked.status).toBe(422);
    const again = await unticked.text();
    expect(visibleText(again)).toContain(
      'Publiceringen avslutar 4 utförare. Kryssa i rutan för att bekräfta det, och tryck Publicera igen. Ingenting har sparats.',
    );
    // The same review, still publishable, with the box marked as what is missing.
    expect(reviewHash(again)).toBe(reviewed);
    expect(again).toMatch(
      /name="confirmEnding" value="4" required aria-describedby="ending-warning" aria-invalid="true"/,
    );
    expect(await snapshot(db)).toBe(before);

    // A count that is not what the file ends is no confirmation: the import itself checks it.
    const wrongCount = await browser.post('/editor/register/publish', {
      _csrf: await browser.formToken(),
      review: reviewed,
      confirmEnding: '3',
    });
    expect(wrongCount.status).toBe(422);
    expect(await snapshot(db)).toBe(before);

    const confirmed = await browser.post('/editor/register/publish', {
      _csrf: await browser.formToken(),
      review: reviewed,
      confirmEnding: '4',
    });
    expect(confirmed.status).toBe(200);
    expect(visibleText(await confirmed.text())).toMatch(/Nya 0 Ändrade 0 Avslutas 4 Oförändrade 1/);
    const active = await db.select().from(units).all();
    expect(active.filter((u) => u.status === 'aktiv').map((u) => u.name)).toEqual(['Enhet 1 Provomsorg AB']);
  });
});

describe('an upload that ends only what the import lets pass unconfirmed', async () => {
  const { browser } = await setUp(units5, [unit(1, 'sarskilt_boende'), unit(2, 'sarskilt_boende')]);

  it('has no box to tick: two of five, or both units of a two-unit system', async () => {
    for (const file of [csv(unit(1), unit(2), unit(3)), csv(...units5, unit(9, 'sarskilt_boende'))]) {
      const { res, page } = await reviewFile(browser, file);
      expect(res.status).toBe(200);
      expect(visibleText(page)).toMatch(/Avslutas 2/);
      expect(page).not.toContain('name="confirmEnding"');
      expect(visibleText(page)).not.toContain('Publiceringen avslutar');
    }
  });
});

describe('what the review shows is what the import does', async () => {
  const { browser } = await setUp(units5, units5.slice(0, 4));

  it('shows an ended unit named again as changed back to aktiv, and publishes exactly that', async () => {
    const { page } = await reviewFile(browser, csv(...units5));
    const text = visibleText(page);
    expect(text).toMatch(/Nya 0 Ändrade 1 Avslutas 0 Oförändrade 4/);
    expect(text).toMatch(
      /Ändringar för Enhet 5 Provomsorg AB Kolumn Nu Efter publicering status avslutad aktiv/,
    );
    const published = await browser.post('/editor/register/publish', {
      _csrf: await browser.formToken(),
      review: reviewHash(page),
    });
    expect(visibleText(await published.text())).toMatch(/Nya 0 Ändrade 1 Avslutas 0 Oförändrade 4/);
  });
});

describe('a system that would grow past the unit limit', async () => {
  const { db, browser } = await setUp();

  it('is a problem of the whole file, and nothing is saved', async () => {
    // 10 001 new units in one system: one more than the import takes (MAX_UNITS_PER_SYSTEM).
    const rows = Array.from({ length: 10_001 }, (_, i) => unit(i));
    const { res, page } = await reviewFile(browser, csv(...rows));
    expect(res.status).toBe(422);
    expect(visibleText(page)).toContain('Filen har 1 problem');
    const [row, ...rest] = problemRows(page);
    expect(rest).toEqual([]);
    expect(row![0]).toBe('hela filen');
    expect(row![3]).toMatch(
      /0581 hemtjanst skulle få 10001 enheter .* högst 10000 tillåts per huvudman och tjänst/,
    );
    expect(page).not.toContain('name="review"');
    expect(await db.select().from(units).all()).toEqual([]);
    expect(await db.select().from(editorReviews).all()).toEqual([]);
  });
});

describe('a long problem list', async () => {
  const { app, browser, token } = await setUp();

  it('shows the first 200 and says how many there are', async () => {
    const bad = Array.from({ length: 450 }, (_, i) => unit(i).replace(';privat;', ';privt;'));
    const { res, page } = await reviewFile(browser, csv(...bad));
    expect(res.status).toBe(422);
    const text = visibleText(page);
    expect(text).toContain('Filen har 450 problem');
    expect(text).toContain('Visar de första 200 av 450 problem.');
    const rows = problemRows(page);
    expect(rows).toHaveLength(200);
    expect(rows[0]!.slice(0, 3)).toEqual(['2', 'regi', 'privt']);
    expect(rows[199]![0]).toBe('201');

    // Under the limit it says nothing of the kind.
    const few = await reviewFile(browser, csv(...bad.slice(0, 3)));
    expect(visibleText(few.page)).toContain('Filen har 3 problem');
    expect(visibleText(few.page)).not.toContain('Visar de första');
  });

  it('caps rows for another huvudman the same way, worded as the PUT route words them', async () => {
    const other = Array.from({ length: 250 }, (_, i) => unit(i).replace(/^0581/, '0380'));
    const { res, page } = await reviewFile(browser, csv(...other));
    expect(res.status).toBe(422);
    expect(visibleText(page)).toContain('Filen har 250 problem');
    expect(visibleText(page)).toContain('Visar de första 200 av 250 problem.');
    const rows = problemRows(page);
    expect(rows).toHaveLength(200);
    expect(rows[0]!.slice(0, 3)).toEqual(['2', 'huvudman', '0380']);

    const put = await app.request('/v1/admin/registers/0581', {
      method: 'PUT',
      body: csv(...other),
      headers: { 'Content-Type': 'text/csv', Authorization: `Bearer ${token}` },
    });
    expect(put.status).toBe(400);
    const body = await json<{ error: { problems: { message: string }[]; problemCount: number } }>(put);
    expect(body.error.problemCount).toBe(250);
    expect(rows.map((r) => r[3])).toEqual(body.error.problems.map((p) => p.message));
    expect(rows[0]![3]).toBe(
      'raden gäller 0380, men nyckeln gäller bara 0581: ta bort raden, eller läs in den med en nyckel för 0380',
    );
  });
});

describe('the same in English', async () => {
  const { browser } = await setUp(units5);
  const reviewInEnglish = async (file: string) => {
    const res = await browser.post(
      '/editor/register/review?lang=en',
      { _csrf: await browser.formToken() },
      { file: { name: 'register.csv', bytes: file } },
    );
    return visibleText(await res.text());
  };

  it('asks to confirm the count, and says when a problem list is cut', async () => {
    const ending = await reviewInEnglish(csv(unit(1)));
    expect(ending).toContain('Publishing ends 4 of 5 providers of home care.');
    expect(ending).toContain('I have checked the file: 4 providers are to end.');
    expect(ending).toContain('The file was read as (in Swedish): CSV med semikolon, teckenkodning UTF-8');
    const bad = Array.from({ length: 201 }, (_, i) => unit(i).replace(';privat;', ';privt;'));
    const cut = await reviewInEnglish(csv(...bad));
    expect(cut).toContain('The file has 201 problems');
    expect(cut).toContain('Showing the first 200 of 201 problems.');
  });
});
