import { unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { changes, units } from '../../api/db/schema';
import { createToken } from '../../api/editors/tokens';
import { registerCsv } from '../../api/export/register';
import { writeXlsx } from '../../api/export/xlsx';
import { importRegister } from '../../api/register/import';
import { parseRegister, REGISTER_COLUMNS } from '../../shared/register';
import { fixture } from '../fixtures/register/helpers';
import { editorClient, problemRows, reviewFile, visibleText, windows1252 } from './editor-helpers';
import { createTestDb, TODAY, testApp } from './helpers';

/**
 * The files an editor actually has, through the page: Excel's Windows-1252 CSV, a workbook (with a bad
 * cell named by its address), a file that claims to be a workbook and is not; and the files the page
 * gives back (the register as CSV and XLSX, an empty template per service), which re-uploaded change
 * nothing.
 */

type Db = Awaited<ReturnType<typeof createTestDb>>;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = 'huvudman;tjanst;namn;regi;verifierad;id;telefon;omraden';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n');
const ALFA = '0581;hemtjanst;Alfa Exempelomsorg AB;privat;2026-10-01;a1;011-10 00 01;Norr|Söder';
const EGEN = '0581;hemtjanst;Exempelkommunens hemtjänst;egen_regi;2026-10-01;e3;;Norr|Söder|Centrum';
const SABO = '0581;sarskilt_boende;Solgläntans boende AB;ideburen;2026-09-15;s1;;';

async function snapshot(db: Db) {
  return JSON.stringify([await db.select().from(units).all(), await db.select().from(changes).all()]);
}

describe('files an editor has', async () => {
  vi.spyOn(console, 'info').mockImplementation(() => {});
  const db = await createTestDb();
  const app = testApp(db);
  const browser = editorClient(app);
  await browser.signIn((await createToken(db, '0581', 'Norrköping')).token);

  it('reads a semicolon CSV in Windows-1252, as Swedish Excel saves it, and says so', async () => {
    const file = windows1252(
      csv('0581;hemtjanst;Café Östergården – hemtjänst AB;privat;2026-10-01;c1;;Söder'),
    );
    const { res, page } = await reviewFile(browser, file);
    expect(res.status).toBe(200);
    const text = visibleText(page);
    expect(text).toContain('Filen lästes som CSV med semikolon, teckenkodning Windows-1252.');
    expect(text).toContain('Café Östergården – hemtjänst AB');
  });

  it('says how it read a file that has problems too: Excel’s own export with one bad row', async () => {
    // Byte for byte: latin1 maps each byte to one character and back.
    const text = Buffer.from(fixture('excel-ansi-semikolon.csv')).toString('latin1');
    const bad = new Uint8Array(Buffer.from(text.replace(';privat;', ';privt;'), 'latin1'));
    const { res, page } = await reviewFile(browser, bad, 'Utförare.csv');
    expect(res.status).toBe(422);
    expect(visibleText(page)).toContain('Filen lästes som CSV med semikolon, teckenkodning Windows-1252.');
    expect(problemRows(page)[0]!.slice(1, 3)).toEqual(['regi', 'privt']);
  });

  it('reads a workbook in the shape Excel saves, sheet "Utförare"', async () => {
    const { res, page } = await reviewFile(browser, fixture('excel-shaped.xlsx'), 'Register.xlsx');
    expect(res.status).toBe(200);
    const text = visibleText(page);
    expect(text).toContain('Filen lästes som Excel-arbetsbok (XLSX), bladet ”Utförare”.');
    expect(text).toContain('Ålgårdens Hemtjänst & Omsorg');
  });

  it('names the cell of a problem in a workbook saved by LibreOffice Calc', async () => {
    const { res, page } = await reviewFile(browser, fixture('libreoffice.xlsx'), 'libreoffice.xlsx');
    expect(res.status).toBe(422);
    expect(page).toMatch(
      /<thead><tr><th scope="col">Rad<\/th><th scope="col">Kolumn<\/th><th scope="col">Cell<\/th>/,
    );
    const [row] = problemRows(page);
    expect(row!.slice(0, 4)).toEqual(['3', 'telefon', 'J3', '111500000']);
    expect(row![4]).toContain('den inledande nollan har försvunnit');
  });

  it('names the cell of each bad value in a workbook of our own writing', async () => {
    const workbook = writeXlsx([
      {
        name: 'Utförare',
        rows: [
          ['huvudman', 'tjanst', 'namn', 'regi', 'verifierad'],
          ['0581', 'hemtjanst', 'Alfa Exempelomsorg AB', 'privat', '2026-10-01'],
          ['0581', 'hemtjanst', 'Beta Demohemtjänst AB', 'privt', '2026-13-01'],
        ],
      },
    ]);
    const { page } = await reviewFile(browser, workbook, 'register.xlsx');
    expect(problemRows(page).map((r) => r.slice(0, 4))).toEqual([
      ['3', 'regi', 'D3', 'privt'],
      ['3', 'verifierad', 'E3', '2026-13-01'],
    ]);
  });

  it('tells a file named .xlsx that is no workbook what it is, instead of reading it as text', async () => {
    const { res, page } = await reviewFile(browser, csv(ALFA), 'register.xlsx');
    expect(res.status).toBe(422);
    expect(visibleText(page)).toContain('filen skickades som en Excel-arbetsbok (.xlsx) men är ingen');
  });

  it('offers CSV, XLSX and JSON in the file field, and states the one size limit there is', async () => {
    const page = await (await browser.get('/editor/register')).text();
    const accept = /<input type="file"[^>]* accept="([^"]+)"/.exec(page)?.[1]?.split(',');
    expect(accept).toEqual(expect.arrayContaining(['.csv', '.xlsx', '.json', XLSX]));
    const text = visibleText(page);
    expect(text).toContain('Windows-1252 som Excel sparar ”CSV (semikolonavgränsad)”');
    expect(text).toContain('Högst 5 MB, vilken sort filen än är.');
    expect(text).not.toMatch(/\(UTF-8\), eller JSON/);
  });

  it('refuses a workbook over the upload limit with the same message as any file', async () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    const { res, page } = await reviewFile(browser, big, 'stor.xlsx');
    expect(res.status).toBe(413);
    expect(visibleText(page)).toContain('Filen är större än 5 MB');
  });
});

