// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Request, UnitsResponse } from '../../../../extension/core/messages';
import {
  type OverlayEnv,
  OWN_ATTRIBUTE,
  runOverlay,
  UNIT_ATTRIBUTE,
} from '../../../../extension/core/overlay';
import { DEFAULT_SETTINGS } from '../../../../extension/core/settings';
import { matchTexts } from '../../../../extension/core/sites/match-texts';
import type { UnitList } from '../../../../shared/domain/api';
import {
  CORPUS,
  type CorpusLists,
  type CorpusPage,
  type CorpusSet,
  listKey,
  PAGES_DIR,
} from '../../../fixtures/pages/corpus';
import { type PageScore, scorePage } from '../../../fixtures/pages/score-page';
import { pageHtml } from '../../fixtures';

/**
 * The page corpus (test/fixtures/pages/expected.json, tuning and held-out sets) through the whole
 * overlay in happy-dom, against the unit lists the real API serves from the corpus databases (api/corpus-lists.json, checked
 * against the API by corpus-lists.test.ts). Each badge
 * counts only beside the name it belongs to (score-page.ts). The real-browser figures are
 * `npm run bench:pages`.
 */
const PAGES = CORPUS.filter((p) => p.set !== 'team' && p.listings);

const LISTS = JSON.parse(readFileSync(join(PAGES_DIR, 'api', 'corpus-lists.json'), 'utf8')) as CorpusLists;

function unitList(page: CorpusPage, huvudman: string, service: string): UnitList {
  const list = LISTS[listKey(page.api ?? 'corpus', huvudman, service)];
  if (!list) throw new Error(`no corpus list for ${huvudman} ${service} (${page.file})`);
  return list;
}

const views: AbortController[] = [];
afterEach(() => {
  for (const v of views.splice(0)) v.abort();
});

interface Result extends PageScore {
  file: string;
  set: CorpusSet;
  textChanged: boolean;
}

async function visit(page: CorpusPage): Promise<Result> {
  const url = new URL(`https://${page.host}${page.path}`);
  (window as unknown as { happyDOM: { setURL(href: string): void } }).happyDOM.setURL(url.href);
  document.open();
  document.write(pageHtml(page.file));
  document.close();
  const before = document.body.textContent;
  const view = new AbortController();
  views.push(view);
  const env: OverlayEnv = {
    doc: document,
    url,
    apiUrl: 'http://localhost:8787',
    signal: view.signal,
    send: (async (request: Request) => {
      if (request.type !== 'units') return undefined;
      // As the background does: the list, and what each listing text names.
      const list = unitList(page, request.huvudman, request.service);
      const matches = matchTexts(list, request.listings ?? [], request.contextNames ?? []);
      return { ok: true, list, fetchedAt: 0, stale: false, matches } satisfies UnitsResponse;
    }) as OverlayEnv['send'],
    settings: DEFAULT_SETTINGS,
    manual: null,
    disabledAdapters: [],
    getComparison: async () => null,
    setComparison: async () => {},
    setTimeout: (fn) => {
      fn();
      return 0;
    },
    throttleMs: 10,
  };
  await runOverlay(env);
  const score = scorePage(page.listings ?? []);
  return { ...score, file: page.file, set: page.set, textChanged: document.body.textContent !== before };
}

const results: Result[] = [];
beforeAll(async () => {
  for (const page of PAGES) results.push(await visit(page));
}, 120_000);

afterAll(() => {
  const lines = results.map(
    (r) =>
      `${r.set.padEnd(8)} ${r.file.padEnd(44)} expected ${r.expected} correct ${r.correct} wrong ${r.wrong} distractor ${r.distractorBadges}${r.details.length ? `\n    ${r.details.join('\n    ')}` : ''}`,
  );
  if (process.env.CORPUS_VERBOSE) console.log(lines.join('\n'));
});

function totals(set: CorpusSet) {
  const of = results.filter((r) => r.set === set);
  const sum = (key: 'expected' | 'correct' | 'wrong' | 'distractorBadges') =>
    of.reduce((n, r) => n + r[key], 0);
  return {
    pages: of.length,
    expected: sum('expected'),
    correct: sum('correct'),
    wrong: sum('wrong'),
    distractor: sum('distractorBadges'),
  };
}

describe('the page corpus in happy-dom', () => {
  it('has every expected name on its page (the fixtures are right)', () => {
    expect(results.length).toBe(PAGES.length);
    expect(results.flatMap((r) => r.notOnPage.map((n) => `${r.file}: ${n}`))).toEqual([]);
  });

  it('leaves every page text as it was', () => {
    expect(results.filter((r) => r.textChanged).map((r) => r.file)).toEqual([]);
  });

  for (const set of ['fresh', 'held-out', 'tuning'] as const) {
    it(`${set}: no wrong badge, none on distractors, at least 95 % of listings badged`, () => {
      const t = totals(set);
      expect(t.pages).toBeGreaterThan(0);
      expect({ wrong: t.wrong, distractor: t.distractor }).toEqual({ wrong: 0, distractor: 0 });
      expect(t.correct / t.expected).toBeGreaterThanOrEqual(0.95);
    });
  }
});

describe("a chain's brand listed once", () => {
  it('gets one badge showing each unit by name with its own facts; each opens its own details', async () => {
    const page = CORPUS.find((p) => p.file === 'held-out/laholm-sitevision-list.html')!;
    await visit(page);
    const vivanta = page.listings!.find((l) => l.name === 'Vivanta')!;
    expect(vivanta.units).toHaveLength(2);
    const host = document.querySelector(`[${UNIT_ATTRIBUTE}="${vivanta.units.join(' ')}"]`)!;
    expect(host).not.toBeNull();
    // Right after the link "Vivanta", not at the end of the item.
    expect(host.previousElementSibling?.textContent).toBe('Vivanta');
    const units = Array.from(host.shadowRoot!.querySelectorAll('.group-unit'));
    expect(units.map((u) => u.querySelector('.name')?.textContent)).toEqual([
      'Vivanta Hemtjänst Centrum',
      'Vivanta Hemtjänst Mellbystrand',
    ]);
    // Each with its own regi tag and figure line, side by side; none merged.
    for (const unit of units) expect(unit.querySelector('button .tag')?.textContent).toBe('Privat');
    (units[1]!.querySelector('button') as HTMLButtonElement).click();
    const dialog = document.querySelector(`[${OWN_ATTRIBUTE}="panel"]`)!.shadowRoot!.querySelector('dialog')!;
    expect(dialog.querySelector('h2')?.textContent).toContain('Vivanta Hemtjänst Mellbystrand');
  });

  it('is not a group outside a provider list: the brand in running text gets nothing', async () => {
    const page = CORPUS.find((p) => p.file === 'held-out/laholm-sitevision-list.html')!;
    await visit(page);
    const sentence = Array.from(document.querySelectorAll('p')).find((p) =>
      p.textContent?.startsWith('Vivanta har två hemtjänstgrupper'),
    )!;
    expect(sentence).toBeDefined();
    expect(sentence.querySelectorAll(`[${UNIT_ATTRIBUTE}]`)).toHaveLength(0);
  });
});
