// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Comparison } from '../../../../extension/core/comparison';
import type { Request, UnitsResponse } from '../../../../extension/core/messages';
import {
  type OverlayEnv,
  OWN_ATTRIBUTE,
  runOverlay,
  UNIT_ATTRIBUTE,
} from '../../../../extension/core/overlay';
import { DEFAULT_SETTINGS } from '../../../../extension/core/settings';
import { matchTexts } from '../../../../extension/core/sites/match-texts';
import { EXPECTED, listFor, loadPage } from '../../fixtures';

const views: AbortController[] = [];
afterEach(() => {
  for (const v of views.splice(0)) v.abort();
});

function env(file: string, url: URL, overrides: Partial<OverlayEnv> = {}) {
  const requests: Request[] = [];
  let comparison: Comparison | null = null;
  const view = new AbortController();
  views.push(view);
  const e: OverlayEnv = {
    doc: document,
    url,
    apiUrl: 'http://localhost:8787',
    signal: view.signal,
    send: (async (request: Request) => {
      requests.push(request);
      if (request.type === 'units') {
        // As the background does: the list, and a unit id (or null) per listing text.
        const list = listFor(file);
        const matches = matchTexts(list, request.listings ?? [], request.contextNames ?? []);
        return { ok: true, list, fetchedAt: 0, stale: false, matches } satisfies UnitsResponse;
      }
      if (request.type === 'feedback') return { ok: false, status: 404 };
      return undefined;
    }) as OverlayEnv['send'],
    settings: DEFAULT_SETTINGS,
    manual: null,
    disabledAdapters: [],
    getComparison: async () => comparison,
    setComparison: async (value) => {
      comparison = value;
    },
    throttleMs: 10,
    ...overrides,
  };
  return { env: e, requests, view, comparison: () => comparison };
}

const hosts = () => Array.from(document.querySelectorAll(`[${UNIT_ATTRIBUTE}]`));

