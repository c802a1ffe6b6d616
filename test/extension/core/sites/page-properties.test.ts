// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findListings } from '../../../../extension/core/sites/listings';
import { matchListings } from '../../../../extension/core/sites/match-texts';
import { kommunOfficialName } from '../../../../extension/core/sites/places';
import type { UnitList } from '../../../../shared/domain/api';
import { type CorpusLists, PAGES_DIR } from '../../../fixtures/pages/corpus';

/**
 * Properties of the page side (listing extraction + matching, as the content script and background
 * do them), on generated pages: any list shape, any order, any kommun name form.
 * - The kommun's one own unit is always found when it is an item of the provider list.
 * - Page chrome (header, navigation, breadcrumbs, footer, asides, contact boxes, news) never gets a
 *   badge, whatever it names.
 */
const LISTS = JSON.parse(readFileSync(join(PAGES_DIR, 'api', 'corpus-lists.json'), 'utf8')) as CorpusLists;

interface Kommun {
  name: string;
  list: UnitList;
  /** How pages write the kommun's own provider as an item of the list */
  ownForms: string[];
}

const KOMMUNER: Kommun[] = [
  {
    name: 'Laholm',
    list: LISTS['corpus|1381|hemtjanst']!,
    ownForms: ['Laholms kommun', 'Kommunens hemtjänst', 'Laholms kommun, hemtjänst', 'Kommunen (egen regi)'],
  },
  {
    name: 'Gävle',
    list: LISTS['corpus|2180|hemtjanst']!,
    ownForms: [
      'Gävle kommun',
      'Gävle kommun hemtjänst',
      'Kommunens hemtjänst',
      'Gävle kommun Vård och omsorg',
    ],
  },
  {
    name: 'Halmstad',
    list: LISTS['corpus|1380|hemtjanst']!,
    ownForms: ['Halmstads kommun', 'Kommunens egen hemtjänst', 'Halmstads kommun hemtjänst'],
  },
];

