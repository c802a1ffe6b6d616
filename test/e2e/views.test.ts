import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UnitList } from '../../shared/domain/api';
import { CHROMIUM } from './browser';
import { AXE_SOURCE, axeInPage, buildExtension, EXPECTED, ROOT, startApi, startPages } from './harness';

/**
 * The views as an 85-year-old, a relative and a needs assessor use them, in real headless Chromium
 * with the built extension: the A4 printout (to PDF, read back with poppler's pdftotext), the details
 * at the largest text setting, and the comparison in a narrow side panel and a wide tab.
 */

vi.setConfig({ testTimeout: 120_000 });

type Api = Awaited<ReturnType<typeof startApi>>;
let api: Api;
let pages: Awaited<ReturnType<typeof startPages>>;
let extensionDir: string;
const browsers: { context: BrowserContext; extensionId: string; close(): Promise<void> }[] = [];

/**
 * Chromium with the extension and, optionally, the browser's own default font size (Settings >
 * Appearance > Font size: "Very large" is 24 px), written into the profile before it starts.
 */
async function launch(defaultFontSize?: number) {
  const profile = mkdtempSync(join(tmpdir(), 'uk-e2e-views-'));
  if (defaultFontSize) {
    mkdirSync(join(profile, 'Default'));
    writeFileSync(
      join(profile, 'Default', 'Preferences'),
      JSON.stringify({ webkit: { webprefs: { default_font_size: defaultFontSize } } }),
    );
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1100, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--host-resolver-rules=MAP www.norrkoping.se 127.0.0.1, MAP www.1177.se 127.0.0.1',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const browser = {
    context,
    worker,
    extensionId: new URL(worker.url()).host,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  browsers.push(browser);
  return browser;
}

let normal: Awaited<ReturnType<typeof launch>>;

beforeAll(async () => {
  api = await startApi();
  pages = await startPages();
  extensionDir = await buildExtension(api.url);
  normal = await launch();
});

afterAll(async () => {
  for (const b of browsers) await b.close();
  pages?.close();
  api?.close();
});

async function units(huvudman: string, service: string): Promise<UnitList> {
  const kind = huvudman.length === 2 ? 'regioner' : 'kommuner';
  return (await (
    await fetch(`${api.url}/v1/${kind}/${huvudman}/units?service=${service}`)
  ).json()) as UnitList;
}

async function axe(page: Page, include?: string) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(axeInPage, include ?? null);
}

/** Screenshots for docs/screenshots/, refreshed with UPDATE_SCREENSHOTS=1. */
async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  await page.screenshot({ path: join(ROOT, 'docs/screenshots', `${name}.png`), ...options });
}

async function setSettings(browser: typeof normal, settings: Record<string, unknown>) {
  await browser.worker.evaluate(
    (s) =>
      chrome.storage.local.set({
        settings: { textSize: 'normal', language: 'sv', indicators: {}, badges: true, ...s },
      }),
    settings,
  );
}

/** The extension's storage, as the service worker sees it (chrome.* is not typed in this project). */
declare const chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };

// --- The printout ----------------------------------------------------------------------------------

interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/**
 * A PDF's words with their boxes and each page's size, from poppler's `pdftotext -bbox` (a packaged
 * tool, no parser of our own to trust; pdf.js would be a new dependency for one test).
 */
