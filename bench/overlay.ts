/**
 * npm run bench:overlay — the content script in real headless Chromium on a kommun-like page with 50
 * and 500 provider listings (invented names), against a stub API on loopback.
 *
 * Reports, per size (median of RUNS page loads after one warm-up):
 * - content script start -> all badges drawn, and data arrived -> next frame (target: one frame)
 * - main-thread long tasks (> 50 ms) from content script start until a second after the badges (target: none at 500)
 * - JS heap the content script adds: used heap after GC on the page with the extension minus the same page on a
 *   host where the content script does not run (target: <= 5 MB)
 * - gzip size of the content scripts (target: <= 25 kB in total)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { buildExtension, launchChromium } from '../test/e2e/browser';
import { type AttributedLongTask, attributeLongTasks, type LongTaskKind } from './long-task-attribution';
import { startTrace, TIMELINE } from './trace';

const SIZES = [50, 500];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PATH = '/stod-och-omsorg/aldre/hemtjanst/valj-utforare-i-hemtjansten';

const WORDS = ['Exempel', 'Demo', 'Övnings', 'Påhittad', 'Test', 'Prov', 'Mall', 'Skiss'];
const TAILS = [
  'omsorg AB',
  'hemtjänst AB',
  'vård & service AB',
  'omsorg ek. för.',
  'assistans och omsorg AB',
];

function providerName(i: number): string {
  return `${WORDS[i % WORDS.length]}${String.fromCharCode(97 + ((i >> 3) % 26))}${Math.floor(i / 208) || ''} ${TAILS[i % TAILS.length]} ${i + 1}`;
}

function unitList(n: number) {
  const indicators = [
    {
      id: 'U21468',
      service: 'hemtjanst',
      title: 'Brukarbedömning hemtjänst äldreomsorg - helhetssyn, andel (%)',
      label: 'Nöjd med hemtjänsten som helhet',
      description: 'Exempeldata för mätning',
      unit: 'percent',
      favourable: 'high',
      source: { id: 'kolada', name: 'Kolada', attribution: 'Källa: Kolada' },
      isDefault: true,
    },
  ];
  const items = Array.from({ length: n }, (_, i) => ({
    id: `u_bench_${i}`,
    huvudman: '0581',
    service: 'hemtjanst',
    name: providerName(i),
    regi: i % 7 === 0 ? 'egen_regi' : i % 11 === 0 ? 'ideburen' : 'privat',
    organisationsnummer: null,
    aliases: [],
    areas: ['Centrum'],
    scope: ['service', 'omvardnad'],
    languages: [{ code: 'fi', name: 'finska' }],
    extraServices: [],
    acceptsNewClients: true,
    contact: { website: null, phone: null, address: null },
    hsaId: null,
    koladaOu: null,
    verifiedAt: '2026-10-01',
    stale: i % 13 === 0,
    status: 'aktiv',
    statusDate: null,
    indicators: [
      {
        id: 'U21468',
        value: i % 5 === 0 ? null : 60 + (i % 40),
        period: i % 5 === 0 ? null : '2025',
        respondents: i % 5 === 0 ? null : 20 + (i % 80),
        missingReason: i % 5 === 0 ? 'too_few_respondents' : null,
        source: { id: 'demo', name: 'Exempeldata', attribution: 'Exempeldata – inte verkliga uppgifter' },
        publishedAt: '2025-10-15',
        comparison: { kommun: 80, riket: 82 },
      },
    ],
  }));
  return {
    huvudman: '0581',
    service: 'hemtjanst',
    dataset: { kind: 'demo', version: `bench-${n}`, updatedAt: null },
    indicators,
    items,
  };
}

function page(n: number): string {
  const items = Array.from(
    { length: n },
    (_, i) => `<li><a href="/utforare/${i}">${providerName(i)}</a></li>`,
  ).join('\n');
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Välj utförare i hemtjänsten - Norrköpings kommun</title></head>
<body><header><nav><a href="/">Start</a></nav></header><main id="content"><h1>Välj utförare i hemtjänsten</h1>
<p>Du kan välja mellan dessa utförare.</p><ul>${items}</ul></main><footer><p>Norrköpings kommun</p></footer>
<script>
window.__longTasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration }); })
  .observe({ type: 'longtask', buffered: true });
</script></body></html>`;
}

async function serve(handler: (path: string) => { status: number; body: string; type: string } | null) {
  const server = createServer((req, res) => {
    const result = handler(req.url ?? '/');
    if (!result) return void res.writeHead(404).end();
    res.writeHead(result.status, {
      'Content-Type': result.type,
      'Cache-Control': 'no-store',
      'Access-Control-Allow-Origin': '*',
    });
    res.end(result.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2 : Number.NaN;
};

interface Marks {
  start: number | null;
  listings: number | null;
  data: number | null;
  all: number | null;
  badges: number | null;
  frame: number | null;
  count: number;
  longTasks: { start: number; duration: number }[];
}

// A string, not a function: tsx's keepNames helpers do not exist in the page.
const READ_MARKS = `(() => {
  const at = (name) => performance.getEntriesByName('utforarkollen:' + name)[0]?.startTime ?? null;
  return {
    start: at('start'), listings: at('listings'), data: at('data'), all: at('all'), badges: at('badges'), frame: at('frame'),
    count: document.querySelectorAll('[data-utforarkollen-unit]').length,
    longTasks: window.__longTasks,
  };
})()`;

async function marks(page: Page): Promise<Marks> {
  return (await page.evaluate(READ_MARKS)) as Marks;
}

async function usedHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** BENCH_PROFILE=1: where the main thread spent its time on the last page load, by function. */
function printProfile(n: number, profile: Profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id);
    const key = `${frame?.functionName || '(anonymous)'} ${frame?.url.split('/').pop() ?? ''}:${frame?.lineNumber ?? ''}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12);
  console.log(`profile, ${n} listings (self ms):`);
  for (const [key, value] of top) console.log(`  ${value.toFixed(1).padStart(7)}  ${key}`);
}

async function main() {
  const lists = new Map(SIZES.map((n) => [n, JSON.stringify(unitList(n))]));
  let current = SIZES[0]!;
  const api = await serve((path) => {
    if (path.startsWith('/v1/extension/config'))
      return { status: 200, type: 'application/json', body: '{"disabledAdapters":[]}' };
    if (path.startsWith('/v1/kommuner/0581/units'))
      return { status: 200, type: 'application/json', body: lists.get(current)! };
    return null;
  });
  const pages = await serve((path) =>
    path.startsWith(PATH) ? { status: 200, type: 'text/html; charset=utf-8', body: page(current) } : null,
  );
  const extensionDir = await buildExtension(`http://127.0.0.1:${api.port}`);
  const contentDir = join(extensionDir, 'content-scripts');
  const gzip = readdirSync(contentDir)
    .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .map((f) => ({
      file: f,
      raw: readFileSync(join(contentDir, f)).length,
      gzip: gzipSync(readFileSync(join(contentDir, f)), { level: 9 }).length,
    }));

  const tracedLoad = async (context: BrowserContext, n: number, run: number) => {
    const tab = await context.newPage();
    const stopTrace = await startTrace(tab, `${TIMELINE},v8`);
    await tab.goto(`http://www.norrkoping.se:${pages.port}${PATH}?traced=${run}`);
    await tab.waitForFunction(
      (count) => document.querySelectorAll('[data-utforarkollen-unit]').length >= count,
      n,
      { timeout: 30_000 },
    );
    await tab.waitForTimeout(1000);
    const events = await stopTrace();
    await tab.close();
    const tasks = attributeLongTasks(events);
    if (process.env.BENCH_VERBOSE)
      for (const t of tasks) console.log(`${n} load ${run}: ${t.kind} ${t.ms} ms at ${t.at} ms: ${t.parts}`);
    return tasks;
  };

  const attributions = new Map<number, AttributedLongTask[]>();
  const rows: Record<string, string | number>[] = [];
  for (const n of SIZES) {
    current = n;
    // A fresh browser per size, so the cached list in storage.local is the one for this size.
    const browser = await launchChromium(extensionDir);
    const results: Marks[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const tab = await browser.context.newPage();
      const profiling =
        process.env.BENCH_PROFILE && run === RUNS ? await tab.context().newCDPSession(tab) : null;
      if (profiling) {
        await profiling.send('Profiler.enable');
        await profiling.send('Profiler.setSamplingInterval', { interval: 200 });
        await profiling.send('Profiler.start');
      }
      await tab.goto(`http://www.norrkoping.se:${pages.port}${PATH}?run=${run}`);
      await tab.waitForFunction(
        (count) => document.querySelectorAll('[data-utforarkollen-unit]').length >= count,
        n,
        { timeout: 30_000 },
      );
      await tab.waitForFunction(() => performance.getEntriesByName('utforarkollen:frame').length > 0);
      await tab.waitForTimeout(1000);
      const m = await marks(tab);
      if (profiling)
        printProfile(n, ((await profiling.send('Profiler.stop')) as { profile: Profile }).profile);
      if (run > 0) results.push(m); // run 0 warms the cache and the browser
      await tab.close();
    }
    // Whose are the long tasks? RUNS more loads, traced (tracing slows the page, so they are not timed).
    const attributed: AttributedLongTask[] = [];
    for (let run = 0; run < RUNS; run++) attributed.push(...(await tracedLoad(browser.context, n, run)));
    attributions.set(n, attributed);
    // Heap: the same page with the extension, and on 127.0.0.1 where the content script does not run.
    const withExt = await browser.context.newPage();
    await withExt.goto(`http://www.norrkoping.se:${pages.port}${PATH}?heap`);
    await withExt.waitForFunction(
      (count) => document.querySelectorAll('[data-utforarkollen-unit]').length >= count,
      n,
    );
    const heapWith = await usedHeap(withExt);
    const without = await browser.context.newPage();
    await without.goto(`http://127.0.0.1:${pages.port}${PATH}?heap`);
    await without.waitForTimeout(1000);
    const heapWithout = await usedHeap(without);
    // The same page where the content script does not run: long tasks the page causes by itself.
    const baselineTasks: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const tab = await browser.context.newPage();
      await tab.goto(`http://127.0.0.1:${pages.port}${PATH}?baseline=${run}`);
      await tab.waitForTimeout(1000);
      const tasks = (await tab.evaluate('window.__longTasks')) as { start: number; duration: number }[];
      baselineTasks.push(...tasks.filter((t) => t.duration > 50).map((t) => t.duration));
      await tab.close();
    }
    await browser.close();

    const span = (from: (r: Marks) => number | null, to: (r: Marks) => number | null) =>
      results.map((r) => (to(r) ?? Number.NaN) - (from(r) ?? Number.NaN));
    const startToFirst = span(
      (r) => r.start,
      (r) => r.badges,
    );
    const startToAll = span(
      (r) => r.start,
      (r) => r.all ?? r.badges,
    );
    const dataToFirst = span(
      (r) => r.data,
      (r) => r.badges,
    );
    const dataToFrame = span(
      (r) => r.data,
      (r) => r.frame,
    );
    const startToListings = span(
      (r) => r.start,
      (r) => r.listings,
    );
    const longTasks = results.flatMap((r) =>
      r.longTasks.filter((t) => t.duration > 50 && t.start >= (r.start ?? 0) - 1),
    );
    const ms = (xs: number[]) => Number(median(xs).toFixed(1));
    rows.push({
      listings: n,
      badges: results[0]?.count ?? 0,
      'start→listings read': ms(startToListings),
      'start→first badges': ms(startToFirst),
      'start→all badges': ms(startToAll),
      'start→all max': Number(Math.max(...startToAll).toFixed(1)),
      'data→badges in DOM': ms(dataToFirst),
      'data→next frame': ms(dataToFrame),
      'long tasks >50ms': longTasks.length,
      'longest ms': longTasks.length ? Math.max(...longTasks.map((t) => t.duration)) : 0,
      'same page, no extension: long tasks': baselineTasks.length,
      'heap added MB': Number(((heapWith - heapWithout) / 1024 / 1024).toFixed(2)),
    });
    if (process.env.BENCH_VERBOSE) console.log(n, JSON.stringify(results));
  }
  api.close();
  pages.close();

  console.log(
    `\nOverlay bench: ${RUNS} page loads per size after one warm-up, headless Chromium, medians in ms ("first badges" = those in and near the viewport)`,
  );
  console.table(rows);
  console.log(
    `\nLong tasks (> 50 ms) by cause, ${RUNS} traced loads per size (bench/long-task-attribution.ts):`,
  );
  const kinds: LongTaskKind[] = [
    'extension script',
    'rendering after badges',
    'page before extension',
    'other',
  ];
  console.table(
    SIZES.map((n) => {
      const tasks = attributions.get(n) ?? [];
      return Object.fromEntries([
        ['listings', n],
        ...kinds.map((kind) => {
          const of = tasks.filter((t) => t.kind === kind).map((t) => t.ms);
          return [kind, of.length ? `${of.length} (longest ${Math.max(...of)} ms)` : '0'];
        }),
      ]);
    }),
  );
  console.table(gzip);
  const total = gzip.reduce((sum, f) => sum + f.gzip, 0);
  console.log(`content scripts gzip total: ${(total / 1024).toFixed(1)} kB (target <= 25 kB)`);
  const extensionLongTasks = (attributions.get(500) ?? []).filter(
    (t) => t.kind === 'extension script' || t.kind === 'rendering after badges',
  ).length;
  const failed = extensionLongTasks > 0 || total > 25 * 1024;
  if (failed) process.exitCode = 1;
}

await main();
