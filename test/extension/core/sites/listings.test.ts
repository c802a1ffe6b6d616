// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../../../extension/core/sites/adapters';
import { regionFromUnits } from '../../../../extension/core/sites/adapters/vard-1177';
import { findListings, nameFromText, textSegments } from '../../../../extension/core/sites/listings';
import { matchListings } from '../../../../extension/core/sites/match-texts';
import { kommunOfficialName } from '../../../../extension/core/sites/places';
import { EXPECTED, listFor, loadPage } from '../../fixtures';

const CONTEXT = { apiUrl: 'http://localhost:8787' };

/** Runs detection, listing extraction and matching on a fixture page, as the content script does. */
function analyse(file: string, host?: string) {
  const url = loadPage(file, host);
  const adapter = adapterFor(url, CONTEXT);
  if (!adapter) throw new Error('no adapter');
  const target = adapter.detect(url, document);
  const list = listFor(file);
  const listings = adapter.listings(document, new WeakSet());
  const matched = target
    ? matchListings(listings, list, [target.place.name, kommunOfficialName(target.place.name)])
    : [];
  return { adapter, target, listings, matched };
}

describe('every listing shape on kommun pages (generic adapter)', () => {
  const kommunPages = Object.keys(EXPECTED).filter((f) => f.startsWith('norrkoping'));

  for (const file of kommunPages) {
    it(`${file}: finds exactly the expected providers`, () => {
      const { adapter, target, matched } = analyse(file);
      expect(adapter.id).toBe('generic');
      expect(target?.place.code).toBe('0581');
      expect(target?.via).toBe('host');
      expect(target?.service).toBe(file.includes('sabo') ? 'sarskilt_boende' : 'hemtjanst');
      expect(matched.map((m) => m.unit.id).sort()).toEqual([...(EXPECTED[file]?.units ?? [])].sort());
    });
  }

  it('never looks in the header menu, breadcrumbs or footer', () => {
    const { matched } = analyse('norrkoping-list.html');
    for (const { listing } of matched) {
      expect(listing.element.closest('nav, header, footer')).toBeNull();
    }
  });

  it('anchors each shape where the badge belongs', () => {
    const anchors = (file: string) =>
      analyse(file).matched.map((m) => `${m.listing.element.tagName.toLowerCase()}:${m.listing.placement}`);
    expect(new Set(anchors('norrkoping-list.html'))).toEqual(new Set(['li:append']));
    expect(new Set(anchors('norrkoping-table.html'))).toEqual(new Set(['td:append']));
    expect(new Set(anchors('norrkoping-dl.html'))).toEqual(new Set(['dt:append']));
    expect(new Set(anchors('norrkoping-accordion.html'))).toEqual(new Set(['summary:append']));
    expect(new Set(anchors('norrkoping-cards.html'))).toEqual(new Set(['h3:after']));
    expect(new Set(anchors('norrkoping-provider.html'))).toEqual(new Set(['h1:after']));
    expect(new Set(anchors('norrkoping-text.html'))).toEqual(new Set(['p:append']));
  });

  it('finds the kommun from the footer when the host is not a kommun site (the API demo page)', () => {
    const { adapter, target, matched } = analyse(
      'norrkoping-list.html',
      'http://localhost:8787/demo/norrkoping/hemtjanst',
    );
    expect(adapter.id).toBe('generic');
    expect(target?.place.code).toBe('0581');
    expect(target?.via).toBe('page');
    expect(matched).toHaveLength(6);
  });

  it('skips listings already handled, so a re-run is a no-op', () => {
    const url = loadPage('norrkoping-list.html');
    const adapter = adapterFor(url, CONTEXT)!;
    const seen = new WeakSet<Element>();
    const first = adapter.listings(document, seen);
    for (const l of first) seen.add(l.element);
    expect(first.length).toBeGreaterThan(0);
    expect(adapter.listings(document, seen)).toEqual([]);
  });

  it('does nothing on pages about something else', () => {
    const url = loadPage('norrkoping-list.html');
    document.querySelector('h1')!.textContent = 'Bygglov';
    document.title = 'Bygglov';
    for (const h2 of document.querySelectorAll('h2')) h2.textContent = 'Ritningar';
    const other = new URL('https://www.norrkoping.se/bygga-bo/bygglov');
    expect(adapterFor(url, CONTEXT)!.detect(other, document)).toBeNull();
  });
});

