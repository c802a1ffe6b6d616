import { Hono } from 'hono';
import { KOMMUNER } from '../../shared/reference';
import { escapeHtml } from '../http/html';

/** What the demo page needs of a unit. */
export interface DemoPageUnit {
  name: string;
}

export interface DemoPageOptions {
  /** The units of a kommun and service, e.g. from the demo dataset (default order: Swedish alphabetical). */
  getUnits(huvudman: string, service: 'hemtjanst' | 'sarskilt_boende'): Promise<readonly DemoPageUnit[]>;
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

function page(title: string, body: string): string {
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
<div class="demo-banner">Utförarkollen demosida: så här kan en kommuns sida se ut. Detta är inte en riktig kommunsida, och utförarna är påhittade.</div>
${body}
</body>
</html>`;
}

/**
 * GET /demo/ and GET /demo/{kommun}/{hemtjanst|sarskilt-boende}: a realistic kommun CMS page listing the
 * demo dataset's providers, clearly labelled as an Utförarkollen demo page, so a newcomer can see the
 * browser extension working offline (its content script runs on the API's own /demo/ pages).
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
    return c.html(
      page(
        'Demosidor',
        `<div class="layout"><main><h1>Utförarkollen demosidor</h1><p>Sidor som liknar kommunernas, med påhittade utförare.</p><ul>${links}</ul></main></div>`,
      ),
    );
  });

  app.get('/demo/:kommun/:service', async (c) => {
    const kommun = KOMMUNER.find((k) => slugOf(k.shortName) === c.req.param('kommun'));
    const entry = Object.entries(SERVICES).find(([, s]) => s.slug === c.req.param('service'));
    if (!kommun || !entry) return c.notFound();
    const [service, labels] = entry as [keyof typeof SERVICES, (typeof SERVICES)[keyof typeof SERVICES]];
    const units = await options.getUnits(kommun.code, service);
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
${units.length ? `<ul class="providers">\n${items}\n</ul>` : '<p>Det finns inga utförare i demodata för den här kommunen.</p>'}
<h2>Kontakta en biståndshandläggare</h2>
<p>Ring kommunens kontaktcenter om du vill ansöka eller byta utförare.</p>
</main>
</div>
<footer class="site-footer"><p>${escapeHtml(kommun.name)} (demosida för Utförarkollen)</p></footer>`;
    return c.html(page(labels.heading, body));
  });

  return app;
}
