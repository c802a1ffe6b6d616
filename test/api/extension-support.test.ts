import { describe, expect, it } from 'vitest';
import { createTestDb, json, testApp } from './helpers';

describe('what the API serves for the extension', async () => {
  const db = await createTestDb({ demo: true });

  it('serves the remote switch-off list of site adapters', async () => {
    const app = testApp(db, { DISABLED_ADAPTERS: 'vard-1177, generic,<script>' });
    expect(await json(app.request('/v1/extension/config'))).toEqual({
      disabledAdapters: ['vard-1177', 'generic'],
    });
    expect(await json(testApp(db).request('/v1/extension/config'))).toEqual({ disabledAdapters: [] });
  });

  it('serves a labelled demo kommun page listing every demo provider', async () => {
    const app = testApp(db);
    const index = await app.request('/demo/');
    expect(index.status).toBe(200);
    const html = await index.text();
    const link = /href="(\/demo\/[^"]*hemtjanst[^"]*)"/.exec(html)?.[1];
    expect(link).toBeTruthy();
    const page = await (await app.request(link!)).text();
    expect(page).toContain('demosida');
    for (const name of ['Exempelomsorg AB', 'Demohemtjänst Norr AB', 'Övningsomsorg &#38; Service AB']) {
      expect(page).toContain(name);
    }
  });
});