async function readPdf(pdf: Buffer) {
  const dir = mkdtempSync(join(tmpdir(), 'uk-e2e-pdf-'));
  try {
    writeFileSync(join(dir, 'print.pdf'), pdf);
    await promisify(execFile)('pdftotext', ['-bbox', join(dir, 'print.pdf'), join(dir, 'print.html')]);
    const html = readFileSync(join(dir, 'print.html'), 'utf8');
    const sizes: { width: number; height: number }[] = [];
    const words: PdfWord[] = [];
    for (const [i, part] of html.split('<page ').slice(1).entries()) {
      const size = /width="([\d.]+)" height="([\d.]+)"/.exec(part)!;
      sizes.push({ width: Number(size[1]), height: Number(size[2]) });
      for (const m of part.matchAll(
        /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g,
      ))
        words.push({
          page: i,
          xMin: Number(m[1]),
          yMin: Number(m[2]),
          xMax: Number(m[3]),
          yMax: Number(m[4]),
          text: decode(m[5]!),
        });
    }
    return { sizes, words };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function decode(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
}

/** Text compared without spacing or line-end hyphens (a long name may wrap and be hyphenated). */
const squash = (text: string) => text.replace(/[\s\u00ad\u2010-]+/g, '');

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

/** "95 %", "77,5 %": a share as the views write it in Swedish. */
function percent(value: number): string {
  return `${String(Math.round(value * 10) / 10).replace('.', ',')} %`;
}

/** A page of the PDF as docs/screenshots/<name>.png (poppler's pdftoppm), with UPDATE_SCREENSHOTS=1. */
async function pdfPageShot(pdf: Buffer, pageNumber: number, name: string) {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  const dir = mkdtempSync(join(tmpdir(), 'uk-e2e-pdf-'));
  try {
    writeFileSync(join(dir, 'print.pdf'), pdf);
    const n = String(pageNumber);
    const args = ['-png', '-r', '80', '-f', n, '-l', n, '-singlefile', join(dir, 'print.pdf')];
    await promisify(execFile)('pdftoppm', [...args, join(ROOT, 'docs/screenshots', name)]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function printComparison(query: string) {
  const page = await normal.context.newPage();
  await page.goto(`chrome-extension://${normal.extensionId}/comparison.html${query}`);
  await page.locator('.print-only table.comparison').first().waitFor({ state: 'attached' });
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  return { page, pdf, ...(await readPdf(pdf)) };
}

describe('the A4 printout', () => {
  it('has every provider whole, every figure of each, nothing outside the page, the demo label on every page', async () => {
    const list = await units('0581', 'hemtjanst');
    const { page, pdf, sizes, words } = await printComparison('?huvudman=0581&service=hemtjanst');
    const text = squash(words.map((w) => w.text).join(' '));
    expect(sizes.length).toBeGreaterThan(1);
    for (const unit of list.items) expect(text, unit.name).toContain(squash(unit.name));
    // Every figure of every provider, as many times as the providers have it (a cut or missing
    // column would lose its figures); the kommun's and country's figures only add to the count.
    const expected = new Map<string, number>();
    let missing = 0;
    for (const unit of list.items)
      for (const definition of list.indicators) {
        const figure = unit.indicators.find((i) => i.id === definition.id);
        const values = figure?.figures.length ? figure.figures.map((f) => f.value) : [figure?.value ?? null];
        for (const value of values) {
          if (value === null) missing++;
          else expected.set(percent(value), (expected.get(percent(value)) ?? 0) + 1);
        }
      }
    expect(expected.size).toBeGreaterThan(5);
    for (const [figure, n] of expected) expect(count(text, squash(figure)), figure).toBeGreaterThanOrEqual(n);
    expect(count(text, 'Uppgiftsaknas')).toBeGreaterThanOrEqual(missing);
    // No word lies outside its page: no column was cut off at the edge.
    const outside = words.filter((w) => {
      const size = sizes[w.page]!;
      return w.xMin < 0 || w.yMin < 0 || w.xMax > size.width + 0.5 || w.yMax > size.height + 0.5;
    });
    expect(outside).toEqual([]);
    // The whole list in alphabetical order, said in the header; the demo label on every printed page.
    expect(text).toContain(squash(`Alla ${list.items.length} godkända utförare · Ordning: bokstavsordning`));
    for (let i = 0; i < sizes.length; i++) {
      const pageText = squash(
        words
          .filter((w) => w.page === i)
          .map((w) => w.text)
          .join(' '),
      );
      expect(pageText, `page ${i + 1}`).toContain(squash('Exempeldata – inte verkliga uppgifter'));
    }
    // What each figure means, as footnotes.
    expect(text).toContain(squash('Vad siffrorna betyder'));
    expect(text).toContain(squash(list.indicators[0]!.description.slice(0, 40)));
    await pdfPageShot(pdf, 1, 'print');
    await pdfPageShot(pdf, sizes.length, 'print-last');
    await page.close();
  });

  it('says a selection is a selection and a re-sorted list is re-sorted, on paper', async () => {
    const list = await units('0581', 'hemtjanst');
    const chosen = list.items.slice(0, 4);
    const definition = list.indicators.find((d) => d.isDefault)!;
    const { page, words } = await printComparison(
      `?huvudman=0581&service=hemtjanst&units=${chosen.map((u) => u.id).join(',')}&sort=-${definition.id}`,
    );
    const text = squash(words.map((w) => w.text).join(' '));
    expect(text).toContain(squash(`Urval: 4 av ${list.items.length} godkända utförare`));
    expect(text).toContain(squash(`Ordning: efter ”${definition.label}”, högst först`));
    for (const unit of chosen) expect(text, unit.name).toContain(squash(unit.name));
    for (const unit of list.items.slice(4)) expect(text, unit.name).not.toContain(squash(unit.name));
    await page.close();
  });
});

// --- The largest text ------------------------------------------------------------------------------

/**
 * Run in the page: the boxes of every text node under `root` (a shadow root's dialog) that overlap
 * another text node's box, and how far the dialog scrolls sideways.
 */
function overlapsIn(hostSelector: string) {
  const root = document.querySelector(hostSelector)!.shadowRoot!.querySelector('dialog')!;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const boxes: { text: string; r: DOMRect }[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent?.trim()) continue;
    // Text kept for screen readers only (clipped to a 1 px box) is not seen, so it cannot overlap.
    let hidden = false;
    for (let el = node.parentElement; el && el !== root; el = el.parentElement) {
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) hidden = true;
    }
    if (hidden) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of Array.from(range.getClientRects()))
      if (r.width > 0 && r.height > 0) boxes.push({ text: node.textContent.trim().slice(0, 40), r });
  }
  const overlaps: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!.r;
      const b = boxes[j]!.r;
      // 1 px of slack: line boxes of adjacent lines may touch.
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > 1 && y > 1) overlaps.push(`${boxes[i]!.text} ⟷ ${boxes[j]!.text}`);
    }
  return {
    boxes: boxes.length,
    overlaps,
    sideways: root.scrollWidth - root.clientWidth,
    // The dialog within the window (the fixture page's own breadcrumbs are wider than 640 px, so the
    // page itself may scroll; that is the host page's, not ours).
    inWindow:
      root.getBoundingClientRect().left >= 0 && root.getBoundingClientRect().right <= window.innerWidth,
  };
}

