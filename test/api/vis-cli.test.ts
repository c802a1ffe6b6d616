import { describe, expect, it } from 'vitest';
import { runVisCli } from '../../api/vis';
import { parseFigures } from '../../shared/figures';
import { createFakeClock } from '../fixtures/kolada/fake-clock';
import { createFakeVis, offlineVisOptions } from '../fixtures/vis/fake-vis';

const A1 = '5e1f0000-0000-4000-8000-00000000a001';
const B1 = '5e1f0000-0000-4000-8000-00000000b001';
const TODAY = '2026-11-23';

/** The CLI against the offline VIS, with files in memory. */
function cli(files: Record<string, string> = {}, units: 'hsa' | 'vis-ids' = 'hsa') {
  const clock = createFakeClock();
  const fake = createFakeVis({ now: clock.now, units });
  const written = new Map<string, string>();
  const out: string[] = [];
  const err: string[] = [];
  const run = (...argv: string[]) =>
    runVisCli(argv, {
      readFile: (path) => {
        if (!(path in files)) throw new Error(`no such file: ${path}`);
        return new TextEncoder().encode(files[path]);
      },
      writeFile: (path, text) => written.set(path, text),
      out: (text) => out.push(text),
      err: (text) => err.push(text),
      today: TODAY,
      client: offlineVisOptions(fake, clock),
    });
  return { run, written, out, err, fake };
}

const REGISTER = `huvudman;tjanst;namn;regi;verifierad;hsa_id;status;status_datum
05;vardcentral;Syntetiska vårdcentralen Norr;privat;2026-10-01;SE2321000040-SYNT0001;;
05;vardcentral;Syntetiska vårdcentralen Söder;egen_regi;2026-10-01;SE2321000040-SYNT0002;;
05;vardcentral;Syntetiska vårdcentralen Väster;egen_regi;2026-10-01;;;
05;vardcentral;Syntetiska vårdcentralen Öster;egen_regi;2026-10-01;SE2321000040-SYNT0003;avslutad;2026-06-30
`;

describe('npm run vis', () => {
  it('writes the figures file for a region from a register, and says what it left out and why', async () => {
    const { run, written, err, fake } = cli({ 'register.csv': REGISTER });
    const code = await run(
      '--region',
      '5',
      '--register',
      'register.csv',
      '--measure',
      `vantetider_medicinsk_bedomning_3_dagar=${A1}`,
      '--out',
      'vis.csv',
    );
    expect(code).toBe(0);
    expect((fake.requests[1]!.body as { units: string[] }).units).toEqual([
      'SE',
      '05',
      'SE2321000040-SYNT0001',
      'SE2321000040-SYNT0002',
    ]);
    const file = written.get('vis.csv')!;
    const parsed = parseFigures(file, { today: TODAY });
    expect(parsed.ok && parsed.rows.map((r) => `${r.scope}:${r.unit?.id ?? r.huvudman}:${r.period}`)).toEqual(
      [
        'unit:SE2321000040-SYNT0001:2024',
        'unit:SE2321000040-SYNT0001:2025',
        'region:05:2024',
        'region:05:2025',
        'riket:riket:2024',
        'riket:riket:2025',
      ],
    );
    expect(err).toContain(
      'varning: utan hsa_id i registret, efterfrågas inte: Syntetiska vårdcentralen Väster',
    );
    expect(err).toContain(
      `utelämnat: SE2321000040-SYNT0002 / ${A1} / 2025: 2 värden för samma period (type Utfall, Målvärde); inget av dem väljs`,
    );
    expect(err.at(-1)).toBe(
      '6 värden, 2 utelämnade; skrivet till vis.csv. Läs in med: npm run import -- vis.csv',
    );
  });

  it('takes measures from a JSON file and units from a hsa_id;vis_id table', async () => {
    const files = {
      'matt.json': JSON.stringify({ npe_vard_och_behandling_medel: B1 }),
      'enheter.csv': 'hsa_id;vis_id\nSE2321000040-SYNT0001;7000001\n',
    };
    const { run, out, fake } = cli(files, 'vis-ids');
    const code = await run(
      '--region',
      '05',
      '--hsa',
      'SE2321000040-SYNT0001',
      '--measures',
      'matt.json',
      '--unit-key',
      'mapped',
      '--unit-map',
      'enheter.csv',
    );
    expect(code).toBe(0);
    expect((fake.requests[1]!.body as { units: string[] }).units).toEqual(['SE', '05', '7000001']);
    const parsed = parseFigures(out.join(''), { today: TODAY });
    expect(parsed.ok && parsed.rows.map((r) => [r.unit?.id ?? r.huvudman, r.value])).toEqual([
      ['SE2321000040-SYNT0001', 0.84],
      ['05', 0.8],
      ['riket', 0.81],
    ]);
  });

  it('lists every problem of a wrong command line with the usage, exit code 2, and asks VIS nothing', async () => {
    const { run, err, fake } = cli();
    const code = await run(
      '--region',
      '99',
      '--hsa',
      'SE-1',
      '--measure',
      'nöjdhet=abc',
      '--unit-key',
      'mapped',
      '--from',
      '2025',
    );
    expect(code).toBe(2);
    expect(err.slice(0, -1)).toEqual([
      '--region 99 är ingen regions länskod',
      '--hsa SE-1 har inte formen för ett HSA-id',
      expect.stringMatching(/^--measure nöjdhet=abc: nöjdhet är ingen indikator i katalogen/),
      '--unit-key mapped kräver --unit-map med en tabell hsa_id;vis_id',
      '--from 2025 ska skrivas ÅÅÅÅ-MM-DD',
    ]);
    expect(err.at(-1)).toMatch(/^Användning:/);
    expect(fake.requests).toEqual([]);
    expect(await cli().run('--region', '05', '--okand')).toBe(2);
  });

  it('runs the live probe with --check-live: the region, the HSA id and the unit search', async () => {
    const { run, out, fake } = cli();
    const code = await run('--check-live', '--region', '05', '--hsa', 'SE2321000040-SYNT0001');
    expect(code).toBe(0);
    expect(out.join('\n')).toContain(
      '4. Samma fråga med units = ["SE2321000040-SYNT0001"] (tar VIS HSA-id?):',
    );
    expect(fake.requests.map((r) => r.method)).not.toContain('PUT');
  });

  it('exits 1 with the reason when VIS is down, writing nothing', async () => {
    const { run, err, written, fake } = cli({ 'register.csv': REGISTER });
    for (let i = 0; i < 4; i++) fake.queue('/api/measures/measures', { status: 503 });
    const code = await run(
      '--region',
      '05',
      '--register',
      'register.csv',
      '--measure',
      `vantetider_medicinsk_bedomning_3_dagar=${A1}`,
      '--out',
      'vis.csv',
    );
    expect(code).toBe(1);
    expect(err.at(-1)).toMatch(/^Vården i siffror svarar inte: HTTP 503 efter 4 försök/);
    expect(written.size).toBe(0);
  });
});
