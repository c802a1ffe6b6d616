import { Hono } from 'hono';
import { escapeHtml } from '../http/html';

const LINKS = [
  ['/docs', 'API-referens / API reference', 'alla anrop med parametrar, svar och exempel'],
  ['/openapi.json', 'OpenAPI 3.1', 'samma referens, maskinläsbar'],
  [
    '/demo/',
    'Demosidor / Demo pages',
    'kommunliknande sidor med påhittade utförare, för att se webbläsartillägget arbeta',
  ],
  ['/health', 'Driftstatus / Health', '{ "status": "ok" } när API:t är uppe'],
] as const;

const PAGE = `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Utförarkollen API</title>
<style>body{font:18px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}a{color:#00427a}li{margin:.4rem 0}</style>
</head><body>
<h1>Utförarkollen API</h1>
<p>Sakliga, daterade och källhänvisade uppgifter om alla godkända utförare av hemtjänst, särskilt boende och
vårdcentraler i valfrihetssystemen, egen regi inräknad. <span lang="en">Neutral, dated, sourced facts about every
approved provider in Swedish freedom-of-choice systems.</span></p>
<ul>
${LINKS.map(([href, label, about]) => `<li><a href="${href}">${escapeHtml(label)}</a>: ${escapeHtml(about)}</li>`).join('\n')}
</ul>
</body></html>`;

/** GET /: a small page pointing a newcomer at the reference, the demo pages and the health check. */
export function homeRoutes() {
  return new Hono().get('/', (c) => c.html(PAGE));
}