describe('the overlay on a kommun page', () => {
  it('puts one badge host beside each listing, with the unit id, and leaves the page text as it was', async () => {
    const file = 'norrkoping-list.html';
    const url = loadPage(file);
    const textBefore = document.body.textContent;
    const { env: e, requests } = env(file, url);
    const handle = await runOverlay(e);
    expect(handle?.target.place.code).toBe('0581');
    expect(
      hosts()
        .map((h) => h.getAttribute(UNIT_ATTRIBUTE))
        .sort(),
    ).toEqual([...EXPECTED[file]!.units].sort());
    expect(document.body.textContent).toBe(textBefore);
    const units = requests.filter((r) => r.type === 'units');
    expect(units).toHaveLength(1);
    expect(units[0]).toMatchObject({ type: 'units', huvudman: '0581', service: 'hemtjanst' });
    // Only listing texts travel to the background, never the page address.
    expect(JSON.stringify(units[0])).not.toContain('norrkoping.se');
    expect(JSON.stringify(units[0])).not.toContain('/stod-och-omsorg');
    for (const host of hosts()) {
      expect(host.parentElement?.tagName).toBe('LI');
      expect(host.shadowRoot).not.toBeNull();
    }
  });

  it('shows regi, the default indicator with period and respondents, "Uppgift saknas" and the demo label', async () => {
    const file = 'norrkoping-list.html';
    const url = loadPage(file);
    await runOverlay(env(file, url).env);
    const list = listFor(file);
    const badgeText = (unitId: string) =>
      hosts().find((h) => h.getAttribute(UNIT_ATTRIBUTE) === unitId)?.shadowRoot?.textContent ?? '';
    for (const host of hosts()) {
      const unit = list.items.find((u) => u.id === host.getAttribute(UNIT_ATTRIBUTE))!;
      const text = host.shadowRoot!.textContent ?? '';
      expect(text).toContain(
        unit.regi === null
          ? 'Uppgift saknas'
          : { egen_regi: 'Egen regi', privat: 'Privat', ideburen: 'Idéburen' }[unit.regi],
      );
      expect(text).toContain('Exempeldata');
      expect(text).toContain(unit.name);
      expect(text).not.toMatch(/★|stjärn|rekommender/i);
    }
    // A unit with a figure (Exempelomsorg AB: 95 %, 2025, 204 answers) ...
    expect(badgeText('u_7beede8e9f1fb2ba')).toContain('Nöjda: 95\u00a0% av 204 som svarade (2025)');
    // ... and one whose survey had too few answers: the same words as for every missing figure.
    expect(badgeText('u_a390c4dad8e9c250')).toContain('Nöjda: Uppgift saknas');
    expect(badgeText('u_a390c4dad8e9c250')).not.toMatch(/\b5 som svarade/);
    // Only the record not checked for over a year says when it was checked, in neutral words.
    expect(badgeText('u_550114f93a81c364')).toContain('Kommunen kontrollerade uppgifterna senast 2025-06-30');
    expect(hosts().filter((h) => h.shadowRoot?.textContent?.includes('kontrollerade'))).toHaveLength(1);
    expect(hosts().filter((h) => h.shadowRoot?.textContent?.includes('⚠'))).toHaveLength(0);
  });

  it('opens the details on click with every fact, and adds to the comparison', async () => {
    const file = 'norrkoping-list.html';
    const url = loadPage(file);
    const { env: e, comparison } = env(file, url);
    await runOverlay(e);
    const host = hosts().find((h) => h.getAttribute(UNIT_ATTRIBUTE) === 'u_7beede8e9f1fb2ba')!;
    (host.shadowRoot!.querySelector('button') as HTMLButtonElement).click();
    const panel = document.querySelector(`[${OWN_ATTRIBUTE}="panel"]`);
    expect(panel).not.toBeNull();
    const dialog = panel!.shadowRoot!.querySelector('dialog')!;
    const text = dialog.textContent ?? '';
    for (const label of [
      'Regi',
      'Områden',
      'Språk',
      'Tilläggstjänster',
      'Tar emot nya kunder',
      'Kontroll',
      'Listan bygger på',
      'Vad betyder siffran?',
    ]) {
      expect(text).toContain(label);
    }
    expect(text).toContain('Exempelomsorg AB');
    expect(text).toContain('Hela Norrköping');
    expect(text).toContain('Riket');
    const add = Array.from(dialog.querySelectorAll('button')).find(
      (b) => b.textContent === 'Lägg till i jämförelse',
    )!;
    expect(add.getAttribute('aria-pressed')).toBe('false');
    add.click();
    await vi.waitFor(() =>
      expect(comparison()).toEqual({
        huvudman: '0581',
        service: 'hemtjanst',
        unitIds: ['u_7beede8e9f1fb2ba'],
        show: 'chosen',
      }),
    );
    await vi.waitFor(() => expect(add.getAttribute('aria-pressed')).toBe('true'));
    expect(add.textContent).toBe('Tillagd i jämförelsen');
    // The button is a toggle: pressed again, it takes the unit out.
    add.click();
    await vi.waitFor(() => expect(comparison()?.unitIds).toEqual([]));
    await vi.waitFor(() => expect(add.getAttribute('aria-pressed')).toBe('false'));
    expect(add.textContent).toBe('Lägg till i jämförelse');
  });

  it('a late "close" from details already replaced by another unit’s leaves those open', async () => {
    const file = 'norrkoping-list.html';
    const url = loadPage(file);
    await runOverlay(env(file, url).env);
    const badge = (id: string) =>
      hosts()
        .find((h) => h.getAttribute(UNIT_ATTRIBUTE) === id)!
        .shadowRoot!.querySelector('button') as HTMLButtonElement;
    const dialog = () =>
      document.querySelector(`[${OWN_ATTRIBUTE}="panel"]`)!.shadowRoot!.querySelector('dialog');
    badge('u_7beede8e9f1fb2ba').click();
    const first = dialog()!;
    // "Stäng" on the first, and the second badge clicked before the first dialog's close event arrives.
    badge('u_da530010f3624b50').click();
    first.dispatchEvent(new Event('close'));
    await new Promise((r) => setTimeout(r, 0));
    expect(dialog()?.textContent).toContain('Ängsbacka Exempelkooperativ');
    dialog()!.dispatchEvent(new Event('close'));
    await vi.waitFor(() => expect(dialog()).toBeNull());
  });

  it('reports "Rapportera fel" gracefully when the API has no feedback endpoint', async () => {
    const file = 'norrkoping-list.html';
    const url = loadPage(file);
    const { env: e, requests } = env(file, url);
    await runOverlay(e);
    (hosts()[0]!.shadowRoot!.querySelector('button') as HTMLButtonElement).click();
    const dialog = document.querySelector(`[${OWN_ATTRIBUTE}="panel"]`)!.shadowRoot!.querySelector('dialog')!;
    const open = Array.from(dialog.querySelectorAll('.actions button')).find(
      (b) => b.textContent === 'Rapportera fel',
    ) as HTMLButtonElement;
    open.click();
    // Nothing is sent before the confirmation step says what the report carries.
    await vi.waitFor(() => expect(dialog.querySelector('.report')).not.toBeNull());
    expect(requests.some((r) => r.type === 'feedback')).toBe(false);
    expect(dialog.querySelector('.report')?.textContent).toContain('www.norrkoping.se');
    const report = dialog.querySelector('.report button') as HTMLButtonElement;
    report.click();
    await vi.waitFor(() =>
      expect(dialog.textContent).toContain('Det går inte att skicka rapporter just nu.'),
    );
    const sent = requests.find((r) => r.type === 'feedback');
    expect(sent).toMatchObject({
      body: { huvudman: '0581', pageHost: 'www.norrkoping.se', kind: 'wrong_match' },
    });
    expect(JSON.stringify(sent)).not.toContain('/stod-och-omsorg');
  });

  it('badges content that arrives later, once, and ignores its own hosts', async () => {
    const file = 'norrkoping-list.html';
    const url = loadPage(file);
    await runOverlay(env(file, url).env);
    const before = hosts().length;
    const ul = document.querySelector('.sv-text-portlet ul')!;
    const li = document.createElement('li');
    li.innerHTML = '<a href="/x">Exempelomsorg AB</a>';
    ul.append(li);
    await vi.waitFor(() => expect(hosts()).toHaveLength(before + 1));
    await new Promise((r) => setTimeout(r, 50));
    expect(hosts()).toHaveLength(before + 1);
    expect(li.querySelector(`[${UNIT_ATTRIBUTE}]`)).not.toBeNull();
  });

  it('offers the full list on a service page that names no provider', async () => {
    const file = 'norrkoping-nolist.html';
    const url = loadPage(file);
    const textBefore = document.body.textContent;
    await runOverlay(env(file, url).env);
    expect(hosts()).toHaveLength(0);
    const entry = document.querySelector(`[${OWN_ATTRIBUTE}="entry"]`);
    expect(entry?.previousElementSibling?.tagName).toBe('H1');
    expect(entry?.shadowRoot?.textContent).toContain('Se alla utförare av hemtjänst i Norrköping');
    expect(document.body.textContent).toBe(textBefore);
  });

  it('"Se alla utförare" opens every unit of the system, also when some were chosen before', async () => {
    const file = 'norrkoping-nolist.html';
    const url = loadPage(file);
    const { env: e, requests, comparison } = env(file, url);
    await e.setComparison({ huvudman: '0581', service: 'hemtjanst', unitIds: ['u_7beede8e9f1fb2ba'] });
    await runOverlay(e);
    const entry = document.querySelector(`[${OWN_ATTRIBUTE}="entry"]`)!;
    (entry.shadowRoot!.querySelector('button') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(requests.map((r) => r.type)).toContain('openComparison'));
    expect(comparison()).toEqual({
      huvudman: '0581',
      service: 'hemtjanst',
      unitIds: ['u_7beede8e9f1fb2ba'],
      show: 'all',
    });
  });

  it('leaves the page untouched and quiet when the API is dead', async () => {
    const file = 'norrkoping-list.html';
    const url = loadPage(file);
    const html = document.documentElement.outerHTML;
    const send = (async () => ({ ok: false, error: 'down' })) as OverlayEnv['send'];
    expect(await runOverlay(env(file, url, { send }).env)).toBeNull();
    expect(document.documentElement.outerHTML).toBe(html);
    const throwing = (async () => {
      throw new Error('Extension context invalidated');
    }) as OverlayEnv['send'];
    await expect(runOverlay(env(file, url, { send: throwing }).env)).rejects.toThrow();
    expect(document.documentElement.outerHTML).toBe(html);
  });

  it('removes everything it added when the page view is aborted', async () => {
    const file = 'norrkoping-cards.html';
    const url = loadPage(file);
    const html = document.body.innerHTML;
    const { env: e, view } = env(file, url);
    await runOverlay(e);
    expect(hosts().length).toBeGreaterThan(0);
    view.abort();
    expect(document.body.innerHTML).toBe(html);
  });

  it('does nothing with badges switched off, and uses the manual choice over detection', async () => {
    const file = 'norrkoping-list.html';
    const url = loadPage(file);
    expect(
      await runOverlay(env(file, url, { settings: { ...DEFAULT_SETTINGS, badges: false } }).env),
    ).toBeNull();
    expect(hosts()).toHaveLength(0);
    const { env: e, requests } = env(file, url, { manual: { huvudman: '0581', service: 'sarskilt_boende' } });
    const handle = await runOverlay(e);
    expect(handle?.target.via).toBe('manual');
    expect(requests[0]).toMatchObject({ type: 'units', huvudman: '0581', service: 'sarskilt_boende' });
  });
});

