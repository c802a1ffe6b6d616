import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { staleReason } from '../../scripts/build-extension-if-stale.mjs';

const dir = mkdtempSync(join(tmpdir(), 'uk-stale-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('npm start rebuilds the extension when it is missing, built for another API, or older than its sources', () => {
  const extensionDir = join(dir, 'chrome-mv3');
  const sources = join(dir, 'extension');
  mkdirSync(extensionDir, { recursive: true });
  mkdirSync(sources, { recursive: true });
  writeFileSync(join(sources, 'content.ts'), 'x');
  const where = { extensionDir, sources: [sources] };
  const api = 'http://127.0.0.1:8795';
  expect(staleReason(api, where)).toBe('not built yet');

  writeFileSync(join(extensionDir, 'manifest.json'), '{}');
  writeFileSync(join(extensionDir, '.built-for-api'), 'http://localhost:8787\n');
  expect(staleReason(api, where)).toBe('built for another API (http://localhost:8787)');

  writeFileSync(join(extensionDir, '.built-for-api'), `${api}\n`);
  const built = Date.now() / 1000;
  utimesSync(join(sources, 'content.ts'), built - 60, built - 60);
  utimesSync(join(extensionDir, '.built-for-api'), built, built);
  expect(staleReason(api, where)).toBeNull();

  utimesSync(join(sources, 'content.ts'), built + 60, built + 60);
  expect(staleReason(api, where)).toBe('its sources changed');
});
