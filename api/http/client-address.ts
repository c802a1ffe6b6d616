import type { Context } from 'hono';

/**
 * The address of the client, for rate limiting and logs. On Node it is the socket's peer; behind
 * a proxy set TRUST_PROXY so the first X-Forwarded-For hop is used instead.
 */
export function clientAddress(c: Context, trustProxy = false): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