describe('a page that looks different than its adapter expects', () => {
  it('reports the parts it did not find, once per page view, with the host only, and still badges what it can', async () => {
    const file = 'norrkoping-redesign.html';
    const url = loadPage(file);
    const { env: e, requests } = env(file, url);
    await runOverlay(e);
    expect(
      hosts()
        .map((h) => h.getAttribute(UNIT_ATTRIBUTE))
        .sort(),
    ).toEqual([...EXPECTED[file]!.units].sort());
    const checks = requests.filter((r) => r.type === 'siteCheck');
    expect(checks).toEqual([
      { type: 'siteCheck', adapter: 'generic', host: 'www.norrkoping.se', missing: ['sidans huvudinnehåll'] },
    ]);
    expect(JSON.stringify(checks)).not.toContain('/omsorg');
  });

  it('reports nothing missing where the page looks as expected (which clears an earlier report)', async () => {
    const file = 'norrkoping-list.html';
    const { env: e, requests } = env(file, loadPage(file));
    await runOverlay(e);
    expect(requests.filter((r) => r.type === 'siteCheck')).toEqual([
      { type: 'siteCheck', adapter: 'generic', host: 'www.norrkoping.se', missing: [] },
    ]);
  });

  it('on 1177: a page without the unit names it relies on is reported', async () => {
    const file = '1177-search.html';
    const url = loadPage(file, 'www.1177.se');
    for (const link of document.querySelectorAll('main a[href*="/kontaktkort/"]'))
      link.removeAttribute('href');
    for (const h1 of document.querySelectorAll('main h1')) h1.remove();
    const { env: e, requests } = env(file, url);
    await runOverlay(e);
    expect(requests.filter((r) => r.type === 'siteCheck')).toEqual([
      { type: 'siteCheck', adapter: 'vard-1177', host: 'www.1177.se', missing: ['vårdcentralernas namn'] },
    ]);
  });
});

