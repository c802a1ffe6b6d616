import { serve } from '@hono/node-server';
import { createApp } from './app';
import type { Config } from './config';
import type { Database } from './db/client';

/** Node's own caps, below the app: request headers (431 beyond), and slow clients. */
const SERVER_OPTIONS = {
  maxHeaderSize: 16 * 1024,
  headersTimeout: 10_000,
  requestTimeout: 60_000,
};

/** Serves the app on Node. The only place that binds a port. Resolves once listening. */
export function startServer(db: Database, config: Config) {
  const app = createApp({ db, config });
  return new Promise<{ url: string; close: () => Promise<void> }>((resolve) => {
    const server = serve(
      { fetch: app.fetch, port: config.PORT, hostname: config.HOST, serverOptions: SERVER_OPTIONS },
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
