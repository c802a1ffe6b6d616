import { serve } from '@hono/node-server';
import { createApp } from './app';
import type { Config } from './config';
import type { Database } from './db/client';

/** Serves the app on Node. The only place that binds a port. Resolves once listening. */
export function startServer(db: Database, config: Config) {
  const app = createApp({
    db,
    corsOrigins: config.CORS_ORIGINS,
    staleAfterDays: config.STALE_AFTER_DAYS,
    dataPollMs: config.DATA_POLL_MS,
    disabledAdapters: config.DISABLED_ADAPTERS,
  });
  return new Promise<{ url: string; close: () => Promise<void> }>((resolve) => {
    const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
      resolve({
        url: `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${info.port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
