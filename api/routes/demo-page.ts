import { Hono } from 'hono';
import { KOMMUNER } from '../../shared/reference';
import { escapeHtml } from '../http/html';

/** What the demo page needs of a unit. */
export interface DemoPageUnit {
  name: string;
  hsaId?: string | null;
  contact?: { address: string | null };
}

/** What the demo page needs of a list: its units and what they are (dataset.kind and basis). */
export interface DemoPageList {
  items: readonly DemoPageUnit[];
  dataset: { kind: 'demo' | 'live'; basis: 'register' | 'kolada' | null };
}

export interface DemoPageOptions {
  /** The list of a kommun's or region's service, as the API serves it (default order: Swedish alphabetical). */
  getList(huvudman: string, service: 'hemtjanst' | 'sarskilt_boende' | 'vardcentral'): Promise<DemoPageList>;
}

/** The demo regions' 1177-like pages: Region Östergötland's demo vårdcentraler. */
const REGIONS = [{ code: '05', slug: 'ostergotland', county: 'Östergötland', name: 'Region Östergötland' }];

/** What the page lists, truthfully: invented demo providers, or the real units the API holds. */
export function listedUnitsText(list: DemoPageList, where: string): string {
  if (list.items.length === 0) return `Det finns inga utförare för ${where} i API:ets data.`;
  if (list.dataset.kind === 'demo')
    return 'Utförarna på den här sidan är påhittade (demodata) och deras siffror är syntetiska.';
  if (list.dataset.basis === 'kolada')
    return `Utförarna på den här sidan är verkliga enheter i ${where} som de heter i Socialstyrelsens undersökningar (Källa: Kolada).`;
  return `Utförarna på den här sidan är verkliga: de kommer ur ${where}s register.`;
}

const SERVICES = {
  hemtjanst: { slug: 'hemtjanst', heading: 'Välj utförare i hemtjänsten', crumb: 'Hemtjänst' },
  sarskilt_boende: {
    slug: 'sarskilt-boende',
    heading: 'Välj vård- och omsorgsboende (särskilt boende)',
    crumb: 'Särskilt boende',
  },
} as const;