describe('the overlay on a 1177 result list', () => {
  it('shows each vårdcentral’s default figure on its scale, with its count and period, like any unit', async () => {
    const file = '1177-search.html';
    await runOverlay(env(file, loadPage(file, 'www.1177.se')).env);
    // Demokliniken and Övningsvårdcentralen Söder are in the list; Påhittade Hälsocentralen Norr is not.
    const badges = hosts().map((h) => h.shadowRoot?.textContent ?? '');
    expect(badges).toHaveLength(2);
    // The recorded demo list's figures (units-05-vardcentral.json), a mean on the 0–1 scale with two decimals.
    expect(badges[0]).toContain('Demokliniken Vårdcentral AB');
    expect(badges[0]).toContain('Omdöme om vården: 0,79 på en skala 0–1, 57 som svarade (2025)');
    expect(badges[1]).toContain('Övningsvårdcentralen Söder');
    expect(badges[1]).toContain('Omdöme om vården: 0,95 på en skala 0–1, 156 som svarade (2025)');
  });
});

describe('the overlay in English', () => {
  it('asks the background for the English strings and uses them on badges', async () => {
    const file = 'norrkoping-list.html';
    const url = loadPage(file);
    const { EN } = await import('../../../../extension/core/ui/i18n-en');
    const base = env(file, url);
    const send = (async (request: Request) =>
      request.type === 'messages' ? EN : base.env.send(request)) as OverlayEnv['send'];
    await runOverlay({ ...base.env, send, settings: { ...DEFAULT_SETTINGS, language: 'en' } });
    const text = hosts()[0]?.shadowRoot?.textContent ?? '';
    expect(text).toContain('Example data');
    expect(text).toContain('Satisfied: 93% of 50 who answered (2025)');
    expect(text).not.toContain('Exempeldata');
  });
});

