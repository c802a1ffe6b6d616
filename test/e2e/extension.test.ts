import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_HEMTJANST_0581_IN_SWEDISH_ORDER } from '../extension/fixtures';
import {
  AXE_SOURCE,
  axeInPage,
  buildExtension,
  chromiumPopupText,
  EXPECTED,
  launchChromium,
  pageTexts,
  ROOT,
  startApi,
  startPages,
} from './harness';

/**
 * The built extension in real headless Chromium: fixture pages served under www.norrkoping.se and
 * www.1177.se (host-resolver rules map them to loopback), the real API with the demo dataset.
 */

// Real Chromium on a shared 2-core machine: a page can take seconds when other suites run.
vi.setConfig({ testTimeout: 90_000 });

type Api = Awaited<ReturnType<typeof startApi>>;
type Browser = Awaited<ReturnType<typeof launchChromium>>;
let api: Api;
let pages: Awaited<ReturnType<typeof startPages>>;
let browser: Browser;

beforeAll(async () => {
  api = await startApi();
  pages = await startPages();
  browser = await launchChromium(await buildExtension(api.url));
});

afterAll(async () => {
  await browser?.close();
  pages?.close();
  api?.close();
});

const HOST = '[data-utforarkollen-unit]';
const unitRequests = () => api.log.filter((r) => /^\/v1\/(kommuner|regioner)\/[^/]+\/units/.test(r.path));

async function visit(file: string, options: { host?: string; query?: string; expect?: number } = {}) {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const expected = options.expect ?? EXPECTED[file]!.units.length;
  const url = `http://${options.host ?? 'www.norrkoping.se'}:${pages.port}${EXPECTED[file]!.path}${options.query ?? ''}`;
  await page.goto(url);
  if (expected > 0)
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-utforarkollen-unit]').length >= n,
      expected,
    );
  // Give a wrong extra badge the chance to appear before counting.
  await page.waitForTimeout(400);
  return { page, errors };
}

async function badgeIds(page: Page): Promise<string[]> {
  return (
    await page.$$eval(HOST, (els) => els.map((e) => e.getAttribute('data-utforarkollen-unit') ?? ''))
  ).sort();
}

async function texts(page: Page): Promise<{ now: string; served: string }> {
  return page.evaluate(pageTexts);
}

async function axeViolations(page: Page, include?: string) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(axeInPage, include ?? null);
}

/** Screenshots for docs/screenshots/, refreshed with UPDATE_SCREENSHOTS=1. */
async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  await page.screenshot({ path: join(ROOT, 'docs/screenshots', `${name}.png`), ...options });
}

