import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../api/app';
import { openDatabase } from '../../api/db/client';
import { migrateDatabase } from '../../api/db/migrate';
import { loadReferenceData } from '../../api/db/seed';
import { importRegister } from '../../api/register/import';
import { buildExtension, chromiumPopupText, EXPECTED, launchChromium, startPages } from './harness';

/**
 * The built extension against an API that misbehaves: one that is down, one that hangs, one that
 * answers garbage, and one whose data holds a provider name with HTML and script in it. Every page
 * must stay exactly as served, nothing may run, and the popup must say what happened.
 */

vi.setConfig({ testTimeout: 90_000 });

const HOSTILE = 'Exempelomsorg AB <img src=x onerror="document.title=1"><script>document.title=2</script>';
const PAGE = 'norrkoping-list.html';

type Mode = 'down' | 'hang' | 'garbage' | 'real';
let mode: Mode = 'real';
let apiServer: Server;
let dbDir: string;
let pages: Awaited<ReturnType<typeof startPages>>;
let browser: Awaited<ReturnType<typeof launchChromium>>;

beforeAll(async () => {
  dbDir = mkdtempSync(join(tmpdir(), 'uk-e2e-hostile-'));
  const db = openDatabase(`file:${join(dbDir, 'hostile.db')}`);
  await migrateDatabase(db);
  await loadReferenceData(db);
  const imported = await importRegister(
    db,
    [
      'huvudman;tjanst;namn;regi;verifierad;alias',
      `0581;hemtjanst;${HOSTILE};privat;2026-10-01;Exempelomsorg AB`,
    ].join('\n'),
  );
  if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
  const api = createApp({ db });

  apiServer = createServer(async (req, res) => {
    if (mode === 'down') return void req.socket.destroy();
    if (mode === 'hang') return; // never answers
    if (mode === 'garbage')
      return void res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"items": [tru');
    const response = await api.fetch(
      new Request(`http://api${req.url}`, { headers: req.headers as HeadersInit }),
    );
    res
      .writeHead(response.status, Object.fromEntries(response.headers))
      .end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => apiServer.listen(0, '127.0.0.1', resolve));
  const apiUrl = `http://127.0.0.1:${(apiServer.address() as AddressInfo).port}`;
  pages = await startPages();
  browser = await launchChromium(await buildExtension(apiUrl));
});

afterAll(async () => {
  await browser?.close();
  pages?.close();
  apiServer?.closeAllConnections();
  apiServer?.close();
  rmSync(dbDir, { recursive: true, force: true });
});

async function visit(waitMs: number) {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`http://www.norrkoping.se:${pages.port}${EXPECTED[PAGE]!.path}`);
  await page.waitForTimeout(waitMs);
  const state = await page.evaluate(async () => {
    const served = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
    return {
      now: document.body.textContent ?? '',
      served: served.body.textContent ?? '',
      title: document.title,
      added: document.querySelectorAll('[data-utforarkollen], [data-utforarkollen-unit]').length,
    };
  });
  return { page, errors, dialogs, ...state };
}

const popupText = () => chromiumPopupText(browser.context, browser.extensionId);

describe('an API that fails leaves every page as it was, and the popup explains', () => {
  it.each([
    ['down', 'kunde inte nå sin tjänst', 2_000],
    ['garbage', 'inte var en utförarlista', 2_000],
    ['hang', 'fick inget svar i tid', 12_000],
  ] as const)('API %s: no badge, page text unchanged, no error; the popup says so', async (m, says, wait) => {
    mode = m;
    const visit_ = await visit(wait);
    expect(visit_.added).toBe(0);
    expect(visit_.now).toBe(visit_.served);
    expect(visit_.errors).toEqual([]);
    await visit_.page.close();
    expect(await popupText()).toContain(says);
  });
});

describe('a provider name with HTML and script in the API data', () => {
  it('is shown as plain text on the badge and in the details; nothing runs', async () => {
    mode = 'real';
    const { page, errors, dialogs, title } = await visit(0);
    await page.waitForFunction(() => document.querySelectorAll('[data-utforarkollen-unit]').length === 1);
    await page.locator('[data-utforarkollen-unit] button').click();
    const dialog = page.locator('[data-utforarkollen="panel"] dialog[open]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(HOSTILE);
    const injected = await page.evaluate(() =>
      [...document.querySelectorAll('[data-utforarkollen], [data-utforarkollen-unit]')].reduce(
        (n, host) => n + (host.shadowRoot?.querySelectorAll('img, script').length ?? 0),
        0,
      ),
    );
    expect(injected).toBe(0);
    expect(await page.title()).toBe(title);
    expect(title).not.toMatch(/^[12]$/);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(await popupText()).not.toContain('kunde inte');
    await page.close();
  });
});
