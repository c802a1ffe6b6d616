import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { type Config, defaultConfig } from './config';
import type { Database } from './db/client';
import { EDITOR_UPLOAD_PREFIX } from './editor/paths';
import { editorRoutes } from './editor/routes';
import type { AppDeps } from './http/context';
import { databaseHealth, isDatabaseUnavailable } from './http/db-health';
import { renderApiReference } from './http/docs-page';
import { errorResponse } from './http/errors';
import { rateLimit } from './http/rate-limit';
import { requestLimits } from './http/request-limits';
import { createResponseCache } from './http/response-cache';
import { corsPreflight, responseHeaders } from './http/response-headers';
import { requestTimeout } from './http/timeout';
import { swedishToday } from './http/today';
import { loadUnitList } from './queries/units';
import { adminRoutes } from './routes/admin';
import { demoPageRoutes } from './routes/demo-page';
import { exportRoutes } from './routes/export';
import { extensionConfigRoutes } from './routes/extension-config';
import { feedbackRoutes } from './routes/feedback';
import { healthRoutes } from './routes/health';
import { historyRoutes } from './routes/history';
import { homeRoutes } from './routes/home';
import { huvudmanRoutes } from './routes/huvudman';
import { matchRoutes } from './routes/match';
import { referenceRoutes } from './routes/reference';
import { unitRoutes } from './routes/units';

/** The settings createApp reads; the parsed environment (api/config.ts) is one. */
export type AppConfig = Pick<
  Config,
  | 'STALE_AFTER_DAYS'
  | 'DATA_POLL_MS'
  | 'DISABLED_ADAPTERS'
  | 'RATE_LIMIT_PER_MINUTE'
  | 'FEEDBACK_PER_MINUTE'
  | 'REQUEST_TIMEOUT_MS'
  | 'TRUST_PROXY'
>;

export interface AppOptions {
  db: Database;
  /** The parsed environment; default: every default of api/config.ts. */
  config?: AppConfig;
  /** Today's date in Sweden (YYYY-MM-DD); injectable for tests. */
  today?: () => string;
}

/** The OpenAPI document's frame; the paths, schemas and security schemes come from the routes. */
const OPENAPI: Parameters<OpenAPIHono['getOpenAPI31Document']>[0] = {
  openapi: '3.1.0',
  info: {
    title: 'Utförarkollen API',
    version: '1',
    description:
      'Neutral, dated, sourced facts about every provider in Swedish freedom-of-choice systems (LOV): ' +
      'hemtjänst, särskilt boende and vårdcentraler. Figures: Källa: Kolada (processed by Utförarkollen). ' +
      'Responses whose dataset.kind is "demo" hold invented providers and synthetic figures.',
  },
  servers: [{ url: '/', description: 'This server' }],
  tags: [
    { name: 'Kommuner', description: "The 290 kommuner and their choice systems' comparable lists" },
    { name: 'Regioner', description: "The 21 regions and their vårdcentraler's comparable lists" },
    { name: 'Utförare', description: 'One unit, its change history, and reports about it' },
    { name: 'Matchning', description: 'Which unit a listing text on a public page names' },
    { name: 'Referens', description: 'What each figure means, and where it comes from' },
    { name: 'Tillägget', description: 'What the browser extension reads besides the data' },
    { name: 'Drift', description: 'Operations' },
    { name: 'Redaktörer', description: "For a kommun's or region's editors, with their token" },
  ],
};

/** Register and figures uploads have their own, larger body limit, and run to the end: the editor must learn the outcome. */
const REGISTER_UPLOADS = ['/v1/admin/registers/', '/v1/admin/figures/', EDITOR_UPLOAD_PREFIX];

export function createApp({ db, config = defaultConfig(), today = swedishToday() }: AppOptions) {
  const deps: AppDeps = {
    db,
    cache: createResponseCache(db, { pollMs: config.DATA_POLL_MS, today }),
    staleAfterDays: config.STALE_AFTER_DAYS,
    today,
  };

  const app = new OpenAPIHono();
  // Around every request, in this order. Each is cheap; a cached GET stops at the cache's fast path.
  app.use(responseHeaders());
  app.use(corsPreflight());
  app.use('/v1/*', rateLimit({ limit: config.RATE_LIMIT_PER_MINUTE, trustProxy: config.TRUST_PROXY }));
  app.use(requestLimits({ ownBodyLimit: REGISTER_UPLOADS }));
  app.use('/v1/*', deps.cache.fastPath());
  app.use(requestTimeout({ ms: config.REQUEST_TIMEOUT_MS, exceptPaths: REGISTER_UPLOADS }));
  const dbHealth = databaseHealth({ probe: () => deps.db.$client.execute('SELECT 1') });
  app.use('/v1/*', dbHealth);
  app.use('/demo/*', dbHealth);
  app.use('/editor/*', dbHealth);

  // One sub-app per resource, at its prefix.
  app.route('/', homeRoutes());
  app.route('/', healthRoutes());
  app.route('/v1/kommuner', huvudmanRoutes(deps, 'kommun'));
  app.route('/v1/kommuner', exportRoutes(deps, 'kommun'));
  app.route('/v1/regioner', huvudmanRoutes(deps, 'region'));
  app.route('/v1/regioner', exportRoutes(deps, 'region'));
  app.route('/v1/units', unitRoutes(deps));
  app.route('/v1/units', historyRoutes(deps));
  app.route('/v1', referenceRoutes(deps));
  app.route('/v1/match', matchRoutes(deps));
  app.route(
    '/v1/feedback',
    feedbackRoutes(deps, { perMinute: config.FEEDBACK_PER_MINUTE, trustProxy: config.TRUST_PROXY }),
  );
  app.route('/v1/admin', adminRoutes(deps));
  app.route(
    '/editor',
    editorRoutes(deps, { trustProxy: config.TRUST_PROXY, requestsPerMinute: config.RATE_LIMIT_PER_MINUTE }),
  );
  // These two carry their full paths: the end-to-end harness mounts them on its own server too.
  app.route('/', extensionConfigRoutes(config.DISABLED_ADAPTERS));
  app.route(
    '/',
    demoPageRoutes({
      getList: (code, service) =>
        loadUnitList(deps.db, code, service, { staleAfterDays: deps.staleAfterDays, today: deps.today() }),
    }),
  );

  app.doc31('/openapi.json', OPENAPI);
  const reference = (c: Context) => c.html(renderApiReference(app.getOpenAPI31Document(OPENAPI)));
  app.get('/docs', reference);
  app.get('/docs/', reference);

  app.notFound((c) => errorResponse(c, 404, 'not_found', `No such route: ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status < 500) {
      // Hono's own 4xx, e.g. a body that is not JSON: keep the status, use our error shape.
      const code = error.status === 413 ? 'payload_too_large' : 'bad_request';
      return errorResponse(c, error.status, code, `body: ${error.message || 'malformed request'}`);
    }
    if (isDatabaseUnavailable(error)) {
      // databaseHealth logs it once and answers the next requests quickly; no stack per request.
      c.header('Retry-After', '5');
      return errorResponse(c, 503, 'unavailable', 'The database is unavailable; try again shortly');
    }
    console.error(`[api] ${c.req.method} ${c.req.path}:`, error);
    return errorResponse(c, 500, 'internal', 'Something went wrong on our side; the error has been logged.');
  });
  return Object.assign(app, { cache: deps.cache });
}

export type App = ReturnType<typeof createApp>;