describe('files the page gives back', async () => {
  vi.spyOn(console, 'info').mockImplementation(() => {});
  const db = await createTestDb({ demo: true });
  // A provider with two survey units in Kolada: kolada_ou holds both, and must come back as it was.
  const seeded = await importRegister(
    db,
    [`${HEADER};kolada_ou`, `${ALFA};V21E058100001|V21E058100002`, `${EGEN};`, `${SABO};`].join('\r\n'),
    { actor: 'cli' },
  );
  if (!seeded.ok) throw new Error(JSON.stringify(seeded.problems));
  const app = testApp(db);
  const browser = editorClient(app);
  await browser.signIn((await createToken(db, '0581', 'Norrköping')).token);

  it('links every download on the register page', async () => {
    const page = await (await browser.get('/editor/register')).text();
    for (const [text, href] of [
      ['Hela registret (Excel)', '/editor/register.xlsx'],
      ['Hela registret (CSV)', '/editor/register.csv'],
      ['Hemtjänst (Excel)', '/editor/register.xlsx?tjanst=hemtjanst'],
      ['Särskilt boende (CSV)', '/editor/register.csv?tjanst=sarskilt_boende'],
      ['Mall för hemtjänst (Excel)', '/editor/template.xlsx?tjanst=hemtjanst'],
      ['Mall för särskilt boende (Excel)', '/editor/template.xlsx?tjanst=sarskilt_boende'],
    ])
      expect(page).toContain(`<a href="${href}" download>${text}</a>`);
    expect(page).not.toContain('tjanst=vardcentral');
  });

  it('writes the CSV with the export’s own writer', async () => {
    const res = await browser.get('/editor/register.csv');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="utforarregister-0581.csv"');
    const sent = new Uint8Array(await res.arrayBuffer());
    expect(sent).toEqual(new TextEncoder().encode(await registerCsv(db, '0581')));
  });

  it('downloads the register as XLSX, and re-uploaded unchanged it changes nothing', async () => {
    const res = await browser.get('/editor/register.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="utforarregister-0581.xlsx"');
    const workbook = new Uint8Array(await res.arrayBuffer());
    const parsed = parseRegister(workbook, { today: TODAY });
    expect(parsed.ok && parsed.rows.map((r) => [r.name, r.koladaOu])).toEqual([
      ['Alfa Exempelomsorg AB', ['V21E058100001', 'V21E058100002']],
      ['Exempelkommunens hemtjänst', []],
      ['Solgläntans boende AB', []],
    ]);

    const before = await snapshot(db);
    const { res: reviewed, page } = await reviewFile(browser, workbook, 'utforarregister-0581.xlsx');
    expect(reviewed.status).toBe(200);
    const text = visibleText(page);
    expect(text).toContain('Filen ändrar ingenting');
    expect(text).toContain('Filen lästes som Excel-arbetsbok (XLSX), bladet ”Utförare”.');
    expect(text).toMatch(/Hemtjänst Nya 0 Ändrade 0 Avslutas 0 Oförändrade 2/);
    expect(text).toMatch(/Särskilt boende Nya 0 Ändrade 0 Avslutas 0 Oförändrade 1/);
    expect(page).not.toContain('action="/editor/register/publish"');
    expect(await snapshot(db)).toBe(before);
  });

  it('downloads one service as XLSX', async () => {
    const res = await browser.get('/editor/register.xlsx?tjanst=sarskilt_boende');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="utforarregister-0581-sarskilt_boende.xlsx"',
    );
    const parsed = parseRegister(new Uint8Array(await res.arrayBuffer()), { today: TODAY });
    expect(parsed.ok && parsed.rows.map((r) => r.name)).toEqual(['Solgläntans boende AB']);
  });

  it('gives an empty template per service: header, one example row for this huvudman, and "Förklaring"', async () => {
    const res = await browser.get('/editor/template.xlsx?tjanst=hemtjanst');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="utforarregister-mall-hemtjanst.xlsx"',
    );
    const template = new Uint8Array(await res.arrayBuffer());
    const parsed = parseRegister(template, { today: TODAY });
    expect(parsed).toMatchObject({ ok: true, sheet: 'Utförare' });
    expect(parsed.ok && parsed.rows).toEqual([
      expect.objectContaining({
        huvudman: '0581',
        service: 'hemtjanst',
        name: 'Exempelomsorg AB (exempel, ta bort raden)',
      }),
    ]);
    const parts = unzipSync(template);
    const workbook = new TextDecoder().decode(parts['xl/workbook.xml']);
    expect(workbook).toMatch(/<sheet name="Utförare"[^>]*\/><sheet name="Förklaring"/);
    const explanation = new TextDecoder().decode(parts['xl/worksheets/sheet2.xml']);
    for (const column of REGISTER_COLUMNS)
      expect(explanation).toContain(`<t xml:space="preserve">${column}</t>`);
  });

  it('answers a service this huvudman has no register for with 404', async () => {
    for (const path of [
      '/editor/template.xlsx?tjanst=vardcentral',
      '/editor/template.xlsx',
      '/editor/template.xlsx?tjanst=hemtjänst',
      '/editor/register.xlsx?tjanst=vardcentral',
      '/editor/register.csv?tjanst=okand',
    ]) {
      const res = await browser.get(path);
      expect(res.status, path).toBe(404);
      expect(visibleText(await res.text()), path).toContain('Sidan finns inte');
    }
  });

  it('keeps the downloads behind sign-in', async () => {
    const stranger = editorClient(app);
    for (const path of ['/editor/register.xlsx', '/editor/template.xlsx?tjanst=hemtjanst']) {
      const res = await stranger.get(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location')).toBe('/editor/');
    }
  });
});