describe('the details at the largest text setting', () => {
  it('has no overlapping text and nothing scrolling sideways ("Större", Chromium "Very large", 200 % zoom width)', async () => {
    const large = await launch(24);
    await setSettings(large, { textSize: 'x-large' });
    const page = await large.context.newPage();
    // 200 % zoom of a 1280 px window leaves 640 CSS pixels.
    await page.setViewportSize({ width: 640, height: 900 });
    await page.goto(`http://www.norrkoping.se:${pages.port}${EXPECTED['norrkoping-list.html']!.path}`);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('24px');
    const host = '[data-utforarkollen-unit="u_7beede8e9f1fb2ba"]';
    await page.locator(`${host} button`).click();
    const dialog = page.locator('[data-utforarkollen="panel"] dialog[open]');
    await dialog.waitFor();
    // Every explanation and the scale open, so their text is measured too.
    for (const summary of await dialog.locator('summary').all()) await summary.click();
    await dialog.locator('button', { hasText: 'Visa på en skala' }).click();
    const badgeSize = await page.$eval(host, (h) =>
      Number.parseFloat(getComputedStyle(h.shadowRoot!.querySelector('.badge')!).fontSize),
    );
    expect(badgeSize).toBeGreaterThanOrEqual(24);
    const result = await page.evaluate(overlapsIn, '[data-utforarkollen="panel"]');
    expect(result.boxes).toBeGreaterThan(50);
    expect(result.overlaps).toEqual([]);
    expect(result.sideways).toBeLessThanOrEqual(0);
    expect(result.inWindow).toBe(true);
    // Every badge within the listing it stands in: it wraps rather than running past the page's text.
    const beyond = await page.$$eval('[data-utforarkollen-unit]', (hosts) =>
      hosts.map(
        (h) =>
          h.shadowRoot!.querySelector('.badge')!.getBoundingClientRect().right -
          h.parentElement!.getBoundingClientRect().right,
      ),
    );
    expect(beyond.length).toBeGreaterThan(0);
    for (const px of beyond) expect(px).toBeLessThanOrEqual(0.5);
    expect(await axe(page, '[data-utforarkollen="panel"]')).toEqual([]);
    await dialog.evaluate((d) => d.scrollTo(0, 0));
    await screenshot(page, 'details-large');
    await page.close();
  });
});

// --- The comparison, narrow and wide ---------------------------------------------------------------

