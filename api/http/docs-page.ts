/**
 * A self-contained, readable API reference rendered from the OpenAPI document: grouped (public,
 * editors), each operation with its parameters, request body, responses, the shape of every body and
 * an example, the named schemas, and how editors authenticate. No script, no CDN: the page's CSP
 * allows inline <style> only.
 */
import { escapeHtml } from './html';

type Json = Record<string, unknown>;
type Schema = Json & {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  additionalProperties?: Schema | boolean;
};

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;
/** Tags shown under "For editors"; every other tag is public. */
const EDITOR_TAGS = new Set(['Redaktörer']);

const refName = (ref: string) => ref.split('/').pop() ?? ref;
const anchor = (kind: string, name: string) => `${kind}-${name.replace(/[^A-Za-z0-9_-]+/g, '-')}`;

/** A short type label: `string`, `integer`, `Unit`, `Unit[]`, `"a" | "b"`, `string | null`. */
function typeLabel(schema: Schema | undefined): string {
  if (!schema) return '';
  if (schema.$ref) {
    const name = refName(schema.$ref);
    return `<a href="#${anchor('schema', name)}">${escapeHtml(name)}</a>`;
  }
  if (schema.enum) return schema.enum.map((v) => `<code>${escapeHtml(JSON.stringify(v))}</code>`).join(' | ');
  if (schema.const !== undefined) return `<code>${escapeHtml(JSON.stringify(schema.const))}</code>`;
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map(typeLabel).join(' | ');
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  return (
    types.map((t) => (t === 'array' ? `${typeLabel(schema.items) || 'any'}[]` : escapeHtml(t))).join(' | ') ||
    'any'
  );
}

/** Constraints worth a reader's eye: pattern, lengths, ranges. */
function constraints(schema: Schema): string {
  const parts: string[] = [];
  if (schema.pattern) parts.push(`pattern <code>${escapeHtml(schema.pattern)}</code>`);
  if (schema.minLength !== undefined) parts.push(`min length ${escapeHtml(schema.minLength)}`);
  if (schema.maxLength !== undefined) parts.push(`max length ${escapeHtml(schema.maxLength)}`);
  if (schema.minItems !== undefined) parts.push(`at least ${escapeHtml(schema.minItems)}`);
  if (schema.maxItems !== undefined) parts.push(`at most ${escapeHtml(schema.maxItems)}`);
  if (schema.minimum !== undefined) parts.push(`≥ ${escapeHtml(schema.minimum)}`);
  if (schema.maximum !== undefined) parts.push(`≤ ${escapeHtml(schema.maximum)}`);
  if (schema.default !== undefined)
    parts.push(`default <code>${escapeHtml(JSON.stringify(schema.default))}</code>`);
  return parts.join(', ');
}

