/**
 * npm run bench:pages — how the built extension does on the fixture pages, in real headless Chromium
 * against the real API (demo dataset, the invented providers of test/fixtures/pages/register.csv and a
 * Kolada baseline synced from test/fixtures/kolada).
 *
 * Per page and per set (fresh, held-out, tuning, team): listings expected, correct, wrong, missed, badges on
 * distractors, whether the page's text changed, page errors. A badge counts as correct only when it
 * stands right after the name it belongs to (test/fixtures/pages/score-page.ts). Team pages list only
 * unit ids, so for them "wrong" holds every badge beyond the expected ones. Pages that need another API
 * (a 0581 baseline without demo data) are scored by the happy-dom tests only.
 *
 * BENCH_VERBOSE=1 lists every wrong, missed and distractor badge.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildExtension, launchChromium } from '../test/e2e/browser';
import { startApi, startPages } from '../test/e2e/harness';
import {
  CORPUS,
  CORPUS_HOSTS,
  type CorpusPage,
  type CorpusSet,
  PAGES_DIR,
} from '../test/fixtures/pages/corpus';
import { fillCorpusDatabase } from '../test/fixtures/pages/corpus-db';
import { type PageScore, scorePage } from '../test/fixtures/pages/score-page';

interface PageResult extends PageScore {
  file: string;
  set: CorpusSet;
  textChanged: boolean;
  errors: number;
}

const VERBOSE = !!process.env.BENCH_VERBOSE;

async function main() {
  const started = Date.now();
  const load = loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
  const api = await startApi({ fill: (db) => fillCorpusDatabase(db) });
  const pages = await startPages();
  const extension = await buildExtension(api.url);
  const browser = await launchChromium(extension, { hosts: CORPUS_HOSTS });
  const results: PageResult[] = [];
  const skipped: string[] = [];
  try {
    for (const corpusPage of CORPUS) {
      if (corpusPage.api) {
        skipped.push(corpusPage.file);
        continue;
      }
      results.push(await visit(corpusPage, pages.port, browser.context.newPage.bind(browser.context)));
    }
  } finally {
    await browser.close();
    pages.close();
    api.close();
  }
  report(results, skipped, {
    load,
    loadAfter: loadavg()
      .map((n) => n.toFixed(2))
      .join(' '),
    started,
  });
  if (results.some((r) => r.notOnPage.length > 0)) process.exitCode = 1;
}

async function visit(
  corpusPage: CorpusPage,
  port: number,
  newPage: () => Promise<Page>,
): Promise<PageResult> {
  const page = await newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`http://${corpusPage.host}:${port}${corpusPage.path}`);
  const wanted = corpusPage.units.length;
  await page
    .waitForFunction((n) => document.querySelectorAll('[data-utforarkollen-unit]').length >= n, wanted, {
      timeout: 8_000,
    })
    .catch(() => {});
  // Time for a wrong extra badge to appear before counting.
  await page.waitForTimeout(wanted === 0 ? 1_500 : 600);
  // tsx names functions through a helper the page does not have.
  await page.evaluate('globalThis.__name ??= (f) => f');
  const score: PageScore = corpusPage.listings
    ? await page.evaluate(scorePage, corpusPage.listings)
    : await page.evaluate(unitsOnly, corpusPage.units);
  // The served HTML is read here, not fetched by the page: a strict CSP forbids the page to fetch it.
  const html = readFileSync(join(PAGES_DIR, corpusPage.file), 'utf8');
  const { now, served } = await page.evaluate(textsAgainst, html);
  await page.close();
  return {
    ...score,
    file: corpusPage.file,
    set: corpusPage.set,
    textChanged: now !== served,
    errors: errors.length,
  };
}

/** In the page: its text now, and as served. */
function textsAgainst(html: string): { now: string; served: string } {
  const served = new DOMParser().parseFromString(html, 'text/html');
  return { now: document.body.textContent ?? '', served: served.body.textContent ?? '' };
}

/** Team pages: expected unit ids only, so badges are compared as a multiset. */
function unitsOnly(units: string[]): PageScore {
  const left = [...units];
  let correct = 0;
  let wrong = 0;
  for (const host of Array.from(document.querySelectorAll('[data-utforarkollen-unit]'))) {
    const at = left.indexOf(host.getAttribute('data-utforarkollen-unit') ?? '');
    if (at >= 0) {
      left.splice(at, 1);
      correct++;
    } else wrong++;
  }
  return {
    expected: units.length,
    correct,
    wrong,
    missed: units.length - correct,
    distractorBadges: 0,
    notOnPage: [],
    details: left.map((id) => `missed ${id}`),
  };
}

function report(
  results: PageResult[],
  skipped: string[],
  run: { load: string; loadAfter: string; started: number },
) {
  const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  const header = [
    'page',
    'expected',
    'correct',
    'wrong',
    'missed',
    'distractor badges',
    'text changed',
    'page errors',
  ];
  const lines = [row(header), row(header.map(() => '---'))];
  const total = (set: CorpusSet | 'all') => {
    const of = results.filter((r) => set === 'all' || r.set === set);
    const sum = (key: 'expected' | 'correct' | 'wrong' | 'missed' | 'distractorBadges' | 'errors') =>
      of.reduce((n, r) => n + r[key], 0);
    const expected = sum('expected');
    const share = expected ? ` (${((100 * sum('correct')) / expected).toFixed(1)} %)` : '';
    return row([
      `**${set}** (${of.length} pages)`,
      expected,
      `${sum('correct')}${share}`,
      sum('wrong'),
      sum('missed'),
      sum('distractorBadges'),
      of.filter((r) => r.textChanged).length,
      sum('errors'),
    ]);
  };
  for (const set of ['fresh', 'held-out', 'tuning', 'team'] as const) {
    for (const r of results.filter((x) => x.set === set)) {
      lines.push(
        row([
          r.file,
          r.expected,
          r.correct,
          r.wrong,
          r.missed,
          r.distractorBadges,
          r.textChanged ? 'yes' : 'no',
          r.errors,
        ]),
      );
    }
    lines.push(total(set));
  }
  lines.push(total('all'));
  console.log(
    `bench:pages — ${new Date().toISOString()}, load average ${run.load} (after: ${run.loadAfter}), ${Math.round((Date.now() - run.started) / 1000)} s`,
  );
  console.log(lines.join('\n'));
  if (skipped.length) console.log(`\nScored in happy-dom only (another API): ${skipped.join(', ')}`);
  for (const r of results) {
    for (const missing of r.notOnPage)
      console.log(`FIXTURE ERROR ${r.file}: "${missing}" is not on the page`);
    if (VERBOSE) for (const d of r.details) console.log(`  ${r.file}: ${d}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