describe('a kommun whose list so far is Kolada’s survey units (the baseline)', async () => {
  vi.spyOn(console, 'info').mockImplementation(() => {});
  const db = await createTestDb();
  // What the sync stores for a kommun without a register: one unit per survey unit, no regi, not verified.
  const survey = (i: number) => ({
    id: `baseline-${i}`,
    huvudman: '0581',
    service: 'hemtjanst' as const,
    origin: 'kolada' as const,
    identityKey: `0581/hemtjanst/kolada:V21E05810000${i}`,
    registerId: null,
    name: `Hemtjänstgrupp ${i} (Kolada)`,
    regi: null,
    organisationsnummer: null,
    aliases: [],
    areas: [],
    scope: [],
    languages: [],
    extraServices: [],
    acceptsNewClients: null,
    hsaId: null,
    koladaOu: [`V21E05810000${i}`],
    website: null,
    phone: null,
    address: null,
    verifiedAt: null,
    status: 'aktiv' as const,
    statusDate: null,
    kind: 'live' as const,
    createdAt: '2026-11-20T03:00:00.000Z',
    updatedAt: '2026-11-20T03:00:00.000Z',
  });
  await db.insert(units).values([1, 2, 3, 4].map(survey));
  const app = testApp(db);
  const browser = editorClient(app);
  await browser.signIn((await createToken(db, '0581', 'Norrköping')).token);

  it('offers no download of them: they are not the editor’s register, and would not read back', async () => {
    const page = visibleText(await (await browser.get('/editor/register')).text());
    expect(page).toContain('Det finns inga publicerade utförare att ladda ned ännu.');
    const csvText = await (await browser.get('/editor/register.csv')).text();
    expect(csvText.split('\r\n').filter(Boolean)).toEqual([REGISTER_COLUMNS.join(';')]);
    const parsed = parseRegister(
      new Uint8Array(await (await browser.get('/editor/register.xlsx')).arrayBuffer()),
      {
        today: TODAY,
      },
    );
    expect(parsed.ok).toBe(false);
    expect(parsed.ok || parsed.problems[0]!.message).toContain('bara rubrikraden');
  });

  it('reviews a first register as adding its units, with nothing to confirm: the sync ends the survey units', async () => {
    const { res, page } = await reviewFile(browser, csv(ALFA, EGEN));
    expect(res.status).toBe(200);
    expect(visibleText(page)).toMatch(/Hemtjänst Nya 2 Ändrade 0 Avslutas 0 Oförändrade 0/);
    expect(page).not.toContain('name="confirmEnding"');
  });
});