/** The properties of an object schema as a table, nested objects indented under their parent. */
function shapeTable(schema: Schema | undefined, schemas: Record<string, Schema>): string {
  const rows: string[] = [];
  const walk = (s: Schema | undefined, prefix: string, depth: number) => {
    const object = s?.$ref ? undefined : s;
    if (!object?.properties || depth > 4) return;
    for (const [name, raw] of Object.entries(object.properties)) {
      const required = object.required?.includes(name) ? '' : ' <span class="opt">optional</span>';
      const detail = [escapeHtml(raw.description ?? ''), constraints(raw)].filter(Boolean).join('; ');
      rows.push(
        `<tr><td><code>${escapeHtml(prefix + name)}</code>${required}</td><td>${typeLabel(raw)}</td><td>${detail}</td></tr>`,
      );
      const inner = raw.type === 'array' ? raw.items : raw;
      walk(inner, `${prefix}${name}${raw.type === 'array' ? '[].' : '.'}`, depth + 1);
    }
  };
  if (schema?.$ref) {
    return `<p>A <a href="#${anchor('schema', refName(schema.$ref))}">${escapeHtml(refName(schema.$ref))}</a>.</p>`;
  }
  if (schema?.type === 'array') {
    return `<p>An array of ${typeLabel(schema.items)}.</p>${schema.items?.properties ? shapeTable(schema.items, schemas) : ''}`;
  }
  walk(schema, '', 0);
  if (rows.length === 0) return schema ? `<p>${typeLabel(schema)}</p>` : '';
  return `<table><thead><tr><th>Field</th><th>Type</th><th>About</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/**
 * An example value: the schema's own example where it declares one, else one made from its type
 * (the first enum value, a placeholder string, 0, true, one array item).
 */
export function exampleOf(schema: Schema | undefined, schemas: Record<string, Schema>, depth = 0): unknown {
  if (!schema || depth > 8) return null;
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.$ref) return exampleOf(schemas[refName(schema.$ref)], schemas, depth + 1);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return exampleOf(variants.find((v) => v.type !== 'null') ?? variants[0], schemas, depth + 1);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const type = types.find((t) => t !== 'null') ?? types[0];
  switch (type) {
    case 'object': {
      const out: Json = {};
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        out[name] = exampleOf(property, schemas, depth + 1);
      }
      return out;
    }
    case 'array':
      return [exampleOf(schema.items, schemas, depth + 1)];
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return true;
    case 'string':
      return schema.format === 'uri' ? 'https://example.invalid/' : 'string';
    default:
      return null;
  }
}

const exampleBlock = (value: unknown) =>
  `<details><summary>Example</summary><pre><code>${escapeHtml(typeof value === 'string' ? value : JSON.stringify(value, null, 2))}</code></pre></details>`;

function mediaSections(content: Record<string, Json> | undefined, schemas: Record<string, Schema>): string {
  return Object.entries(content ?? {})
    .map(([type, media]) => {
      const schema = media.schema as Schema | undefined;
      const example = media.example ?? exampleOf(schema, schemas);
      return `<p class="media"><code>${escapeHtml(type)}</code></p>${shapeTable(schema, schemas)}${exampleBlock(example)}`;
    })
    .join('');
}

interface Operation {
  method: string;
  path: string;
  op: Json;
}

function renderOperation({ method, path, op }: Operation, schemas: Record<string, Schema>): string {
  const id = anchor('op', `${method}-${path}`);
  const parameters = (op.parameters ?? []) as Json[];
  const params = parameters
    .map((p) => {
      const schema = (p.schema ?? {}) as Schema;
      const about = [escapeHtml(p.description ?? schema.description ?? ''), constraints(schema)]
        .filter(Boolean)
        .join('; ');
      const example =
        schema.example !== undefined ? `<code>${escapeHtml(String(schema.example))}</code>` : '';
      return (
        `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${escapeHtml(p.in)}${p.required ? ', required' : ''}</td>` +
        `<td>${typeLabel(schema)}</td><td>${about}</td><td>${example}</td></tr>`
      );
    })
    .join('');
  const body = op.requestBody as Json | undefined;
  const responses = Object.entries((op.responses ?? {}) as Record<string, Json>)
    .map(
      ([status, r]) =>
        `<details${status.startsWith('2') ? ' open' : ''}><summary><code>${escapeHtml(status)}</code> ${escapeHtml(r.description)}</summary>` +
        `${mediaSections(r.content as Record<string, Json> | undefined, schemas)}</details>`,
    )
    .join('');
  const security = (op.security as Json[] | undefined)?.length
    ? '<p class="auth">Requires an editor token: <code>Authorization: Bearer uk_…</code> (see <a href="#auth">Authentication</a>).</p>'
    : '';
  return (
    `<section class="op" id="${id}"><h3><span class="m">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code></h3>` +
    `<p>${escapeHtml(op.summary)}</p>${op.description ? `<p>${escapeHtml(op.description)}</p>` : ''}${security}` +
    (params
      ? `<h4>Parameters</h4><table><thead><tr><th>Name</th><th>In</th><th>Type</th><th>About</th><th>Example</th></tr></thead><tbody>${params}</tbody></table>`
      : '') +
    (body
      ? `<h4>Request body${body.required ? '' : ' (optional)'}</h4>${mediaSections(body.content as Record<string, Json>, schemas)}`
      : '') +
    `<h4>Responses</h4>${responses}</section>`
  );
}

export function renderApiReference(document: object): string {
  const doc = document as Json;
  const info = (doc.info ?? {}) as Json;
  const components = (doc.components ?? {}) as Json;
  const schemas = (components.schemas ?? {}) as Record<string, Schema>;
  const securitySchemes = (components.securitySchemes ?? {}) as Record<string, Json>;
  const tagInfo = new Map(
    ((doc.tags ?? []) as Json[]).map((t) => [String(t.name), String(t.description ?? '')]),
  );
  const operations: Operation[] = Object.entries((doc.paths ?? {}) as Record<string, Json>).flatMap(
    ([path, item]) =>
      METHODS.filter((m) => item[m]).map((method) => ({ method, path, op: item[method] as Json })),
  );
  const byTag = new Map<string, Operation[]>();
  for (const operation of operations) {
    const tag = String(((operation.op.tags as string[] | undefined) ?? ['Övrigt'])[0]);
    byTag.set(tag, [...(byTag.get(tag) ?? []), operation]);
  }
  const order = [...tagInfo.keys(), ...byTag.keys()].filter(
    (t, i, all) => all.indexOf(t) === i && byTag.has(t),
  );
  const group = (title: string, tags: string[]) =>
    tags.length === 0
      ? ''
      : `<h2 id="${anchor('group', title)}">${escapeHtml(title)}</h2>` +
        tags
          .map(
            (tag) =>
              `<h2 class="tag" id="${anchor('tag', tag)}">${escapeHtml(tag)}</h2>${tagInfo.get(tag) ? `<p>${escapeHtml(tagInfo.get(tag))}</p>` : ''}` +
              byTag
                .get(tag)!
                .map((o) => renderOperation(o, schemas))
                .join('\n'),
          )
          .join('\n');
  const publicTags = order.filter((t) => !EDITOR_TAGS.has(t));
  const editorTags = order.filter((t) => EDITOR_TAGS.has(t));
  const toc = (tags: string[]) =>
    tags
      .map(
        (tag) =>
          `<li><a href="#${anchor('tag', tag)}">${escapeHtml(tag)}</a><ul>${byTag
            .get(tag)!
            .map(
              (o) =>
                `<li><a href="#${anchor('op', `${o.method}-${o.path}`)}"><span class="m">${escapeHtml(o.method.toUpperCase())}</span> <code>${escapeHtml(o.path)}</code></a></li>`,
            )
            .join('')}</ul></li>`,
      )
      .join('');
  const auth = Object.entries(securitySchemes)
    .map(
      ([name, s]) =>
        `<p><code>${escapeHtml(name)}</code>: HTTP ${escapeHtml(s.scheme)} token. ${escapeHtml(s.description ?? '')}</p>`,
    )
    .join('');
  const schemaSections = Object.entries(schemas)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([name, schema]) =>
        `<section class="schema" id="${anchor('schema', name)}"><h3>${escapeHtml(name)}</h3>` +
        `${schema.description ? `<p>${escapeHtml(schema.description)}</p>` : ''}${shapeTable(schema, schemas)}${exampleBlock(exampleOf(schema, schemas))}</section>`,
    )
    .join('\n');
  const servers = ((doc.servers ?? []) as Json[]).map((s) => `<code>${escapeHtml(s.url)}</code>`).join(', ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(info.title)} – API reference</title>
<style>
body{font:17px/1.5 system-ui,sans-serif;max-width:64rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.8rem}h2{font-size:1.4rem;margin:2.5rem 0 .5rem;border-bottom:2px solid #1b1b1b}h2.tag{font-size:1.2rem;border-bottom:1px solid #999}
h3{font-size:1.1rem;margin:1.5rem 0 .3rem}h4{font-size:1rem;margin:1rem 0 .3rem}code{font-size:.95em}
.m{display:inline-block;min-width:3.5rem;font-weight:700}.opt{color:#555;font-size:.85em}.auth{background:#fff3c4;padding:.3rem .5rem}
table{border-collapse:collapse;width:100%;margin:.3rem 0}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}
pre{background:#f4f4f4;padding:.5rem;overflow-x:auto;max-height:30rem}details{margin:.3rem 0}summary{cursor:pointer}
section.op,section.schema{border-top:1px solid #ddd;padding-top:.3rem}nav ul{padding-left:1.2rem}a{color:#00427a}
</style></head><body>
<h1>${escapeHtml(info.title)} ${escapeHtml(info.version)}</h1>
<p>${escapeHtml(info.description)}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).${servers ? ` Base URL: ${servers}.` : ''}</p>
<h2 id="conventions">Conventions</h2>
<ul>
<li>Errors are <code>{ "error": { "code", "message" } }</code>, the message naming the field (<a href="#${anchor('schema', 'Error')}">Error</a>).</li>
<li>Data GETs carry an <code>ETag</code>; send it back as <code>If-None-Match</code> and an unchanged answer is <code>304</code> without a body. <code>Cache-Control</code> lets browsers keep a copy 5 minutes and shared caches 1 minute.</li>
<li>Public GETs may be read from any origin (<code>Access-Control-Allow-Origin: *</code>); the editors' routes allow no other origin.</li>
<li>Requests to <code>/v1</code> are rate-limited per client address (<code>429</code> with <code>Retry-After</code>); 304s are free.</li>
</ul>
<h2 id="auth">Authentication</h2>
<p>Public routes need none. The editors' routes need a token of the kommun's or region's editors, sent as <code>Authorization: Bearer uk_…</code>: missing or unknown answers <code>401</code>, another huvudman's <code>403</code>.</p>
${auth}
<nav aria-label="Contents"><h2 id="contents">Contents</h2>
<h3>Public</h3><ul>${toc(publicTags)}</ul>
${editorTags.length ? `<h3>For editors</h3><ul>${toc(editorTags)}</ul>` : ''}
<p><a href="#schemas">Schemas</a></p></nav>
${group('Public', publicTags)}
${group('For editors', editorTags)}
<h2 id="schemas">Schemas</h2>
${schemaSections}
</body></html>`;
}
