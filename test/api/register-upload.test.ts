import { describe, expect, it, vi } from 'vitest';
import { createToken } from '../../api/editors/tokens';
import { fixture } from '../fixtures/register/helpers';
import { createTestDb, json, testApp } from './helpers';

const HEADER = 'huvudman;tjanst;namn;regi;verifierad;id';
const unit = (i: number) => `0581;sarskilt_boende;Enhet ${i} Exempelboende AB;privat;2026-10-01;e${i}`;

interface ErrorBody {
  error: {
    code: string;
    message: string;
    problems: { line: number | null; column: string | null }[];
    problemCount: number;
    ending?: number;
    file: { format: string | null; encoding: string | null; description: string };
  };
}

describe('PUT /v1/admin/registers/{huvudman}: what an editor uploads', async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  const db = await createTestDb();
  const app = testApp(db);
  const { token } = await createToken(db, '0581', 'Norrköping, äldreomsorg');
  const put = (body: string | Uint8Array, type = 'text/csv', query = '') =>
    app.request(`/v1/admin/registers/0581${query}`, {
      method: 'PUT',
      body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
      headers: { 'Content-Type': type, Authorization: `Bearer ${token}` },
    });
  const unitNames = async (service = 'hemtjanst') =>
    (
      await json<{ items: { name: string }[] }>(app.request(`/v1/kommuner/0581/units?service=${service}`))
    ).items.map((u) => u.name);

  it('reads an XLSX workbook sent with its media type, and says which sheet it read', async () => {
    const res = await put(
      fixture('excel-shaped.xlsx'),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.status).toBe(200);
    const body = await json<{ added: number; file: Record<string, unknown> }>(res);
    expect(body.added).toBe(2);
    expect(body.file).toMatchObject({
      format: 'xlsx',
      sheet: 'Utförare',
      encoding: null,
      description: 'Excel-arbetsbok (XLSX), bladet ”Utförare”',
    });
    expect(await unitNames()).toContain('Ålgårdens Hemtjänst & Omsorg');
  });

  it('reads a Windows-1252 Excel export and says how it read it', async () => {
    const res = await put(fixture('excel-ansi-semikolon.csv'));
    expect(res.status).toBe(200);
    const body = await json<{ added: number; file: Record<string, unknown> }>(res);
    expect(body.added).toBe(4);
    expect(body.file).toEqual({
      format: 'csv',
      encoding: 'windows-1252',
      delimiter: ';',
      sheet: null,
      description: 'CSV med semikolon, teckenkodning Windows-1252',
    });
    expect(await unitNames()).toContain('Café Öster – hemtjänst');
  });

  it('answers a rejected 1.5 MB upload with a bounded body: the first 200 problems and the count (defect 8)', async () => {
    const rows = Array.from(
      { length: 20_000 },
      (_, i) => `0581;hemtjanst;Enhet ${i} med ett ganska långt namn AB;privt;2026-13-01;x${i}`,
    );
    const upload = [HEADER, ...rows].join('\n');
    expect(upload.length).toBeGreaterThan(1_400_000);
    const res = await put(upload);
    expect(res.status).toBe(400);
    const text = await res.text();
    // Before: every problem, each echoing its value, about 15 times the upload.
    expect(text.length).toBeLessThan(100_000);
    const body = JSON.parse(text) as ErrorBody;
    expect(body.error.problemCount).toBe(40_000);
    expect(body.error.problems).toHaveLength(200);
    expect(body.error.message).toMatch(
      /^40000 problem\(s\); nothing was imported\. The first 200 are listed\./,
    );
  });

  it('answers JSON nested 5 000 deep with a clear 400, not a 500 (defect 5)', async () => {
    const deep = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
    const res = await put(
      `{"format":"utforarregister","version":1,"rows":[{"namn":${deep}}]}`,
      'application/json',
    );
    expect(res.status).toBe(400);
    const body = await json<ErrorBody>(res);
    expect(body.error.problems[0]!.column).toBeNull();
    expect(body.error.message).toContain('djupare än 10 nivåer');
  });

  it('refuses an upload that ends most units with 409 until confirmEnding names the count', async () => {
    const ten = Array.from({ length: 10 }, (_, i) => unit(i));
    expect((await put([HEADER, ...ten].join('\n'))).status).toBe(200);
    const truncated = [HEADER, ...ten.slice(0, 3)].join('\n');
    const refused = await put(truncated);
    expect(refused.status).toBe(409);
    const body = await json<ErrorBody>(refused);
    expect(body.error).toMatchObject({ code: 'confirmation_required', ending: 7 });
    expect(body.error.message).toContain('?confirmEnding=7');
    expect(await unitNames('sarskilt_boende')).toHaveLength(10);
    expect((await put(truncated, 'text/csv', '?confirmEnding=6')).status).toBe(409);
    const confirmed = await put(truncated, 'text/csv', '?confirmEnding=7');
    expect(confirmed.status).toBe(200);
    expect(await json(confirmed)).toMatchObject({ ended: 7, unchanged: 3 });
    expect(await unitNames('sarskilt_boende')).toHaveLength(3);
  });

  it('names the encoding of a file it cannot read, with no format read', async () => {
    const res = await put(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0]), 'application/octet-stream');
    expect(res.status).toBe(400);
    const body = await json<ErrorBody>(res);
    expect(body.error.message).toContain('gzip');
    expect(body.error.file).toMatchObject({ format: null, description: 'filen kunde inte läsas' });
  });
});
