import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import type { Database } from '../db/client';
import { readDataVersion } from '../db/data-version';
import { acceptsGzip, noneMatch } from './negotiation';

export const CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=86400';

interface Entry {
  etag: string;
  /** UTF-8 JSON, and its gzip (compressed once, not per request) when it is worth compressing. */
  body: Buffer;
  gzip: Buffer | null;
}

const COMPRESS_FROM_BYTES = 1024;

function entryOf(value: unknown): Entry {
  const body = Buffer.from(JSON.stringify(value));
  const hash = createHash('sha1').update(body).digest('base64url').slice(0, 16);
  return {
    etag: `W/"${hash}"`,
    body,
    gzip: body.byteLength >= COMPRESS_FROM_BYTES ? gzipSync(body, { level: 6 }) : null,
  };
}

/** A cached 200: the body as the route's schema declares it (the client gets exactly these bytes). */
export type CachedJson<T> = Response & TypedResponse<JSONParsed<T>, 200, 'json'>;

export interface ResponseCacheOptions {
  /** How often to look for changes made by other processes (imports, syncs). 0 = on every request. */
  pollMs?: number;
  maxEntries?: number;
}

/**
 * The data changes at import and sync, not per request. Each data GET is built once, serialised
 * once and served from memory until the database's data version moves on. The ETag is a hash of
 * the body, so it is the same on every instance and changes exactly when the data does. Checking
 * the version costs one tiny query per poll interval, shared by all requests in flight.
 */
export function createResponseCache(db: Database, options: ResponseCacheOptions = {}) {
  const pollMs = options.pollMs ?? 0;
  const maxEntries = options.maxEntries ?? 5000;
  const entries = new Map<string, Entry>();
  const values = new Map<string, Promise<unknown>>();
  const building = new Map<string, Promise<Entry | Response>>();
  let version = -1;
  let checkedAt = -Infinity;
  let checking: Promise<void> | null = null;

  async function refresh(): Promise<void> {
    if (performance.now() - checkedAt < pollMs) return;
    checking ??= readDataVersion(db)
      .then((current) => {
        checkedAt = performance.now();
        if (current !== version) {
          entries.clear();
          values.clear();
          version = current;
        }
      })
      .finally(() => {
        checking = null;
      });
    await checking;
  }

  return {
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
      const headers: Record<string, string> = {
        ETag: entry.etag,
        'Cache-Control': CACHE_CONTROL,
        Vary: 'Accept-Encoding',
      };
      if (noneMatch(c.req.header('If-None-Match'), entry.etag)) {
        return c.body(null, 304, headers) as unknown as CachedJson<Body>;
      }
      headers['Content-Type'] = 'application/json; charset=utf-8';
      if (entry.gzip && acceptsGzip(c.req.header('Accept-Encoding'))) {
        return c.body(entry.gzip as Uint8Array<ArrayBuffer>, 200, {
          ...headers,
          'Content-Encoding': 'gzip',
        }) as unknown as CachedJson<Body>;
      }
      return c.body(entry.body as Uint8Array<ArrayBuffer>, 200, headers) as unknown as CachedJson<Body>;
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
      entries.clear();
      values.clear();
    },
  };
}

export type ResponseCache = ReturnType<typeof createResponseCache>;
