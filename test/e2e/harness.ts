import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../../api/app';
import { type Database, openDatabase } from '../../api/db/client';
import { migrateDatabase } from '../../api/db/migrate';
import { loadDemoDataset, loadReferenceData } from '../../api/db/seed';
import { importRegister } from '../../api/register/import';
import type { DemoPageList } from '../../api/routes/demo-page';
import { demoPageRoutes } from '../../api/routes/demo-page';
import { extensionConfigRoutes } from '../../api/routes/extension-config';

export const E2E_REGISTER = [
  'huvudman;tjanst;namn;regi;verifierad;hsa_id',
  '03;vardcentral;Testvårdcentralen Fyris;egen_regi;2026-10-01;SE2321000000-E000000000102',
  '03;vardcentral;Provkliniken Vårdcentral AB;privat;2026-10-01;SE2321000000-E000000000103',
].join('\n');

import { CORPUS } from '../fixtures/pages/corpus';
import { ROOT } from './browser';

export { buildExtension, chromiumPopupText, launchChromium, launchFirefox, ROOT } from './browser';
export const PAGES_DIR = join(ROOT, 'test/fixtures/pages');
export const EXPECTED: Record<string, { path: string; units: string[] }> = JSON.parse(
  readFileSync(join(PAGES_DIR, 'expected.json'), 'utf8'),
);

export interface ApiRequestLog {
  method: string;
  path: string;
}

/**
 * The real API on a temporary database with the demo dataset, plus the extension's two routes.
 * `fill` replaces the demo dataset with other data (the page corpus: test/fixtures/pages/corpus-db.ts).
 */
export async function startApi(options: { fill?: (db: Database) => Promise<void> } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'uk-e2e-db-'));
  const db = openDatabase(`file:${join(dir, 'e2e.db')}`);
  await migrateDatabase(db);
  await loadReferenceData(db);
  if (options.fill) await options.fill(db);
  else {
    await loadDemoDataset(db);
    // Two invented vårdcentraler with (invented) HSA ids, no figures: 1177 unit cards match by HSA id.
    // (Not with `fill`: the corpus pages expect what expected.json says, which has no region 03.)
    const imported = await importRegister(db, E2E_REGISTER);
    if (!imported.ok) throw new Error(`e2e register: ${JSON.stringify(imported.problems)}`);
  }
  const api = createApp({ db });
  const log: ApiRequestLog[] = [];
  const root = new Hono();
  root.use(async (c, next) => {
    log.push({ method: c.req.method, path: new URL(c.req.url).pathname + new URL(c.req.url).search });
    await next();
  });
  root.route('/', extensionConfigRoutes(''));
  root.route(
    '/',
    demoPageRoutes({
      getList: async (huvudman, service) =>
        (await (
          await api.request(
            `/v1/${huvudman.length === 2 ? 'regioner' : 'kommuner'}/${huvudman}/units?service=${service}`,
          )
        ).json()) as DemoPageList,
    }),
  );
  root.all('*', (c) => api.fetch(c.req.raw));
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>(
    (resolve) => {
      const s = serve({ fetch: root.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
        resolve({ server: s, port: info.port }),
      );
    },
  );
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close: () => {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Serves the fixture pages at their expected.json host and path; `?csp=strict`, or `"csp": "strict"` in
 * expected.json, adds a strict CSP.
 */
export async function startPages(): Promise<{ port: number; close(): void }> {
  const byUrl = new Map(CORPUS.map((page) => [`${page.host}${page.path}`, page]));
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const page = byUrl.get(`${host}${url.pathname}`);
    if (!page) {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end('<h1>Sidan finns inte</h1>');
      return;
    }
    const headers: Record<string, string> = {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
    };
    if (url.searchParams.get('csp') === 'strict' || page.csp === 'strict')
      headers['Content-Security-Policy'] = "default-src 'none'";
    res.writeHead(200, headers).end(readFileSync(join(PAGES_DIR, page.file)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}

export const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * Run in the page (Playwright's or Puppeteer's `evaluate`) after AXE_SOURCE: axe-core on the given part
 * of the page (or all of it) against WCAG 2.1 A and AA; the violations with their targets. Throws when
 * axe checked nothing, so a wrong selector cannot pass.
 */
export async function axeInPage(selector: string | null) {
  const axe = (
    window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> } }
  ).axe;
  const result = await axe.run(selector ? { include: [[selector]] } : document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  });
  const passes = (result as unknown as { passes: { nodes: unknown[] }[] }).passes;
  if (passes.reduce((n, p) => n + p.nodes.length, 0) === 0)
    throw new Error(`axe checked nothing in ${selector}`);
  return (result.violations as { id: string; nodes: { target: unknown[] }[] }[]).map((v) => ({
    id: v.id,
    targets: v.nodes.map((n) => JSON.stringify(n.target)),
  }));
}

/** Run in the page: its text now, and as served (the fixture pages have no scripts of their own). */
export async function pageTexts(): Promise<{ now: string; served: string }> {
  const served = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
  return { now: document.body.textContent ?? '', served: served.body.textContent ?? '' };
}