function slugOf(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function page(title: string, body: string, banner: string): string {
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Utförarkollen demosida</title>
<style>
body { font-family: Georgia, serif; margin: 0; color: #222; font-size: 18px; }
.demo-banner { background: #fff3c4; border-bottom: 2px solid #8a6d00; padding: 8px 24px; font-family: system-ui, sans-serif; }
.site-header { background: #00427a; color: #fff; padding: 12px 24px; }
.site-header a { color: #fff; }
.layout { max-width: 960px; margin: 0 auto; padding: 16px 24px; }
.breadcrumbs ol { list-style: none; padding: 0; display: flex; gap: 8px; font-size: 14px; }
.site-footer { background: #eee; padding: 24px; margin-top: 32px; }
</style>
</head>
<body>
<div class="demo-banner">Utförarkollen demosida: så här kan en sida med utförare se ut. Detta är inte en riktig kommunsida eller 1177-sida. ${escapeHtml(banner)}</div>
${body}
</body>
</html>`;
}

/**
 * GET /demo/, GET /demo/{kommun}/{hemtjanst|sarskilt-boende} and GET
 * /demo/1177/{region}/hitta-vard/kategori/vardcentral/: a realistic kommun CMS page, or a 1177-like
 * search result page, listing the providers the API holds, clearly labelled as an Utförarkollen demo
 * page that says truthfully what it lists (invented demo providers, or real units after a sync), so a
 * newcomer can see the browser extension working offline (its content script runs on the API's own
 * /demo/ pages).
 */
export function demoPageRoutes(options: DemoPageOptions) {
  const app = new Hono();

  app.get('/demo', (c) => c.redirect('/demo/'));
  app.get('/demo/', (c) => {
    const links = ['0581', '0380']
      .map((code) => KOMMUNER.find((k) => k.code === code))
      .filter((k) => k !== undefined)
      .flatMap((k) =>
        Object.values(SERVICES).map(
          (s) =>
            `<li><a href="/demo/${slugOf(k.shortName)}/${s.slug}">${escapeHtml(k.name)}: ${escapeHtml(s.crumb)}</a></li>`,
        ),
      )
      .join('\n');
    const regions = REGIONS.map(
      (r) =>
        `<li><a href="/demo/1177/${r.slug}/hitta-vard/kategori/vardcentral/">1177-lik sida: vårdcentraler i ${escapeHtml(r.name)}</a></li>`,
    ).join('\n');
    return c.html(
      page(
        'Demosidor',
        `<div class="layout"><main><h1>Utförarkollen demosidor</h1><p>Sidor som liknar kommunernas och 1177:s, med de utförare API:et har. Varje sida säger om de är påhittade (demodata) eller verkliga.</p><ul>${links}\n${regions}</ul></main></div>`,
        'Varje sida säger vilka utförare den listar.',
      ),
    );
  });

  app.get('/demo/:kommun/:service', async (c) => {
    const kommun = KOMMUNER.find((k) => slugOf(k.shortName) === c.req.param('kommun'));
    const entry = Object.entries(SERVICES).find(([, s]) => s.slug === c.req.param('service'));
    if (!kommun || !entry) return c.notFound();
    const [service, labels] = entry as [keyof typeof SERVICES, (typeof SERVICES)[keyof typeof SERVICES]];
    const list = await options.getList(kommun.code, service);
    const units = list.items;
    const items = units
      .map((u) => `<li><a href="#${slugOf(u.name)}">${escapeHtml(u.name)}</a></li>`)
      .join('\n');
    const body = `<header class="site-header"><a href="/demo/">${escapeHtml(kommun.name)}</a>
<nav aria-label="Huvudmeny"><a href="/demo/${slugOf(kommun.shortName)}/hemtjanst">Hemtjänst</a> · <a href="/demo/${slugOf(kommun.shortName)}/sarskilt-boende">Särskilt boende</a></nav></header>
<div class="layout">
<nav class="breadcrumbs" aria-label="Du är här"><ol><li><a href="/demo/">Start</a></li><li>Stöd och omsorg</li><li>Äldre</li><li>${escapeHtml(labels.crumb)}</li></ol></nav>
<main id="content">
<h1>${escapeHtml(labels.heading)}</h1>
<p>Du som har beviljats ${service === 'hemtjanst' ? 'hemtjänst' : 'särskilt boende'} kan välja utförare. Avgiften är densamma oavsett vilken utförare du väljer.</p>
<h2>Utförare att välja mellan</h2>
${units.length ? `<ul class="providers">\n${items}\n</ul>` : `<p>${escapeHtml(listedUnitsText(list, kommun.name))}</p>`}
<h2>Kontakta en biståndshandläggare</h2>
<p>Ring kommunens kontaktcenter om du vill ansöka eller byta utförare.</p>
</main>
</div>
<footer class="site-footer"><p>${escapeHtml(kommun.name)} (demosida för Utförarkollen)</p></footer>`;
    return c.html(page(labels.heading, body, units.length ? listedUnitsText(list, kommun.name) : ''));
  });

  // A 1177-like search result page: the region's vårdcentraler as 1177 lists them, with the page state
  // 1177 ships (window.__PRELOADED_STATE__, never executed by the extension), so its 1177 adapter
  // recognises them as it does on www.1177.se.
  app.get('/demo/1177/:region/hitta-vard/kategori/vardcentral/', async (c) => {
    const region = REGIONS.find((r) => r.slug === c.req.param('region'));
    if (!region) return c.notFound();
    const list = await options.getList(region.code, 'vardcentral');
    const hits = list.items.map((u) => ({
      Heading: u.name,
      Address: u.contact?.address ?? '',
      County: region.county,
      Url: `/demo/1177/${region.slug}/hitta-vard/kontaktkort/${slugOf(u.name)}/`,
      ...(u.hsaId ? { HsaId: u.hsaId } : {}),
    }));
    const state = { SearchResult: { TotalHits: hits.length, Query: 'vårdcentral', SearchHits: hits } };
    const items = hits
      .map(
        (h) =>
          `<li class="search-result-item"><h2><a href="${escapeHtml(h.Url)}">${escapeHtml(h.Heading)}</a></h2><p>${escapeHtml(h.Address)}</p></li>`,
      )
      .join('\n');
    const body = `<header class="site-header"><a href="/demo/">1177 (demo)</a> <nav aria-label="Huvudmeny"><a href="/demo/">Hitta vård</a></nav></header>
<div class="layout"><main id="main-content">
<h1>Hitta vård: Vårdcentral</h1>
<p>${hits.length} träffar i ${escapeHtml(region.name)}</p>
${hits.length ? `<ol class="search-result">\n${items}\n</ol>` : `<p>${escapeHtml(listedUnitsText(list, region.name))}</p>`}
</main></div>
<footer class="site-footer"><p>1177-lik demosida för Utförarkollen</p></footer>
<script>window.__PRELOADED_STATE__ = ${JSON.stringify(state).replace(/</g, '\\u003c')};</script>`;
    return c.html(page('Vårdcentraler', body, hits.length ? listedUnitsText(list, region.name) : ''));
  });

  return app;
}
