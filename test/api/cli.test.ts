import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../api/db/client';
import { units } from '../../api/db/schema';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'utforarkollen-cli-'));
const env = { ...process.env, DATABASE_URL: `file:${join(dir, 'cli.db')}` };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(script: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', `api/cli/${script}.ts`, ...args],
      { env },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function unitCount() {
  const db = openDatabase(env.DATABASE_URL);
  const n = (await db.select().from(units).all()).length;
  db.$client.close();
  return n;
}

describe('npm run import', () => {
  it('rejects a file with bad rows: lists every problem with line and column, exits 1, writes nothing', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(
      file,
      [
        'huvudman;tjanst;namn;regi;verifierad',
        '0581;hemtjanst;Alfa Exempelomsorg AB;privt;2026-10-01',
        '0581;hemtjanst;Beta Demohemtjänst AB;privat;2026-02-30',
      ].join('\r\n'),
    );
    const result = await cli('import', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('nothing was imported');
    expect(result.stderr).toMatch(/rad 2, kolumn regi/);
    expect(result.stderr).toMatch(/rad 3, kolumn verifierad/);
    expect(await unitCount()).toBe(0);
  });

  it('migrates an empty database, imports a good file and prints the summary; a re-run changes nothing', async () => {
    const file = join(dir, 'good.csv');
    writeFileSync(
      file,
      ['huvudman,tjanst,namn,regi,verifierad', '0581,hemtjanst,Alfa Exempelomsorg AB,privat,2026-10-01'].join(
        '\n',
      ),
    );
    const first = await cli('import', file);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('0581 hemtjanst: 1 added, 0 changed, 0 ended, 0 unchanged');
    const again = await cli('import', file);
    expect(again.stdout).toContain('0581 hemtjanst: 0 added, 0 changed, 0 ended, 1 unchanged');
    expect(await unitCount()).toBe(1);
  });

  it('prints a clear message for deeply nested JSON, not a stack overflow (issue 16, defect 5)', async () => {
    const file = join(dir, 'deep.json');
    const deep = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
    writeFileSync(file, `{"format":"utforarregister","version":1,"rows":[{"namn":${deep}}]}`);
    const result = await cli('import', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('djupare än 10 nivåer');
    expect(result.stderr).not.toContain('Maximum call stack');
  });

  it('lists the first 200 problems and says how many more there are (issue 16, defect 8)', async () => {
    const file = join(dir, 'many.csv');
    const rows = Array.from({ length: 500 }, (_, i) => `0581;hemtjanst;Enhet ${i} AB;privt;2026-10-01`);
    writeFileSync(file, ['huvudman;tjanst;namn;regi;verifierad', ...rows].join('\n'));
    const result = await cli('import', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('500 problem(s); nothing was imported');
    expect(result.stderr.match(/kolumn regi/g)).toHaveLength(200);
    expect(result.stderr).toContain('… and 300 more problem(s)');
  });

  it('reads an ISO-8859-1 file and says so; refuses to end most units until --confirm-ending N', async () => {
    const file = join(dir, 'ansi.csv');
    const rows = Array.from(
      { length: 8 },
      (_, i) => `0581;sarskilt_boende;Äldreboende ${i} AB;privat;2026-10-01;s${i}`,
    );
    writeFileSync(
      file,
      Buffer.from(['huvudman;tjanst;namn;regi;verifierad;id', ...rows].join('\r\n'), 'latin1'),
    );
    const first = await cli('import', file);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('read as CSV med semikolon, teckenkodning ISO-8859-1 (Latin-1)');

    writeFileSync(
      file,
      Buffer.from(['huvudman;tjanst;namn;regi;verifierad;id', ...rows.slice(0, 2)].join('\r\n'), 'latin1'),
    );
    const refused = await cli('import', file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('avsluta 6 enheter');
    expect(refused.stderr).toContain('--confirm-ending 6');
    const confirmed = await cli('import', file, '--confirm-ending', '6');
    expect(confirmed.code).toBe(0);
    expect(confirmed.stdout).toContain('0581 sarskilt_boende: 0 added, 0 changed, 6 ended, 2 unchanged');
    expect((await cli('import', file, '--confirm-ending', 'många')).code).toBe(2);
  });

  it('says clearly when the file cannot be read', async () => {
    const result = await cli('import', join(dir, 'missing.csv'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Cannot read');
  });
});

describe('npm run token', () => {
  it('creates a token shown once, lists it without the secret, and revokes it', async () => {
    const created = await cli('token', 'create', '--huvudman', '0581', '--name', 'Norrköping, äldreomsorg');
    expect(created.code).toBe(0);
    const token = /(uk_[A-Za-z0-9_-]+)/.exec(created.stdout)![1]!;
    const id = /Token (t_[0-9a-f]+)/.exec(created.stdout)![1]!;
    const listed = await cli('token', 'list');
    expect(listed.stdout).toContain('Norrköping, äldreomsorg');
    expect(listed.stdout).not.toContain(token);
    expect((await cli('token', 'revoke', id)).code).toBe(0);
    expect((await cli('token', 'list')).stdout).toContain('revoked');
  });

  it('refuses an unknown huvudman', async () => {
    const result = await cli('token', 'create', '--huvudman', '9999', '--name', 'Ingen');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('9999');
  });
});
