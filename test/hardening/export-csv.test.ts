import { describe, expect, it } from 'vitest';
import { createToken } from '../../api/editors/tokens';
import { csvCell, neutralise, toCsv } from '../../api/export/csv';
import { createTestDb, testApp } from '../api/helpers';

/** Splits our CSV (semicolons, "-quoted cells, CRLF) back into cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ';') {
      row.push(cell);
      cell = '';
    } else if (!quoted && ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += ch;
    }
  }
  return rows;
}

describe('CSV cells (pure)', () => {
  it.each([
    ['=HYPERLINK("http://x","klicka")', `"'=HYPERLINK(""http://x"",""klicka"")"`],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
    ['Omsorg; Hem & Vård "Syd"', '"Omsorg; Hem & Vård ""Syd"""'],
    ['Vanligt namn AB', 'Vanligt namn AB'],
    ['Ålö Äldreomsorg', 'Ålö Äldreomsorg'],
  ])('%j is written as %j', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });

  it('writes numbers with a decimal comma, booleans in Swedish, null as empty, and never neutralises a number', () => {
    expect([csvCell(85.5), csvCell(-3), csvCell(true), csvCell(false), csvCell(null)]).toEqual([
      '85,5',
      '-3',
      'ja',
      'nej',
      '',
    ]);
    expect(neutralise('-3')).toBe("'-3");
  });

  it('starts with a UTF-8 BOM and ends every line with CRLF', () => {
    expect(toCsv([['a', 1]])).toBe('\uFEFFa;1\r\n');
  });
});

describe('GET /v1/kommuner/{code}/units.csv', async () => {
  const db = await createTestDb({ demo: true });
  const app = testApp(db, { RATE_LIMIT_PER_MINUTE: 0 });

  it('exports the comparable list: Swedish headers, one row per unit, value, period and respondents per indicator', async () => {
    const json = (await (await app.request('/v1/kommuner/0581/units?service=hemtjanst')).json()) as {
      items: { name: string; indicators: { id: string; value: number | null; period: string | null }[] }[];
      indicators: { id: string; label: string }[];
    };
    const res = await app.request('/v1/kommuner/0581/units.csv?service=hemtjanst');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="utforare-0581-hemtjanst.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1));
    const [header, ...body] = rows;
    expect(header!.slice(0, 4)).toEqual(['Namn', 'Regi', 'Organisationsnummer', 'Tar emot nya']);
    expect(header!.length).toBe(12 + 3 * json.indicators.length);
    const first = json.indicators[0]!;
    expect(header).toContain(`${first.label}: period`);
    expect(header).toContain(`${first.label}: svarande`);
    expect(body.map((r) => r[0])).toEqual(json.items.map((u) => u.name));
    const unit = json.items.find((u) => u.indicators.some((v) => v.value !== null))!;
    const value = unit.indicators.find((v) => v.value !== null)!;
    const column = 12 + 3 * json.indicators.findIndex((d) => d.id === value.id);
    const row = body.find((r) => r[0] === unit.name)!;
    expect(row[column]).toBe(String(value.value).replace('.', ','));
    expect(row[column + 1]).toBe(value.period);
  });

  it('has a region variant, and answers 400/404 like the JSON list', async () => {
    expect((await app.request('/v1/regioner/05/units.csv?service=vardcentral')).status).toBe(200);
    expect((await app.request('/v1/kommuner/0581/units.csv')).status).toBe(400);
    expect((await app.request('/v1/kommuner/0581/units.csv?service=vardcentral')).status).toBe(400);
    expect((await app.request('/v1/kommuner/9999/units.csv?service=hemtjanst')).status).toBe(404);
  });

  it('neutralises formulas that came in through a register, and keeps them as plain text in JSON', async () => {
    const editor = await createToken(db, '0380', 'Uppsala');
    const names = [
      '=HYPERLINK("http://x","klicka")',
      "+cmd|' /C calc'!A0",
      '@SUM(1+1)*cmd|calc',
      '-1+1 Omsorg AB',
    ];
    const register = [
      'huvudman;tjanst;namn;regi;verifierad;adress',
      ...names.map((n, i) => `0380;hemtjanst;"${n.replaceAll('"', '""')}";privat;2026-10-01;"=1+${i}"`),
    ].join('\n');
    const put = await app.request('/v1/admin/registers/0380', {
      method: 'PUT',
      body: register,
      headers: { 'Content-Type': 'text/csv', Authorization: `Bearer ${editor.token}` },
    });
    expect(put.status).toBe(200);
    const list = (await (await app.request('/v1/kommuner/0380/units?service=hemtjanst')).json()) as {
      items: { name: string }[];
    };
    expect(list.items.map((u) => u.name).sort()).toEqual([...names].sort());
    const csv = await (await app.request('/v1/kommuner/0380/units.csv?service=hemtjanst')).text();
    const cells = parseCsv(csv.slice(1)).flat();
    for (const cell of cells) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(cells).toContain(`'${names[0]}`);
    expect(cells).toContain("'=1+0");
  });
});
