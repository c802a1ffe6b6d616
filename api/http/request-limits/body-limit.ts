import type { Context, MiddlewareHandler } from 'hono';
import { errorResponse } from '../errors';

export interface BodyLimitOptions {
  /** Largest body a handler gets to see. Larger: 413, before a byte of it is parsed. */
  maxBytes: number;
  /**
   * How much of an oversize body is read (and thrown away) before answering, so that a client still
   * sending it can read the 413 and keep its connection. Beyond it the 413 says `Connection: close`.
   */
  drainBytes?: number;
  /** The 413's message; default "body: at most <maxBytes> bytes". */
  message?: string;
}

/** 8 MiB: more than any route accepts, little to read on any link, bounded per request. */
export const DRAIN_BYTES = 8 * 1024 * 1024;

const BODILESS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Caps a request body, whether its length is declared (Content-Length) or not (chunked), and answers an
 * oversize one so that every client can read the answer: HTTP clients send the whole body before they
 * read a response, and a server that answers early and then closes makes many of them (Node's fetch,
 * undici) see a reset connection instead of the 413. So an oversize body is read to its end and
 * discarded, up to `drainBytes`, and then answered on a connection that stays open; a body beyond
 * that is answered at once with `Connection: close`.
 * @example app.use('/upload/*', bodyLimit({ maxBytes: 5 * 1024 * 1024 }))
 */
export function bodyLimit(options: BodyLimitOptions): MiddlewareHandler {
  const {
    maxBytes,
    drainBytes = Math.max(DRAIN_BYTES, maxBytes),
    message = `body: at most ${maxBytes} bytes`,
  } = options;
  const tooLarge = (c: Context, close: boolean) => {
    if (close) c.header('Connection', 'close');
    return errorResponse(c, 413, 'payload_too_large', message);
  };
  return async (c, next) => {
    if (BODILESS.has(c.req.method)) return next();
    const declared = c.req.header('content-length');
    if (declared !== undefined && /^\d+$/.test(declared) && c.req.header('transfer-encoding') === undefined) {
      // Node's parser holds the body to exactly this length.
      const length = Number(declared);
      if (length <= maxBytes) return next();
      if (length > drainBytes) return tooLarge(c, true);
      return tooLarge(c, !(await discard(c.req.raw.body?.getReader(), drainBytes)));
    }
    const body = c.req.raw.body;
    if (!body) return next();
    // No length given: read at most maxBytes, then give the handler what was read.
    const reader = body.getReader();
    const parts: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) return tooLarge(c, !(await discard(reader, drainBytes - total)));
      parts.push(value);
    }
    c.req.raw = new Request(c.req.raw, { body: concat(parts, total) });
    return next();
  };
}

/** Reads and drops the rest of a body; true when it ended within `budget` bytes (then the connection can stay). */
async function discard(reader: ReadableStreamDefaultReader<Uint8Array> | undefined, budget: number) {
  if (!reader) return true;
  let left = budget;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return true;
    left -= value.byteLength;
    if (left < 0) {
      await reader.cancel().catch(() => {});
      return false;
    }
  }
}

function concat(parts: readonly Uint8Array[], total: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}
