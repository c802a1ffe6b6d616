import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Context, MiddlewareHandler, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import type { Database } from '../db/client';
import { readDataVersion } from '../db/data-version';
import { acceptsGzip, noneMatch } from './negotiation';
import { PUBLIC_READ_HEADERS, prepared } from './response-headers';

/**
 * Browsers keep a list 5 minutes; a shared cache (CDN) 1 minute, then revalidates (a 304 costs the
 * origin almost nothing). Both may serve a stale copy for a day while they revalidate, or while the
 * origin is unreachable. See docs/deployment.md, "A CDN in front".
 */
export const CACHE_CONTROL =
  'public, max-age=300, s-maxage=60, stale-while-revalidate=86400, stale-if-error=86400';

type Headers = Record<string, string>;

interface Entry {
  etag: string;
  /**
   * The UTF-8 JSON compressed (once, not per request) when it is worth compressing, else the JSON
   * itself. Only the compressed bytes are kept: a national dataset's lists are half a megabyte each
   * as JSON and a fiftieth of that compressed, and nearly every client accepts gzip.
   */
  bytes: Uint8Array<ArrayBuffer>;
  compressed: boolean;
  /** Every header of each answer, complete, made once with the entry. */
  headers: { identity: Headers; gzip: Headers | null; notModified: Headers };
}

const COMPRESS_FROM_BYTES = 1024;

/** Bytes of uncompressed bodies kept for clients that do not accept gzip: the most recently asked for. */
const PLAIN_BYTES = 16 * 1024 * 1024;

function entryOf(value: unknown): Entry {
  const body = new Uint8Array(Buffer.from(JSON.stringify(value)));
  const hash = createHash('sha1').update(body).digest('base64url').slice(0, 16);
  const etag = `W/"${hash}"`;
  const compressed = body.byteLength >= COMPRESS_FROM_BYTES;
  const common = {
    ...PUBLIC_READ_HEADERS,
    ETag: etag,
    'Cache-Control': CACHE_CONTROL,
    Vary: 'Accept-Encoding',
  };
  const identity = { ...common, 'Content-Type': 'application/json; charset=utf-8' };
  return {
    etag,
    bytes: compressed ? new Uint8Array(gzipSync(body, { level: 6 })) : body,
    compressed,
    headers: {
      identity,
      gzip: compressed ? { ...identity, 'Content-Encoding': 'gzip' } : null,
      notModified: common,
    },
  };
}

/**
 * The uncompressed bodies of compressed entries, decompressed when a client that does not accept
 * gzip asks, and kept up to a total size, the least recently asked for going first.
 */
function createPlainBodies(maxBytes: number, stats: ResponseCacheStats) {
  const bodies = new Map<Entry, Uint8Array<ArrayBuffer>>();
  let bytes = 0;
  const held = (n: number) => {
    bytes = n;
    stats.plainBytes = n;
  };
  return {
    of(entry: Entry): Uint8Array<ArrayBuffer> {
      let body = bodies.get(entry);
      if (body) bodies.delete(entry);
      else {
        body = new Uint8Array(gunzipSync(entry.bytes));
        held(bytes + body.byteLength);
      }
      bodies.set(entry, body);
      for (const [oldest, old] of bodies) {
        if (bytes <= maxBytes || oldest === entry) break;
        bodies.delete(oldest);
        held(bytes - old.byteLength);
      }
      return body;
    },
    clear(): void {
      bodies.clear();
      held(0);
    },
  };
}

type PlainBodies = ReturnType<typeof createPlainBodies>;

/** The answer to one request from an entry: 304, gzip or identity, with its prepared headers. */
function answer(c: Context, entry: Entry, plain: PlainBodies): Response {
  if (noneMatch(c.req.header('If-None-Match'), entry.etag))
    return prepared(null, 304, entry.headers.notModified);
  if (!entry.compressed) return prepared(entry.bytes, 200, entry.headers.identity);
  if (acceptsGzip(c.req.header('Accept-Encoding'))) return prepared(entry.bytes, 200, entry.headers.gzip!);
  return prepared(plain.of(entry), 200, entry.headers.identity);
}

/** A cached 200: the body as the route's schema declares it (the client gets exactly these bytes). */
export type CachedJson<T> = Response & TypedResponse<JSONParsed<T>, 200, 'json'>;

export interface ResponseCacheOptions {
  /** How often to look for changes made by other processes (imports, syncs). 0 = on every request. */
  pollMs?: number;
  maxEntries?: number;
  /** How many bytes of uncompressed bodies to keep for clients that do not accept gzip. */
  plainBytes?: number;
  /** Today's date: part of what a request target maps to (a unit's `stale` depends on it). */
  today?: () => string;
}

/** How the cache has answered, for tests and benchmarks: a deterministic count, no timing. */
export interface ResponseCacheStats {
  /** Answered by fastPath(), before routing. */
  fast: number;
  /** Answered by serve() from memory, after routing and validation. */
  served: number;
  /** Bodies built (database read, serialised, compressed). */
  built: number;
  /** Bytes of uncompressed bodies held for clients that do not accept gzip. */
  plainBytes: number;
}