describe('the comparison', () => {
  it('in a 400 px side panel shows every provider without scrolling sideways, and passes axe', async () => {
    const list = await units('0581', 'hemtjanst');
    await normal.worker.evaluate(() =>
      chrome.storage.local.set({
        comparison: { huvudman: '0581', service: 'hemtjanst', unitIds: [], show: 'all' },
      }),
    );
    const panel = await normal.context.newPage();
    await panel.setViewportSize({ width: 400, height: 900 });
    await panel.goto(`chrome-extension://${normal.extensionId}/sidepanel.html`);
    const blocks = panel.locator('.narrow .block');
    await blocks.first().waitFor();
    expect(await panel.locator('.wide').isVisible()).toBe(false);
    // Each fact and figure block names every provider, each visible within the panel's width.
    const perBlock = await blocks.evaluateAll((els) =>
      els.map((el) =>
        Array.from(el.querySelectorAll('li .who')).map((who) => {
          const r = who.getBoundingClientRect();
          return {
            name: who.textContent?.replace(/:$/, '') ?? '',
            inside: r.left >= 0 && r.right <= innerWidth,
          };
        }),
      ),
    );
    expect(perBlock.length).toBeGreaterThan(10);
    for (const block of perBlock) {
      expect(block.map((b) => b.name).sort()).toEqual(list.items.map((u) => u.name).sort());
      expect(block.every((b) => b.inside)).toBe(true);
    }
    expect(await panel.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(
      0,
    );
    const summary = await panel.locator('.summary').textContent();
    expect(summary).toContain(`Alla ${list.items.length} godkända utförare · Ordning: bokstavsordning`);
    expect(await axe(panel)).toEqual([]);
    await screenshot(panel, 'comparison-narrow');
    await panel.locator('.narrow .block').nth(12).scrollIntoViewIfNeeded();
    await screenshot(panel, 'comparison-narrow-figures');
    // At "Större" the panel still fits: nothing scrolls sideways, every provider inside the width.
    await setSettings(normal, { textSize: 'x-large' });
    await panel.waitForFunction(() => document.querySelector('main.size-x-large') !== null);
    expect(await panel.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(
      0,
    );
    const outside = await blocks.evaluateAll(
      (els) =>
        els
          .flatMap((el) => Array.from(el.querySelectorAll('li')))
          .filter((li) => li.getBoundingClientRect().right > innerWidth).length,
    );
    expect(outside).toBe(0);
    expect(await axe(panel)).toEqual([]);
    await panel.evaluate(() => window.scrollTo(0, 0));
    await screenshot(panel, 'comparison-narrow-large');
    await setSettings(normal, {});
    // A side panel is no place to print from: the print opens the tab page, every unit alphabetically.
    const opened = normal.context.waitForEvent('page');
    await panel.locator('button', { hasText: 'Skriv ut alla i bokstavsordning' }).click();
    const printTab = await opened;
    expect(printTab.url()).toBe(
      `chrome-extension://${normal.extensionId}/comparison.html?huvudman=0581&service=hemtjanst&print=1`,
    );
    await printTab.close();
    await panel.close();
  });

  it('in a wide tab by address shows the whole system as a keyboard-reachable table, and passes axe', async () => {
    const list = await units('0581', 'hemtjanst');
    const tab = await normal.context.newPage();
    await tab.setViewportSize({ width: 1280, height: 900 });
    await tab.goto(
      `chrome-extension://${normal.extensionId}/comparison.html?huvudman=0581&service=hemtjanst`,
    );
    const table = tab.locator('.wide table.comparison');
    await table.waitFor();
    expect(await tab.locator('.narrow').isVisible()).toBe(false);
    expect((await table.locator('thead th').allTextContents()).slice(1)).toEqual(
      [...list.items.map((u) => u.name)].sort((a, b) => a.localeCompare(b, 'sv')),
    );
    const region = tab.locator('.wide');
    expect(await region.getAttribute('tabindex')).toBe('0');
    expect(await axe(tab)).toEqual([]);
    await screenshot(tab, 'comparison-tab');
    // Sorting by a figure is said in words.
    await tab.locator('select').first().selectOption({ index: 1 });
    expect(await tab.locator('.summary').textContent()).toMatch(/Ordning: efter ”.+”, högst först/);
    await tab.close();
  });
});

describe('the popup', () => {
  it('fits Chrome’s 600 px popup height at normal text, text size first, and passes axe', async () => {
    // A kommun page visited first, so the data status has a list to tell about.
    const visit = await normal.context.newPage();
    await visit.goto(`http://www.norrkoping.se:${pages.port}${EXPECTED['norrkoping-list.html']!.path}`);
    await visit.waitForSelector('[data-utforarkollen-unit]', { state: 'attached' });
    await visit.close();
    const popup = await normal.context.newPage();
    await popup.setViewportSize({ width: 420, height: 800 });
    await popup.goto(`chrome-extension://${normal.extensionId}/popup.html`);
    await popup.locator('#status').waitFor();
    // Its content's height (the window itself is as tall as the viewport).
    expect(
      await popup.evaluate(() => document.querySelector('main')!.getBoundingClientRect().bottom),
    ).toBeLessThanOrEqual(600);
    const first = await popup
      .locator('select')
      .first()
      .evaluate((s) => s.closest('label')?.textContent ?? '');
    expect(first).toContain('Textstorlek');
    // The choice of results on the badges is folded away until asked for.
    expect(
      await popup.locator('details', { hasText: 'Resultat på märkena' }).getAttribute('open'),
    ).toBeNull();
    expect(await axe(popup)).toEqual([]);
    await screenshot(popup, 'popup');
    await popup.close();
  });
});
