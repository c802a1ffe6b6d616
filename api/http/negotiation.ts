/**
 * Content negotiation and conditional requests, for the cached GETs: which encoding a client accepts
 * (RFC 9110 §12.5.3) and whether its If-None-Match names what it would get (§13.1.2).
 */

const acceptsGzipCache = new Map<string, boolean>();
const CACHE_LIMIT = 256;

/**
 * Whether Accept-Encoding allows gzip: gzip (or its alias x-gzip) with a q-value above 0, or, when gzip
 * is not named, `*` with a q-value above 0. Codings are case-insensitive; a missing q is 1. The answer
 * for each distinct header value is kept (browsers send a handful of them).
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let known = acceptsGzipCache.get(header);
  if (known === undefined) {
    known = parseAcceptsGzip(header);
    if (acceptsGzipCache.size >= CACHE_LIMIT) acceptsGzipCache.clear();
    acceptsGzipCache.set(header, known);
  }
  return known;
}

function parseAcceptsGzip(header: string): boolean {
  let gzip: number | undefined;
  let any: number | undefined;
  for (const part of header.split(',')) {
    const [coding = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const qParam = params.find((p) => /^q\s*=/.test(p));
    const q = qParam === undefined ? 1 : Number(qParam.replace(/^q\s*=\s*/, ''));
    const weight = Number.isFinite(q) ? q : 0;
    if (coding === 'gzip' || coding === 'x-gzip') gzip = Math.max(gzip ?? 0, weight);
    else if (coding === '*') any = weight;
  }
  return (gzip ?? any ?? 0) > 0;
}

/** The opaque part of an entity tag, without W/: If-None-Match compares weakly. */
function opaque(tag: string): string {
  const trimmed = tag.trim();
  return trimmed.startsWith('W/') ? trimmed.slice(2) : trimmed;
}

/** Whether If-None-Match names the current ETag (weak comparison, any of a list), or is `*`. */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const current = opaque(etag);
  return header.split(',').some((tag) => opaque(tag) === current);
}
