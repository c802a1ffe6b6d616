/**
 * npm start: migrate, load reference data, load the demo dataset into an empty database, serve.
 */

// @ts-expect-error: a plain .mjs script without types (it runs before dependencies are installed too)
import { buildExtensionIfStale, EXTENSION_DIR } from '../../scripts/build-extension-if-stale.mjs';
import { readConfig } from '../config';
import { prepareDatabase, redact } from '../database';
import { startReplicaSync } from '../db/replica';
import { loadDemoDataset } from '../db/seed';
import { startServer } from '../server';
import { startServerSync } from '../sync/server-sync';

async function main() {
  const config = readConfig();
  const db = await prepareDatabase(config);
  // A replica instance serves the primary's data; it never seeds the primary with demo data.
  const replica = config.DATABASE_SYNC_URL
    ? startReplicaSync(db, { intervalSeconds: config.DATABASE_SYNC_INTERVAL })
    : undefined;
  const demoLoaded = replica ? false : await loadDemoDataset(db);
  const { url, close } = await startServer(db, config);
  const koladaSync = config.SYNC_INTERVAL
    ? await startServerSync(db, { intervalMs: config.SYNC_INTERVAL, koladaBaseUrl: config.KOLADA_BASE_URL })
    : undefined;

  // The extension the banner names is built for this very API (its host and port), so the demo link
  // works with it; skipped when current, or with UTFORARKOLLEN_SKIP_EXTENSION_BUILD=1.
  const extension = process.env.UTFORARKOLLEN_SKIP_EXTENSION_BUILD
    ? { ok: false, skipped: true }
    : buildExtensionIfStale(url);

  console.log(`
Utförarkollen API
  database   ${redact(config.DATABASE_URL)}${demoLoaded ? '  (empty: loaded the demo dataset – invented providers, synthetic figures)' : ''}${config.DATABASE_SYNC_URL ? `\n  replica of ${redact(config.DATABASE_SYNC_URL)}, pulled every ${config.DATABASE_SYNC_INTERVAL} s (writes go to the primary)` : ''}
  API        ${url}/v1/kommuner/0581/units?service=hemtjanst
  docs       ${url}/docs   (OpenAPI: ${url}/openapi.json)
  demo page  ${url}/demo/   (a kommun page listing the demo providers, to see the extension work)
  Kolada     ${config.SYNC_INTERVAL ? `synced every ${Math.round(config.SYNC_INTERVAL / 60_000)} min (Källa: Kolada)` : 'no periodic sync (SYNC_INTERVAL unset)'}
             npm run sync   brings in the real national baseline: every kommun's survey units and figures
                            (needs internet; a few minutes, about 240 requests to Kolada; replaces the demo)

The browser extension:
  ${extension.ok ? `built for this API: ${EXTENSION_DIR}` : `not built: WXT_API_URL=${url} npm run build:chrome`}
  Chrome/Chromium            chrome://extensions → Developer mode → Load unpacked → .output/chrome-mv3
                             then open ${url}/demo/
  Firefox                    WXT_API_URL=${url} npm run build:firefox, then about:debugging#/runtime/this-firefox
                             → Load Temporary Add-on → .output/firefox-mv3/manifest.json

Stop with Ctrl+C.`);

  const shutdown = async () => {
    replica?.stop();
    await koladaSync?.stop();
    await close();
    db.$client.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(startFailure(error));
  process.exit(1);
});

/** What failed, without the SQL of the first query that found out, and what to check. */
function startFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (!message.startsWith('Cannot prepare the database')) return message;
  const headline = message.replace(/:?\s*Failed query:[\s\S]*$/, ': it did not answer');
  return `${headline}\n  Is it running and reachable? Check DATABASE_URL (and DATABASE_AUTH_TOKEN for a libSQL server).`;
}
