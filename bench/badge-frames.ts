/**
 * npm run bench:badge-frames — what one frame of adding badges costs on a page with a 500-item list,
 * in headless Chromium, without the extension: the badge markup and stylesheet the overlay uses, added
 * in one animation frame, on screen (the list's top), just below it (items 50-99) or far below (items 200-249), with and without
 * `content-visibility: auto` on the hosts. Prints the longest main-thread task after the insertion
 * (median of ROUNDS, variants interleaved so the machine's load hits them alike), and how much the
 * list grew. The overlay's batch sizes come from here: see NEAR_BATCH and FAR_BATCH in extension/core/overlay/batches.ts.
 */
import { chromium } from 'playwright-core';
import { OVERLAY_CSS } from '../extension/core/ui/styles';
import { CHROMIUM } from '../test/e2e/browser';
import { startTrace } from './trace';

const ROUNDS = Number(process.env.BENCH_RUNS ?? 7);

const items = Array.from(
  { length: 500 },
  (_, i) =>
    `<li><a href="/utforare/${i}">Exempel${String.fromCharCode(97 + (i % 26))} omsorg AB ${i + 1}</a></li>`,
).join('\n');
const PAGE = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Välj utförare</title></head>
<body><header><nav><a href="/">Start</a></nav></header><main><h1>Välj utförare i hemtjänsten</h1>
<p>Du kan välja mellan dessa utförare.</p><ul>${items}</ul></main></body></html>`;

// What renderBadge (extension/core/ui/badge-dom.ts) builds for a unit with a figure, in the demo dataset.
const BADGE =
  '<span class="root size-normal"><button type="button" class="badge" aria-haspopup="dialog">' +
  '<span class="sr">Fakta om Exempel omsorg AB: </span><span class="tag">Privat</span>' +
  '<span>Nöjd: <span class="figure">80 %</span><span class="muted"> (2025, 45 svar)</span></span>' +
  '<span class="tag demo">Exempeldata</span></button></span>';
const CONTENT_VISIBILITY = 'content-visibility: auto; contain-intrinsic-size: auto 320px auto 26px;';

function insertion(from: number, count: number, contentVisibility: boolean): string {
  return `{
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(${JSON.stringify(OVERLAY_CSS)});
    for (const li of [...document.querySelectorAll('li')].slice(${from}, ${from + count})) {
      const host = document.createElement('span');
      if (${contentVisibility}) host.style.cssText = ${JSON.stringify(CONTENT_VISIBILITY)};
      const root = host.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = [sheet];
      root.innerHTML = ${JSON.stringify(BADGE)};
      li.append(host);
    }
  }`;
}

const VARIANTS: { name: string; code: string }[] = [
  { name: 'on screen, 1', code: insertion(0, 1, false) },
  { name: 'on screen, 1, content-visibility', code: insertion(0, 1, true) },
  { name: 'on screen, 25', code: insertion(0, 25, false) },
  { name: 'on screen, 25, content-visibility', code: insertion(0, 25, true) },
  { name: 'on screen, 50', code: insertion(0, 50, false) },
  { name: 'on screen, 50, content-visibility', code: insertion(0, 50, true) },
  { name: 'just below the screen, 50', code: insertion(50, 50, false) },
  { name: 'just below the screen, 50, content-visibility', code: insertion(50, 50, true) },
  { name: 'off screen, 50', code: insertion(200, 50, false) },
  { name: 'off screen, 50, content-visibility', code: insertion(200, 50, true) },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
const longest = new Map<string, number[]>();
const growth = new Map<string, number>();
for (let round = 0; round < ROUNDS; round++)
  for (const { name, code } of VARIANTS) {
    await page.setContent(PAGE);
    await page.waitForTimeout(400);
    const listBottom = () =>
      page.evaluate(() => document.querySelector('ul')!.getBoundingClientRect().bottom);
    const before = await listBottom();
    const stopTrace = await startTrace(page);
    await page.waitForTimeout(150);
    await page.evaluate(`requestAnimationFrame(() => { performance.mark('bench:insert'); ${code} })`);
    await page.waitForTimeout(500);
    const events = await stopTrace();
    const mark = events.find((e) => e.name === 'bench:insert');
    if (!mark) throw new Error(`${name}: no trace mark`);
    const tasks = events.filter(
      (e) =>
        e.name === 'RunTask' && e.tid === mark.tid && e.ts >= mark.ts - 20_000 && e.ts < mark.ts + 400_000,
    );
    const list = longest.get(name) ?? [];
    list.push(Math.max(0, ...tasks.map((t) => (t.dur ?? 0) / 1000)));
    longest.set(name, list);
    growth.set(name, Math.round((await listBottom()) - before));
  }
await browser.close();

console.log(
  `\nOne frame of adding badges to a 500-item list, headless Chromium, median of ${ROUNDS} rounds:`,
);
console.table(
  VARIANTS.map(({ name }) => ({
    badges: name,
    'longest task ms (median)': Number(median(longest.get(name)!).toFixed(1)),
    'range ms': `${Math.min(...longest.get(name)!).toFixed(0)}–${Math.max(...longest.get(name)!).toFixed(0)}`,
    'list grew px': growth.get(name),
  })),
);
