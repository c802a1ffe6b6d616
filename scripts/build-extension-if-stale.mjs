#!/usr/bin/env node
/**
 * Builds the Chrome extension (.output/chrome-mv3) for the given API when it is missing, older than
 * its sources (extension/, shared/), or was built for another API. `npm start` runs it, so the demo
 * link it prints works with the extension it names; when the build is current it costs a few
 * milliseconds. Usage: node scripts/build-extension-if-stale.mjs http://127.0.0.1:8787
 * Plain JavaScript with no dependencies.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
export const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');
const STAMP = join(EXTENSION_DIR, '.built-for-api');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Why the build must be made again, or null when it is current for this API. `where` is for tests:
 * the build folder and the source folders (default: .output/chrome-mv3, extension/ and shared/).
 */
export function staleReason(apiUrl, where = {}) {
  const dir = where.extensionDir ?? EXTENSION_DIR;
  const stamp = join(dir, '.built-for-api');
  if (!existsSync(join(dir, 'manifest.json')) || !existsSync(stamp)) return 'not built yet';
  const builtFor = readFileSync(stamp, 'utf8').trim();
  if (builtFor !== apiUrl) return `built for another API (${builtFor})`;
  const sourceDirs = where.sources ?? [join(ROOT, 'extension'), join(ROOT, 'shared')];
  const newest = Math.max(...sourceDirs.map(newestSource));
  return newest > statSync(stamp).mtimeMs ? 'its sources changed' : null;
}

/** Builds when stale; returns { built, reason, ok }. */
export function buildExtensionIfStale(apiUrl, log = console.log) {
  const reason = staleReason(apiUrl);
  if (!reason) return { built: false, ok: true, reason: null };
  log(`[extension] building .output/chrome-mv3 for ${apiUrl} (${reason})…`);
  const result = spawnSync('npx', ['wxt', 'build', 'extension'], {
    cwd: ROOT,
    env: { ...process.env, WXT_API_URL: apiUrl },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    log(`[extension] the build failed:\n${result.stdout}\n${result.stderr}`);
    return { built: false, ok: false, reason };
  }
  writeFileSync(STAMP, `${apiUrl}\n`);
  return { built: true, ok: true, reason };
}

// Run as a script, not when imported (bundled into the API server, import.meta.filename is the bundle's).
if (
  process.argv[1] &&
  import.meta.filename.endsWith('build-extension-if-stale.mjs') &&
  resolve(process.argv[1]) === resolve(import.meta.filename)
) {
  const apiUrl = process.argv[2] ?? process.env.WXT_API_URL ?? 'http://localhost:8787';
  const { ok } = buildExtensionIfStale(apiUrl);
  console.log(ok ? `[extension] ${EXTENSION_DIR} is current for ${apiUrl}` : '[extension] not built');
  process.exit(ok ? 0 : 1);
}
