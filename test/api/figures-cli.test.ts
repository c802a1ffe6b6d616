import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'utforarkollen-figures-cli-'));
const env = { ...process.env, DATABASE_URL: `file:${join(dir, 'cli.db')}` };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function importFile(name: string, text: string) {
  const file = join(dir, name);
  writeFileSync(file, text);
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'api/cli/import.ts', file], {
      env,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const FIGURES_HEADER = 'huvudman;tjanst;enhet;indikator;period;varde;antal;kalla;kalla_url;publicerad';
const figure = (unit: string, value: string) =>
  `05;vardcentral;${unit};npe_vard_och_behandling_medel;2025;${value};120;Nationell Patientenkät (påhittad);https://exempel.invalid/npe;2026-03-14`;

describe('npm run import -- FILE: a register or a figures file, told apart by the header', () => {
  it('imports a register, then figures for its units, and a second time changes nothing', async () => {
    const register = await importFile(
      'register.csv',
      'huvudman;tjanst;namn;regi;verifierad;id;hsa_id\n05;vardcentral;Hälsocentralen Exempelby;egen_regi;2026-10-01;og-vc-1;SE2321000040-PRVA0001\n',
    );
    expect(register.code).toBe(0);
    expect(register.stdout).toMatch(/1 added/);

    const text = `${FIGURES_HEADER}\n${figure('SE2321000040-PRVA0001', '0,84')}\n`;
    const first = await importFile('figures.csv', text);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/figures, read as CSV/);
    expect(first.stdout).toMatch(/05 vardcentral npe_vard_och_behandling_medel 2025: 1 added/);
    const again = await importFile('figures.csv', text);
    expect(again.stdout).toMatch(/total: 0 added, 0 changed, 0 removed, 1 unchanged/);
  });

  it('rejects figures for a unit not in the register: every problem by line and column, exit 1', async () => {
    const result = await importFile(
      'bad-figures.csv',
      `${FIGURES_HEADER}\n${figure('SE2321000040-OKAND001', '0,84')}\n${figure('SE2321000040-PRVA0001', '7')}\n`,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('nothing was imported');
    expect(result.stderr).toMatch(/rad 3, kolumn varde/);
  });
});