type Shape = 'links' | 'items' | 'table' | 'dl' | 'accordion' | 'cards';
const SHAPES: Shape[] = ['links', 'items', 'table', 'dl', 'accordion', 'cards'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function providerList(shape: Shape, names: readonly string[], extra: boolean): string {
  const tail = (i: number) => (extra ? `, telefon 0${i + 1}0-12 34 5${i}` : '');
  switch (shape) {
    case 'links':
      return `<ul class="normal">${names.map((n, i) => `<li><a href="/u/${i}">${esc(n)}</a>${tail(i)}</li>`).join('')}</ul>`;
    case 'items':
      return `<ul>${names.map((n, i) => `<li>${esc(n)}${tail(i)}</li>`).join('')}</ul>`;
    case 'table':
      return `<table><thead><tr><th>Utförare</th><th>Område</th></tr></thead><tbody>${names
        .map((n, i) => `<tr><td>${esc(n)}</td><td>Område ${i}${tail(i)}</td></tr>`)
        .join('')}</tbody></table>`;
    case 'dl':
      return `<dl>${names.map((n, i) => `<dt>${esc(n)}</dt><dd>Hela kommunen${tail(i)}.</dd>`).join('')}</dl>`;
    case 'accordion':
      return `<div class="acc">${names
        .map(
          (n, i) =>
            `<details class="acc__item"><summary>${esc(n)}</summary><p>Område ${i}${tail(i)}.</p></details>`,
        )
        .join('')}</div>`;
    case 'cards':
      return `<div class="grid">${names
        .map(
          (n, i) =>
            `<div class="card"><h3 class="card__title"><a href="/u/${i}">${esc(n)}</a></h3><p>Erbjuder service och omvårdnad${tail(i)}.</p></div>`,
        )
        .join('')}</div>`;
  }
}

function load(html: string, host: string): void {
  (window as unknown as { happyDOM: { setURL(href: string): void } }).happyDOM.setURL(
    `https://${host}/omsorg/hemtjanst/utforare`,
  );
  document.open();
  document.write(
    `<!doctype html><html lang="sv"><head><title>Utförare av hemtjänst</title></head><body>${html}</body></html>`,
  );
  document.close();
}

function matchPage(kommun: Kommun) {
  const listings = findListings(document.querySelector('main') ?? document.body);
  return matchListings(listings, kommun.list, [kommun.name, kommunOfficialName(kommun.name)]);
}

const kommunArb = fc.constantFrom(...KOMMUNER);

describe('page properties', () => {
  it("the kommun's one own unit is always found in a provider list: any shape, any order, any name form", () => {
    fc.assert(
      fc.property(
        kommunArb.chain((kommun) =>
          fc.record({
            kommun: fc.constant(kommun),
            shape: fc.constantFrom(...SHAPES),
            own: fc.constantFrom(...kommun.ownForms),
            others: fc.shuffledSubarray(
              kommun.list.items.filter((u) => u.regi !== 'egen_regi').map((u) => u.name),
              { minLength: 1 },
            ),
            at: fc.nat(),
            extra: fc.boolean(),
          }),
        ),
        ({ kommun, shape, own, others, at, extra }) => {
          const names = [...others];
          names.splice(at % (names.length + 1), 0, own);
          load(
            `<main><h1>Utförare av hemtjänst</h1>${providerList(shape, names, extra)}</main>`,
            'www.exempel.se',
          );
          const ownUnit = kommun.list.items.find((u) => u.regi === 'egen_regi')!;
          const matched = matchPage(kommun);
          expect(matched.map((m) => m.unit.id)).toContain(ownUnit.id);
          // Found as the item that names it, not elsewhere.
          const item = matched.find((m) => m.unit.id === ownUnit.id)!;
          expect(item.listing.element.textContent).toContain(own);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('page chrome never gets a badge, whatever it names', () => {
    const chrome = [
      (t: string) => `<header class="site-header"><a href="/">${t}</a></header>`,
      (t: string) =>
        `<nav aria-label="Du är här"><ol><li><a href="/">Start</a></li><li><a href="/x">${t}</a></li></ol></nav>`,
      (t: string) => `<footer><p>${t}, Box 1, 123 45 Ort</p><ul><li>${t}</li></ul></footer>`,
      (t: string) => `<aside><h2>Kontakta kommunen</h2><ul><li>${t}</li></ul></aside>`,
      (t: string) =>
        `<div class="sv-contact-portlet"><h2>Kontakt</h2><ul><li>${t}</li><li>${t}</li></ul></div>`,
      (t: string) => `<div class="kontaktruta"><p><strong>${t}</strong>, Kontaktcenter</p></div>`,
      (t: string) =>
        `<div class="lk-news"><ul><li><a href="/n/1">${t}</a></li><li><a href="/n/2">${t} igen</a></li></ul></div>`,
      (t: string) => `<div class="breadcrumbs"><ul><li><a href="/">Start</a></li><li>${t}</li></ul></div>`,
    ];
    fc.assert(
      fc.property(
        kommunArb.chain((kommun) =>
          fc.record({
            kommun: fc.constant(kommun),
            where: fc.integer({ min: 0, max: chrome.length - 1 }),
            text: fc.constantFrom(
              ...kommun.ownForms,
              `${kommunOfficialName(kommun.name)}`,
              ...kommun.list.items.map((u) => u.name),
            ),
            shape: fc.constantFrom(...SHAPES),
          }),
        ),
        ({ kommun, where, text, shape }) => {
          const list = kommun.list.items.map((u) => u.name);
          const piece = chrome[where]!(esc(text));
          // Chrome inside main too, where CMS templates put contact boxes and news.
          load(
            `${piece}<main><h1>Utförare</h1>${providerList(shape, list, false)}${piece}</main>${piece}`,
            'www.exempel.se',
          );
          const matched = matchPage(kommun);
          const inChrome = matched.filter((m) =>
            m.listing.element.closest(
              'header, nav, footer, aside, .sv-contact-portlet, .kontaktruta, .lk-news, .breadcrumbs',
            ),
          );
          expect(inChrome.map((m) => m.listing.text)).toEqual([]);
          // The real list is still read in full.
          expect(new Set(matched.map((m) => m.unit.id)).size).toBe(kommun.list.items.length);
        },
      ),
      { numRuns: 150 },
    );
  });
});
