import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { units } from '../../api/db/schema';
import { registerCsv, registerTemplateXlsx, registerXlsx } from '../../api/export/register';
import { importRegister } from '../../api/register/import';
import { parseRegister, REGISTER_COLUMNS } from '../../shared/register';
import { fixture } from '../fixtures/register/helpers';
import { createTestDb, NOW, TODAY } from './helpers';

const later = new Date(NOW.getTime() + 86_400_000);

/** Values a spreadsheet would take for formulas, numbers or dates, and CSV's own special characters. */
const TRICKY = [
  'huvudman;tjanst;namn;regi;verifierad;id;alias;omraden;telefon;adress;tar_emot_nya;sprak;omfattning;webbplats',
  '0581;hemtjanst;-Minus Omsorg AB;privat;2026-10-01;007;=HYPERLINK("http://x");+Plus|@Snabel;+46 11 15 00 00;"Gatan 1; uppgång ""B""";nej;fi;natt;https://minus.example',
  '0581;hemtjanst;0581 Omsorg;Idéburen;2026-09-30;1e5;;Norr;011-15 00 00;;ja;;;',
].join('\r\n');

async function storedWith(...files: (string | Uint8Array)[]) {
  const db = await createTestDb();
  for (const file of files) {
    const result = await importRegister(db, file, { now: NOW, maxEndingShare: 1 });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
  }
  return db;
}

describe('the register written back for editors', () => {
  it('as CSV for Excel: BOM, semicolons, CRLF, formulas neutralised; re-importing it changes nothing', async () => {
    const db = await storedWith(fixture('../../../examples/utforarregister-exempel.csv'), TRICKY);
    const before = await db.select().from(units).all();
    const csv = await registerCsv(db, '0581');
    expect(csv.startsWith('\uFEFFhuvudman;tjanst;namn;')).toBe(true);
    expect(csv).toContain('\r\n');
    expect(csv).toContain(";'-Minus Omsorg AB;");
    expect(csv).toContain(";'+46 11 15 00 00;");
    expect(csv).not.toMatch(/;[=+\-@]/);

    const result = await importRegister(db, new TextEncoder().encode(csv), { now: later });
    expect(result).toMatchObject({ ok: true, file: { format: 'csv', encoding: 'utf-8', delimiter: ';' } });
    if (!result.ok) return;
    expect(result.summary).toMatchObject({ added: 0, changed: 0, ended: 0 });
    expect(result.summary.unchanged).toBe(before.filter((u) => u.status === 'aktiv').length);
    expect(await db.select().from(units).all()).toEqual(before);
  });

  it('as XLSX: sheet Utförare with every column as text; re-importing it changes nothing', async () => {
    const db = await storedWith(fixture('../../../examples/utforarregister-exempel.csv'), TRICKY);
    const before = await db.select().from(units).all();
    const xlsx = await registerXlsx(db, '0581');
    const result = await importRegister(db, xlsx, { now: later });
    expect(result).toMatchObject({ ok: true, file: { format: 'xlsx', sheet: 'Utförare' } });
    if (!result.ok) return;
    expect(result.summary).toMatchObject({ added: 0, changed: 0, ended: 0 });
    expect(await db.select().from(units).all()).toEqual(before);
  });

  it('leaves ended units out, and importing that leaves them ended', async () => {
    const db = await storedWith(TRICKY, TRICKY.split('\r\n').slice(0, 2).join('\r\n'));
    const csv = await registerCsv(db, '0581', 'hemtjanst');
    expect(csv.split('\r\n').filter((line) => line !== '')).toHaveLength(2);
    const result = await importRegister(db, csv, { now: later });
    expect(result).toMatchObject({ ok: true, summary: { changed: 0, ended: 0, unchanged: 1 } });
  });
});

describe('the empty template per service', () => {
  it('has the header row, one valid example row, and a sheet explaining every column', () => {
    for (const service of ['hemtjanst', 'sarskilt_boende', 'vardcentral'] as const) {
      const template = registerTemplateXlsx(service);
      const parsed = parseRegister(template, { today: TODAY });
      expect(parsed, service).toMatchObject({ ok: true, sheet: 'Utförare' });
      if (!parsed.ok) continue;
      expect(parsed.rows).toHaveLength(1);
      expect(parsed.rows[0]).toMatchObject({ service, name: 'Exempelomsorg AB (exempel, ta bort raden)' });
      const explanation = new TextDecoder().decode(unzipSync(template)['xl/worksheets/sheet2.xml']);
      for (const column of REGISTER_COLUMNS)
        expect(explanation).toContain(`<t xml:space="preserve">${column}</t>`);
      expect(explanation).toContain('högst 200 tecken');
    }
  });
});

describe('a template opened and saved again in LibreOffice Calc (mall-hemtjanst-libreoffice.xlsx)', () => {
  it('reads back as the same rows: text cells stayed text', () => {
    const ours = parseRegister(registerTemplateXlsx('hemtjanst'), { today: TODAY });
    const resaved = parseRegister(fixture('mall-hemtjanst-libreoffice.xlsx'), { today: TODAY });
    expect(resaved).toMatchObject({ ok: true, format: 'xlsx', sheet: 'Utförare' });
    expect(resaved.ok && resaved.rows).toEqual(ours.ok && ours.rows);
  });
});
