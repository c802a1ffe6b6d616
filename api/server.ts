import { serve } from '@hono/node-server';
import { createApp } from './app';
import type { Config } from './config';
import type { Database } from './db/client';

/**
 * Node's own caps, below the app: request headers (431 beyond), and slow clients. Node enforces
 * headersTimeout and requestTimeout only when it checks its connections, every
 * connectionsCheckingInterval (30 s by default): with the default, a request meant to be cut at 60 s ran
 * for up to 90 s (about 92 s was measured). Checking every second makes the bound 60-61 s.
 * Both clocks start when a request's first bytes arrive; an idle keep-alive connection is closed after
 * keepAliveTimeout (Node's default, 5 s).
 */
export const SERVER_LIMITS = {
  maxHeaderSize: 16 * 1024,
  /** Request line and headers within 10 s. */
  headersTimeout: 10_000,
  /** The whole request, body included, within 60 s. */
  requestTimeout: 60_000,
  connectionsCheckingInterval: 1_000,
};

export type ServerLimits = typeof SERVER_LIMITS;

/**
 * Serves the app on Node. The only place that binds a port. Resolves once listening. Tests may pass
 * tighter limits to see them enforced without waiting a minute.
 */
export function startServer(db: Database, config: Config, limits: ServerLimits = SERVER_LIMITS) {
  const app = createApp({ db, config });
  return new Promise<{ url: string; close: () => Promise<void> }>((resolve) => {
    const server = serve(
      { fetch: app.fetch, port: config.PORT, hostname: config.HOST, serverOptions: limits },
      (info) => {
        resolve({
          url: `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${info.port}`,
          close: () => drain(server, config.SHUTDOWN_GRACE_MS),
        });
      },
    );
  });
}

type NodeServer = ReturnType<typeof serve> & {
  closeIdleConnections?: () => void;
  closeAllConnections?: () => void;
};

/**
 * Stops accepting connections and lets in-flight requests finish: idle keep-alive connections are
 * closed as they become idle; after `graceMs` the rest are cut so shutdown cannot hang.
 */
function drain(server: NodeServer, graceMs: number): Promise<void> {
  return new Promise((done) => {
    const idle = setInterval(() => server.closeIdleConnections?.(), 100);
    const deadline = setTimeout(() => server.closeAllConnections?.(), graceMs);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(deadline);
      done();
    });
    server.closeIdleConnections?.();
  });
}