/**
 * The data changes at import and sync, not per request. Each data GET is built once, serialised
 * once and served from memory until the database's data version moves on. The ETag is a hash of
 * the body, so it is the same on every instance and changes exactly when the data does. Checking
 * the version costs one tiny query per poll interval, shared by all requests in flight.
 *
 * Once a request target (path and query, as sent) has been answered from an entry, `fastPath()`
 * answers the same target again before routing: validation gave the same result for the same
 * target, and the entry's headers are complete, so nothing else needs to run. It does so only
 * while the last version check is fresh; otherwise the request takes the ordinary way.
 */
export function createResponseCache(db: Database, options: ResponseCacheOptions = {}) {
  const pollMs = options.pollMs ?? 0;
  const maxEntries = options.maxEntries ?? 5000;
  const today = options.today ?? (() => '');
  const entries = new Map<string, Entry>();
  /** Request target + today -> entry key, for the fast path; bounded like the entries. */
  const targets = new Map<string, string>();
  const values = new Map<string, Promise<unknown>>();
  const building = new Map<string, Promise<Entry | Response>>();
  const stats: ResponseCacheStats = { fast: 0, served: 0, built: 0, plainBytes: 0 };
  const plain = createPlainBodies(options.plainBytes ?? PLAIN_BYTES, stats);
  let version = -1;
  let checkedAt = -Infinity;
  let checking: Promise<void> | null = null;

  const fresh = () => pollMs > 0 && performance.now() - checkedAt < pollMs;

  function clear() {
    entries.clear();
    targets.clear();
    values.clear();
    plain.clear();
  }

  async function refresh(): Promise<void> {
    if (fresh()) return;
    checking ??= readDataVersion(db)
      .then((current) => {
        checkedAt = performance.now();
        if (current !== version) {
          clear();
          version = current;
        }
      })
      .finally(() => {
        checking = null;
      });
    await checking;
  }

  /** The target as the client sent it (path and query), whatever host it named. */
  function targetOf(c: Context): string {
    const url = c.req.url;
    return `${url.slice(url.indexOf('/', url.indexOf('//') + 2))}\n${today()}`;
  }

  return {
    stats: stats as Readonly<ResponseCacheStats>,
    /**
     * Answers a GET whose target was answered from memory before, if its entry is current; else
     * passes it on. Mount after everything that must see every request (rate limits, request limits).
     */
    fastPath(): MiddlewareHandler {
      return (c, next) => {
        if (c.req.method !== 'GET' || !fresh()) return next();
        const key = targets.get(targetOf(c));
        const entry = key === undefined ? undefined : entries.get(key);
        if (!entry) return next();
        stats.fast++;
        return Promise.resolve(answer(c, entry, plain));
      };
    },
    /**
     * Answers from memory, with 304 when the client's ETag matches. `build` returns the body, or
     * an error Response (e.g. a 404) that is passed through uncached. The body's type is the 200's
     * type; a 304 is typed as the 200 it revalidates (it has no body: the client keeps its copy).
     */
    async serve<R>(
      c: Context,
      key: string,
      build: () => Promise<R>,
    ): Promise<CachedJson<Exclude<R, Response>> | Extract<R, Response>> {
      type Body = Exclude<R, Response>;
      await refresh();
      let entry = entries.get(key);
      if (!entry) {
        // Concurrent first requests for the same key share one build.
        let pending = building.get(key);
        if (!pending) {
          const builtFor = version;
          pending = build().then((built) => {
            if (built instanceof Response) return built;
            stats.built++;
            const made = entryOf(built);
            if (version === builtFor) {
              if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
              entries.set(key, made);
            }
            return made;
          });
          building.set(key, pending);
          pending.finally(() => building.delete(key)).catch(() => {});
        }
        const result = await pending;
        if (result instanceof Response) return result.clone() as Extract<R, Response>;
        entry = result;
      }
      stats.served++;
      if (c.req.method === 'GET' && entries.get(key) === entry) {
        if (targets.size >= maxEntries * 2) targets.delete(targets.keys().next().value!);
        targets.set(targetOf(c), key);
      }
      return answer(c, entry, plain) as unknown as CachedJson<Body>;
    },
    /** Any value derived from the data (e.g. a matcher for one kommun), rebuilt when the data changes. */
    async value<T>(key: string, build: () => Promise<T>): Promise<T> {
      await refresh();
      let value = values.get(key) as Promise<T> | undefined;
      if (!value) {
        value = build();
        values.set(key, value);
        value.catch(() => values.delete(key));
      }
      return value;
    },
    /** For writes made in this process: the next request rebuilds. */
    invalidate(): void {
      checkedAt = -Infinity;
      clear();
    },
  };
}

export type ResponseCache = ReturnType<typeof createResponseCache>;
