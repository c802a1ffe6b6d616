/** A self-contained, readable API reference rendered from the OpenAPI document (no CDN, no script). */

type Json = Record<string, unknown>;

import { escapeHtml } from './html';

function schemaSummary(schema: Json | undefined): string {
  if (!schema) return '';
  if (schema.enum) return (schema.enum as unknown[]).join(' | ');
  if (schema.pattern) return `${schema.type ?? ''} (${schema.pattern})`;
  return String(schema.type ?? '');
}

export function renderApiReference(doc: Json): string {
  const info = (doc.info ?? {}) as Json;
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Json>>;
  const sections = Object.entries(paths)
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => {
        const params = ((op.parameters ?? []) as Json[])
          .map(
            (p) =>
              `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${escapeHtml(p.in)}${p.required ? ', required' : ''}</td>` +
              `<td>${escapeHtml(schemaSummary(p.schema as Json))}</td><td>${escapeHtml((p.schema as Json)?.description ?? p.description)}</td></tr>`,
          )
          .join('');
        const responses = Object.entries((op.responses ?? {}) as Record<string, Json>)
          .map(([status, r]) => `<li><code>${escapeHtml(status)}</code> ${escapeHtml(r.description)}</li>`)
          .join('');
        return (
          `<section><h2><span class="m">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code></h2>` +
          `<p>${escapeHtml(op.summary)}</p>${op.description ? `<p>${escapeHtml(op.description)}</p>` : ''}` +
          (params
            ? `<table><thead><tr><th>Parameter</th><th>In</th><th>Values</th><th>About</th></tr></thead><tbody>${params}</tbody></table>`
            : '') +
          `<ul>${responses}</ul></section>`
        );
      }),
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(info.title)} – API reference</title>
<style>
body{font:17px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.8rem}h2{font-size:1.15rem;margin:2rem 0 .3rem}code{font-size:.95em}
.m{display:inline-block;min-width:3.5rem;font-weight:700}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}
section{border-top:1px solid #ddd}
</style></head><body>
<h1>${escapeHtml(info.title)} ${escapeHtml(info.version)}</h1>
<p>${escapeHtml(info.description)}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>
${sections}
</body></html>`;
}