describe('quiet when there is nothing to show', () => {
  it('adds nothing when the adapter is switched off remotely', async () => {
    const file = 'norrkoping-list.html';
    const url = loadPage(file);
    const html = document.documentElement.outerHTML;
    const { env: e, requests } = env(file, url, { disabledAdapters: ['generic'] });
    expect(await runOverlay(e)).toBeNull();
    expect(requests).toEqual([]);
    expect(document.documentElement.outerHTML).toBe(html);
  });

  it('offers no entry point when the kommun has no units in the API', async () => {
    const file = 'norrkoping-nolist.html';
    const url = loadPage(file);
    const html = document.documentElement.outerHTML;
    const empty = { ...listFor(file), items: [] };
    const send = (async () => ({
      ok: true,
      list: empty,
      fetchedAt: 0,
      stale: false,
      matches: [],
    })) as OverlayEnv['send'];
    await runOverlay(env(file, url, { send }).env);
    expect(document.documentElement.outerHTML).toBe(html);
  });
});

describe('a long list', () => {
  it('draws the badges on screen first, at most 25, then the rest by frames; only hosts far from the screen skip rendering', async () => {
    const file = 'norrkoping-list.html';
    const url = loadPage(file);
    const base = listFor(file);
    const template = base.items[0]!;
    const names = Array.from({ length: 120 }, (_, i) => `Exempelomsorg ${i + 1} Hemtjänst AB`);
    const list = {
      ...base,
      items: names.map((name, i) => ({ ...template, id: `u_long_${i}`, name, aliases: [] })),
    };
    document.querySelector('.sv-text-portlet ul')!.innerHTML = names
      .map((name, i) => `<li><a href="/utforare/${i}">${name}</a></li>`)
      .join('');
    // 30 listings fit on the screen; the rest are below it.
    const lis = Array.from(document.querySelectorAll('.sv-text-portlet li'));
    lis.forEach((li, i) => {
      li.getBoundingClientRect = () => ({ top: i * 30, bottom: i * 30 + 24 }) as DOMRect;
    });
    const innerHeight = window.innerHeight;
    const { env: e } = env(file, url, {
      send: (async (request: Request) =>
        request.type === 'units'
          ? {
              ok: true,
              list,
              fetchedAt: 0,
              stale: false,
              matches: matchTexts(list, request.listings ?? [], request.contextNames ?? []),
            }
          : undefined) as OverlayEnv['send'],
    });
    await runOverlay(e);
    const unitOf = (li: Element) => li.querySelector(`[${UNIT_ATTRIBUTE}]`)?.getAttribute(UNIT_ATTRIBUTE);
    const onScreen = Math.floor(innerHeight / 30) + 1;
    expect(hosts()).toHaveLength(Math.min(25, onScreen));
    expect(lis.slice(0, 3).map(unitOf)).toEqual(['u_long_0', 'u_long_1', 'u_long_2']);
    await vi.waitFor(() => expect(hosts()).toHaveLength(120));
    const contentVisibility = (i: number) =>
      (lis[i]!.querySelector(`[${UNIT_ATTRIBUTE}]`) as HTMLElement).style.getPropertyValue(
        'content-visibility',
      );
    // Within a screen of the viewport: drawn normally; further away: content-visibility: auto.
    const near = Math.floor((2 * innerHeight) / 30);
    expect(contentVisibility(0)).toBe('');
    expect(contentVisibility(onScreen + 1)).toBe('');
    expect(contentVisibility(near)).toBe('');
    expect(contentVisibility(near + 1)).toBe('auto');
    expect(contentVisibility(119)).toBe('auto');
    expect(lis.map(unitOf)).toEqual(names.map((_, i) => `u_long_${i}`));
  });
});