describe('text helpers', () => {
  it('cuts a listing to its name', () => {
    expect(nameFromText('Exempelomsorg AB – hemtjänst i centrum')).toBe('Exempelomsorg AB');
    expect(nameFromText('  Exempelomsorg AB (privat)')).toBe('Exempelomsorg AB');
    expect(nameFromText('Övningsomsorg & Service AB')).toBe('Övningsomsorg & Service AB');
  });

  it('splits running text into name-sized segments', () => {
    expect(textSegments('Välj mellan Exempelomsorg AB, Demohemtjänst Norr AB och Åkerbo AB.')).toEqual([
      'Välj mellan Exempelomsorg AB',
      'Demohemtjänst Norr AB',
      'Åkerbo AB',
    ]);
  });

  it('ignores long prose in list items', () => {
    document.body.innerHTML = `<main><ul><li>${'Lång text om hemtjänst. '.repeat(10)}</li></ul></main>`;
    expect(findListings(document.querySelector('main')!)).toEqual([]);
  });
});

describe('1177 Hitta vård (vard-1177 adapter)', () => {
  it('search results: region from the addresses, units matched by name within the region', () => {
    const { adapter, target, matched, listings } = analyse('1177-search.html', 'www.1177.se');
    expect(adapter.id).toBe('vard-1177');
    expect(target).toMatchObject({ service: 'vardcentral', place: { code: '05' } });
    expect(listings.map((l) => l.text)).toContain('Påhittade Hälsocentralen Norr');
    expect(matched.map((m) => m.unit.id).sort()).toEqual([...EXPECTED['1177-search.html']!.units].sort());
  });

  it('unit page: matched by HSA id although 1177 shows another name', () => {
    const { target, matched } = analyse('1177-unit.html', 'www.1177.se');
    expect(target?.place.code).toBe('05');
    expect(matched).toHaveLength(1);
    expect(matched[0]?.unit.id).toBe(EXPECTED['1177-unit.html']!.units[0]);
    expect(matched[0]?.listing.hint?.hsaId).toBe('SE2321000000-E000000000002');
  });

  it('after client-side navigation re-renders the list, new results are matched from the DOM', () => {
    const url = loadPage('1177-search.html', 'www.1177.se');
    const adapter = adapterFor(url, CONTEXT)!;
    const seen = new WeakSet<Element>();
    for (const l of adapter.listings(document, seen)) seen.add(l.element);
    document.querySelector('ol.search-result')!.innerHTML =
      '<li class="search-result-item"><h2><a href="/hitta-vard/kontaktkort/Exempelvardcentralen-Centrum/">Exempelvårdcentralen Centrum</a></h2></li>';
    const fresh = adapter.listings(document, seen);
    const matched = matchListings(fresh, listFor('1177-search.html'), []);
    expect(matched.map((m) => m.unit.name)).toEqual(['Exempelvårdcentralen Centrum']);
  });

  it('is switched off by the remote list, and the generic adapter never takes 1177', () => {
    const url = new URL('https://www.1177.se/hitta-vard/');
    expect(adapterFor(url, { ...CONTEXT, disabled: ['vard-1177'] })).toBeNull();
    expect(
      adapterFor(new URL('https://www.norrkoping.se/'), { ...CONTEXT, disabled: ['generic'] }),
    ).toBeNull();
  });

  it('tells Habo (Jönköpings län) from Håbo (Uppsala län) in a unit card’s Municipality and a hit’s address', () => {
    expect(regionFromUnits([{ name: 'Påhittade Vårdcentralen', municipality: 'Habo' }])?.code).toBe('06');
    expect(regionFromUnits([{ name: 'Påhittade Vårdcentralen', municipality: 'Håbo kommun' }])?.code).toBe(
      '03',
    );
    expect(
      regionFromUnits([{ name: 'Påhittade Vårdcentralen', address: 'Storgatan 1, 566 32 Habo' }])?.code,
    ).toBe('06');
    // A name written without its diacritics still finds the kommun when no other kommun is written so.
    expect(regionFromUnits([{ name: 'Påhittade Vårdcentralen', municipality: 'Norrkoping' }])?.code).toBe(
      '05',
    );
  });
});