describe('badges on kommun pages', () => {
  it('badges every expected listing in every shape, nothing else, with one API request per list', async () => {
    const shots: Record<string, string> = {
      'norrkoping-list.html': 'badges-list',
      'norrkoping-table.html': 'badges-table',
    };
    const shapes = [
      'norrkoping-list.html',
      'norrkoping-table.html',
      'norrkoping-cards.html',
      'norrkoping-dl.html',
      'norrkoping-accordion.html',
      'norrkoping-text.html',
      'norrkoping-provider.html',
    ];
    for (const [i, file] of shapes.entries()) {
      const before = unitRequests().length;
      const { page, errors } = await visit(file);
      expect(await badgeIds(page), file).toEqual([...EXPECTED[file]!.units].sort());
      expect(
        await page.$$eval(HOST, (els) => els.filter((e) => e.closest('nav, header, footer')).length),
      ).toBe(0);
      const { now, served } = await texts(page);
      expect(now, `${file}: page text unchanged`).toBe(served);
      expect(errors, file).toEqual([]);
      if (shots[file]) await screenshot(page, shots[file]);
      // The first page fetches the kommun's hemtjänst list once; later pages use the cached copy.
      expect(unitRequests().length - before, file).toBe(i === 0 ? 1 : 0);
      await page.close();
    }
    expect(api.log.filter((r) => r.path.startsWith('/v1/extension/config')).length).toBeLessThanOrEqual(1);
  });

  it('fetches the särskilt boende list once and badges the care homes', async () => {
    const before = unitRequests().length;
    const { page, errors } = await visit('norrkoping-sabo.html');
    expect(await badgeIds(page)).toEqual([...EXPECTED['norrkoping-sabo.html']!.units].sort());
    expect(
      unitRequests()
        .slice(before)
        .map((r) => r.path),
    ).toEqual(['/v1/kommuner/0581/units?service=sarskilt_boende']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws styled badges under a strict Content-Security-Policy', async () => {
    const { page, errors } = await visit('norrkoping-list.html', { query: '?csp=strict' });
    expect(await badgeIds(page)).toEqual([...EXPECTED['norrkoping-list.html']!.units].sort());
    const style = await page.$eval(HOST, (host) => {
      const button = host.shadowRoot!.querySelector('button')!;
      const s = getComputedStyle(button);
      return { border: s.borderTopStyle, font: s.fontFamily, text: button.textContent };
    });
    expect(style.border).toBe('solid');
    expect(style.font).toContain('system-ui');
    expect(style.text).toContain('Exempeldata');
    // The details dialog is styled under the same policy.
    await page.locator(`${HOST} button`).first().click();
    const dialog = page.locator('[data-utforarkollen="panel"] dialog[open]');
    await dialog.waitFor();
    expect(await dialog.evaluate((d) => getComputedStyle(d.querySelector('.details')!).paddingTop)).toBe(
      '16px',
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers the full list on a service page without names', async () => {
    const { page } = await visit('norrkoping-nolist.html', { expect: 0 });
    await page.waitForSelector('[data-utforarkollen="entry"]', { state: 'attached' });
    expect(await page.locator('[data-utforarkollen="entry"] button').textContent()).toContain(
      'Se alla utförare',
    );
    expect(await page.$$(HOST)).toHaveLength(0);
    await page.close();
  });

  it('works on the API demo page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${api.url}/demo/norrkoping/hemtjanst`);
    await page.waitForFunction(() => document.querySelectorAll('[data-utforarkollen-unit]').length >= 6);
    expect(await page.$$(HOST)).toHaveLength(6);
    await page.close();
  });
});

describe('1177 Hitta vård', () => {
  it('badges the vårdcentraler of the region found in the search results', async () => {
    const { page, errors } = await visit('1177-search.html', { host: 'www.1177.se' });
    expect(await badgeIds(page)).toEqual([...EXPECTED['1177-search.html']!.units].sort());
    expect(unitRequests().at(-1)?.path).toBe('/v1/regioner/05/units?service=vardcentral');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('late content and client-side navigation', () => {
  it('badges a listing added by script, once', async () => {
    const { page } = await visit('norrkoping-list.html');
    await page.evaluate(() => {
      const li = document.createElement('li');
      li.innerHTML = '<a href="/sen">Exempelomsorg AB</a>';
      document.querySelector('.sv-text-portlet ul')!.append(li);
    });
    await page.waitForFunction(() => document.querySelectorAll('[data-utforarkollen-unit]').length === 7);
    await page.waitForTimeout(800);
    expect(await page.$$(HOST)).toHaveLength(7);
    await page.close();
  });

  it("re-runs on 1177's client-side navigation and badges the re-rendered results", async () => {
    const { page, errors } = await visit('1177-search.html', { host: 'www.1177.se' });
    await page.evaluate(() => {
      history.pushState({}, '', '/hitta-vard/kategori/vardcentral/?sida=2');
      document.querySelector('ol.search-result')!.innerHTML =
        '<li class="search-result-item"><h2><a href="/hitta-vard/kontaktkort/Exempelvardcentralen-Centrum/">Exempelvårdcentralen Centrum</a></h2></li>';
    });
    await page.waitForFunction(
      () => document.querySelector('[data-utforarkollen-unit="u_0dba78045808c3b6"]') !== null,
      null,
      { timeout: 15_000 },
    );
    expect(await badgeIds(page)).toEqual(['u_0dba78045808c3b6']);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('1177 unit card', () => {
  it('matches the unit by HSA id although 1177 shows another name', async () => {
    const list = (await (await fetch(`${api.url}/v1/regioner/03/units?service=vardcentral`)).json()) as {
      items: { id: string; hsaId: string | null }[];
    };
    const unit = list.items.find((u) => u.hsaId === 'SE2321000000-E000000000102');
    expect(unit).toBeDefined();
    const { page, errors } = await visit('1177-unit-uppsala.html', { host: 'www.1177.se', expect: 1 });
    expect(await badgeIds(page)).toEqual([unit!.id]);
    expect(await page.$eval(HOST, (h) => h.previousElementSibling?.tagName)).toBe('H1');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('details and accessibility', () => {
  it('opens details with Enter, passes axe, closes with Escape back to the badge', async () => {
    const { page } = await visit('norrkoping-list.html');
    const badge = page.locator('[data-utforarkollen-unit="u_7beede8e9f1fb2ba"] button');
    await badge.focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('[data-utforarkollen="panel"] dialog[open]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Exempelomsorg AB');
    await screenshot(page, 'details');
    // Change history and "Rapportera fel" reach the API through the background.
    await dialog.locator('button', { hasText: 'Ändringshistorik' }).click();
    await dialog.locator('.status.history').waitFor();
    expect(await dialog.locator('.status.history').textContent()).toMatch(/\d{4}-\d{2}-\d{2}/);
    const before = api.log.length;
    await dialog.locator('.actions button', { hasText: 'Rapportera fel' }).click();
    await dialog.locator('.report button', { hasText: 'Skicka rapporten' }).click();
    await expect
      .poll(() => dialog.locator('.receipt').textContent())
      .toContain('Tack! Rapporten är skickad.');
    expect(api.log.slice(before).map((r) => `${r.method} ${r.path}`)).toContain('POST /v1/feedback');
    expect(await axeViolations(page, '[data-utforarkollen="panel"]')).toEqual([]);
    expect(await axeViolations(page, '[data-utforarkollen-unit]')).toEqual([]);
    await page.keyboard.press('Escape');
    await page.waitForFunction(
      () =>
        !document.querySelector('[data-utforarkollen="panel"]')?.shadowRoot?.querySelector('dialog[open]'),
    );
    const focused = await page.evaluate(() =>
      document.activeElement?.getAttribute('data-utforarkollen-unit'),
    );
    expect(focused).toBe('u_7beede8e9f1fb2ba');
    await page.close();
  });
});

describe('comparison view (side panel / sidebar) and popup', () => {
  it('shows chosen units side by side, all units in Swedish order, prints, and passes axe', async () => {
    const { page } = await visit('norrkoping-list.html');
    for (const id of ['u_7beede8e9f1fb2ba', 'u_da530010f3624b50']) {
      await page.locator(`[data-utforarkollen-unit="${id}"] button`).click();
      const dialog = page.locator('[data-utforarkollen="panel"] dialog[open]');
      await dialog.locator('button', { hasText: 'Lägg till i jämförelse' }).click();
      await dialog.locator('button', { hasText: 'Tillagd i jämförelsen' }).waitFor();
      await dialog.locator('button', { hasText: 'Stäng' }).click();
    }
    await page.close();

    const panel = await browser.context.newPage();
    await panel.setViewportSize({ width: 900, height: 1000 });
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    const table = panel.locator('.screen-only table.comparison');
    await table.waitFor();
    expect(await table.locator('thead th').allTextContents()).toEqual([
      'Uppgift',
      'Exempelomsorg AB',
      'Ängsbacka Exempelkooperativ ek. för.',
    ]);
    // Identical rows for every unit: each body row has one cell per unit.
    const cellsPerRow = await table
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td').length));
    expect(new Set(cellsPerRow)).toEqual(new Set([2]));
    expect(await panel.locator('body').textContent()).toContain('Exempeldata');
    expect(await axeViolations(panel)).toEqual([]);
    await screenshot(panel, 'comparison');

    await panel.locator('label', { hasText: 'Alla utförare' }).click();
    const names = (await table.locator('thead th').allTextContents()).slice(1);
    expect(names).toEqual(DEMO_HEMTJANST_0581_IN_SWEDISH_ORDER);
    await panel.locator('select').nth(1).selectOption({ label: 'Söder' });
    expect((await table.locator('thead th').allTextContents()).slice(1)).toEqual([
      'Exempelkommunens hemtjänst',
      'Åkerbo Påhittad Hemtjänst AB',
      'Övningsomsorg & Service AB',
    ]);
    await panel.locator('select').nth(1).selectOption({ label: 'Alla' });

    await panel.emulateMedia({ media: 'print' });
    const printed = await panel.locator('main').textContent();
    expect(printed).toContain('Exempeldata – inte verkliga uppgifter');
    expect(printed).not.toContain('Källa: Kolada');
    expect(await panel.locator('footer').textContent()).toContain('Källa: Exempeldata');
    expect(await panel.locator('footer').textContent()).toMatch(/Utskriven \d{4}-\d{2}-\d{2}/);
    expect(await panel.locator('.print-only table.comparison').count()).toBe(2);
    await panel.close();
  });

  it('popup: a kommun page that no longer looks as expected is noticed, until it looks as expected again', async () => {
    const statusText = () => chromiumPopupText(browser.context, browser.extensionId);
    const changed = await visit('norrkoping-redesign.html');
    expect(await badgeIds(changed.page)).toEqual([...EXPECTED['norrkoping-redesign.html']!.units].sort());
    expect(changed.errors).toEqual([]);
    await changed.page.close();
    await expect.poll(statusText).toContain('Sidan ser annorlunda ut än väntat: på www.norrkoping.se');
    // The report stays in the browser: nothing about it reached the API.
    expect(api.log.some((r) => r.path.includes('redesign') || r.path.includes('omsorg'))).toBe(false);
    const fine = await visit('norrkoping-list.html');
    await fine.page.close();
    await expect.poll(statusText).not.toContain('annorlunda');
  });

  it('popup: settings, manual choice search and privacy statement pass axe', async () => {
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 420, height: 900 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.locator('h1').waitFor();
    expect(await popup.locator('body').textContent()).toContain('samlar inte in något om dig');
    expect(await popup.locator('body').textContent()).toContain('Norrköpings kommun, hemtjänst: Exempeldata');
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
  });
});
