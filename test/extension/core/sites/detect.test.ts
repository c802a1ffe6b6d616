// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { contentScriptMatches } from '../../../../extension/core/sites/adapters';
import {
  kommunFromHost,
  kommunFromPage,
  kommunFromText,
  regionFromText,
  serviceFromPage,
} from '../../../../extension/core/sites/detect';
import { KOMMUN_TABLE, REGION_TABLE } from '../../../../extension/core/sites/kommun-table';
import { allKommuner, allRegioner } from '../../../../extension/core/sites/places';
import { buildKommunTable, buildRegionTable } from '../../../../extension/scripts/kommun-table';
import { KOMMUNER, REGIONER } from '../../../../shared/reference';
import { loadPage } from '../../fixtures';

describe('kommun from the hostname', () => {
  it('knows all 290 kommuner and 21 regions, and the shipped table matches the reference data', () => {
    expect(allKommuner()).toHaveLength(290);
    expect(allRegioner()).toHaveLength(21);
    // Regenerate with `npx tsx extension/scripts/kommun-table.ts` when this fails.
    expect(KOMMUN_TABLE).toBe(buildKommunTable());
    expect(REGION_TABLE).toBe(buildRegionTable());
  });

  it('reads back from the compact table exactly the reference data: codes, names and every host', () => {
    expect(allKommuner()).toEqual(
      KOMMUNER.map((k) => ({
        code: k.code,
        kind: 'kommun',
        name: k.shortName,
        hosts: [k.website, ...k.otherHosts],
      })),
    );
  });

  it('finds every kommun from its own website host, its www. host and other subdomains', () => {
    for (const kommun of KOMMUNER) {
      for (const host of [
        kommun.website,
        `www.${kommun.website}`,
        `omsorg.${kommun.website}`,
        ...kommun.otherHosts,
      ]) {
        expect(kommunFromHost(host)?.code, host).toBe(kommun.code);
      }
    }
  });

  it('tells Habo from Håbo and ignores look-alike and unknown hosts', () => {
    expect(kommunFromHost('www.habo.se')?.code).toBe('0305'); // Håbo
    expect(kommunFromHost('www.habokommun.se')?.code).toBe('0643'); // Habo
    expect(kommunFromHost('norrkoping.se.example.com')).toBeNull();
    expect(kommunFromHost('notnorrkoping.se')).toBeNull();
    expect(kommunFromHost('www.1177.se')).toBeNull();
    expect(kommunFromHost('WWW.NORRKOPING.SE.')?.code).toBe('0581');
  });

  it('content-script match patterns cover every kommun host with and without subdomains, and nothing broad', () => {
    const patterns = contentScriptMatches('http://localhost:8787');
    expect(patterns).toContain('*://norrkoping.se/*');
    expect(patterns).toContain('*://*.norrkoping.se/*');
    expect(patterns).toContain('*://www.1177.se/*');
    expect(patterns).toContain('*://1177.se/*');
    expect(patterns).toContain('http://localhost/demo/*');
    expect(patterns.some((p) => p.includes('<all_urls>') || p.startsWith('*://*/'))).toBe(false);
  });
});

describe('kommun from the page content', () => {
  it('reads "X kommun" from the footer, title or site name', () => {
    loadPage('norrkoping-list.html', 'localhost');
    expect(kommunFromPage(document)?.code).toBe('0581');
  });

  it('handles genitive-less names and stad', () => {
    expect(kommunFromText('© Borås Stad')?.code).toBe(KOMMUNER.find((k) => k.shortName === 'Borås')?.code);
    expect(kommunFromText('Välkommen till Upplands Väsby kommun')?.code).toBe('0114');
    expect(kommunFromText('Kontakta Håbo kommun')?.code).toBe('0305');
    expect(kommunFromText('Kontakta Habo kommun')?.code).toBe('0643');
    expect(kommunFromText('Hemtjänst och omsorg')).toBeNull();
  });

  it('reads a region from a county name', () => {
    expect(regionFromText('Östergötlands län')?.code).toBe('05');
    expect(regionFromText('Region Östergötland')?.code).toBe('05');
    expect(REGIONER.every((r) => regionFromText(r.lan.name)?.code === r.code)).toBe(true);
  });
});

describe('service from the URL and headings', () => {
  const check = (path: string, h1: string, title = '') => {
    document.body.innerHTML = `<h1>${h1}</h1>`;
    document.title = title;
    return serviceFromPage(new URL(`https://www.norrkoping.se${path}`), document);
  };

  it('recognises hemtjänst and särskilt boende in all their names', () => {
    expect(check('/omsorg/aldre/hemtjanst/valj-utforare', 'Välj utförare')).toBe('hemtjanst');
    expect(check('/omsorg/x', 'Välj utförare i hemtjänsten')).toBe('hemtjanst');
    expect(check('/omsorg/aldre/sarskilt-boende', 'Boenden')).toBe('sarskilt_boende');
    expect(check('/omsorg', 'Vård- och omsorgsboenden i Norrköping')).toBe('sarskilt_boende');
    expect(check('/omsorg/aldreboende', 'Boende')).toBe('sarskilt_boende');
    expect(check('/omsorg', 'Äldreboenden', '')).toBe('sarskilt_boende');
  });

  it('prefers the main heading over the URL, and the most specific URL segment', () => {
    expect(check('/aldreomsorg/hemtjanst/sarskilt-boende', 'Boenden')).toBe('sarskilt_boende');
    expect(check('/sarskilt-boende/hemtjanst', 'Sidan')).toBe('hemtjanst');
    expect(check('/hemtjanst', 'Särskilt boende')).toBe('sarskilt_boende');
  });

  it('returns null on pages about something else', () => {
    expect(check('/bygga-bo/bygglov', 'Bygglov')).toBeNull();
    expect(check('/skola/forskola', 'Välj förskola')).toBeNull();
  });
});
