import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerFromRows, rowsFromFixtures } from './kolada-sync.fake';

/**
 * `npm run sync` end to end: a real process against a local HTTP stand-in for Kolada that answers
 * from the fixtures (synthetic figures). 0580's OU list is refused, to see a failing kommun.
 */
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'utforarkollen-sync-cli-'));
let server: Server;
let env: Record<string, string | undefined>;

function koladaStandIn(): Server {
  const rows = rowsFromFixtures();
  return createServer((request, response) => {
    const url = `https://api.kolada.se${request.url}`;
    const refused = /municipality=[0-9,]*0580/.test(url);
    const reply = refused
      ? { status: 400, body: { error: 'refused for the test' } }
      : (answerFromRows(url, rows) ?? { status: 404, body: {} });
    response.writeHead('status' in reply && reply.status ? reply.status : 200, {
      'content-type': 'application/json',
    });
    response.end(JSON.stringify('body' in reply ? reply.body : {}));
  });
}

beforeAll(async () => {
  server = koladaStandIn();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  env = {
    ...process.env,
    DATABASE_URL: `file:${join(dir, 'sync.db')}`,
    KOLADA_BASE_URL: `http://127.0.0.1:${port}/v3`,
  };
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

async function cli(script: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', `api/cli/${script}.ts`, ...args],
      {
        env,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run sync', () => {
  it('syncs, prints the unlinked OUs, the requests and a summary; exit 1 when a kommun fails', async () => {
    const register = join(dir, 'register.csv');
    writeFileSync(
      register,
      [
        'huvudman;tjanst;namn;regi;verifierad;id;kolada_ou',
        '0581;hemtjanst;Hemtjänstgrupp Norr;egen_regi;2026-10-01;h1;V21E058100101',
        '0581;hemtjanst;Kvarnbäckens Omsorg AB;privat;2026-10-01;h4;',
      ].join('\r\n'),
    );
    expect((await cli('import', register)).code).toBe(0);

    const ok = await cli('sync', '--kommun', '0581');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/0581: 5 Kolada-enheter kopplade, \d+ okopplade/);
    expect(ok.stdout).toContain('okopplad V21E058100103 "Hemtjänst Ängsmyran"');
    expect(ok.stdout).toMatch(/Kommuner: 1 synkade, 0 misslyckade/);
    expect(ok.stdout).toMatch(/\d+ anrop till Kolada/);
    expect(ok.stdout).toContain('Källa: Kolada');
    // Without a terminal: plain progress lines, no bar redrawn in place.
    expect(ok.stdout).toMatch(/^1\/1 kommuner · \d+ värden · \d+ anrop till Kolada · \d+:\d\d$/m);
    expect(ok.stdout).not.toContain('\r');

    const again = await cli('sync', '--kommun', '0581,0580');
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/0580: MISSLYCKADES.*HTTP 400/);
    expect(again.stdout).toMatch(/0581: .*0 nya, 0 ändrade, 0 borttagna/);
  });

  it('refuses bad flags with the usage, exit 2', async () => {
    const result = await cli('sync', '--year', 'i fjol');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: npm run sync');
  });
});
