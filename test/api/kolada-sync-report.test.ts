import { describe, expect, it } from 'vitest';
import { createToken } from '../../api/editors/tokens';
import { importRegister } from '../../api/register/import';
import { syncKolada } from '../../api/sync/run';
import { offlineKolada } from '../fixtures/kolada/offline-kolada';
import { createTestDb, json, NOW, testApp } from './helpers';
import { serveFixtureRows } from './kolada-sync.fake';

const REGISTER = [
  'huvudman;tjanst;namn;regi;verifierad;id;kolada_ou',
  '0581;hemtjanst;Hemtjänstgrupp Norr;egen_regi;2026-10-01;h1;V21E058100101',
  '0581;hemtjanst;Kvarnbäckens Omsorg AB;privat;2026-10-01;h4;',
].join('\n');

describe('GET /v1/admin/kolada-sync/{kommun}', () => {
  it("shows an editor their kommun's last sync, its links and the OUs left to link; no one else's", async () => {
    const db = await createTestDb();
    const imported = await importRegister(db, REGISTER, { now: NOW });
    expect(imported.ok).toBe(true);
    const { client, fake } = offlineKolada();
    serveFixtureRows(fake);
    await syncKolada(db, client, { kommuner: ['0581'], now: () => NOW });

    const app = testApp(db);
    const { token } = await createToken(db, '0581', 'Norrköping, äldreomsorg');
    const other = await createToken(db, '0380', 'Uppsala, vård och omsorg');
    const get = (code: string, bearer?: string) =>
      app.request(
        `/v1/admin/kolada-sync/${code}`,
        bearer ? { headers: { Authorization: `Bearer ${bearer}` } } : {},
      );

    expect((await get('0581')).status).toBe(401);
    expect((await get('0581', other.token)).status).toBe(403);
    const response = await get('0581', token);
    expect(response.status).toBe(200);
    const report = await json(response);
    expect(report).toMatchObject({
      huvudman: '0581',
      // Linked: the register's two, and the särskilt boende survey units (the baseline: no register there).
      lastRun: { outcome: 'synced', summary: { linked: 5, unlinked: 7, unitsAdded: 3 } },
      links: [
        { unitName: 'Hemtjänstgrupp Norr', ou: 'V21E058100101', method: 'register' },
        { unitName: 'Kvarnbäckens Omsorg AB', ou: 'V21E058100104', method: 'name' },
      ],
      attribution: 'Källa: Kolada',
    });
    expect((report.unlinked as { title: string }[]).map((u) => u.title)).toEqual([
      'Hemtjänst Ängsmyran',
      'Hemtjänst Öster & Centrum',
      'Hemtjänstgrupp Norr, Område 2',
      'Hemtjänstgrupp Söder (kommunal hemtjänst)',
      'Omsorgsgruppen Lind AB, Väst',
      'Omsorgsgruppen Lind AB, Öst',
      'Solvändans Hemtjänst AB',
    ]);
    // A baseline unit's link to its own OU is not in the editor's list of links.
    expect((report.links as { method: string }[]).every((l) => l.method !== 'kolada')).toBe(true);
  });
});
