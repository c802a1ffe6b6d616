import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';

/** Building and launching the extension in Chromium; shared by the e2e suite and bench/overlay.ts. */

export const ROOT = join(import.meta.dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Builds the Chrome extension against the given API into a temporary folder. */
export async function buildExtension(apiUrl: string): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'uk-e2e-ext-'));
  await promisify(execFile)(join(ROOT, 'node_modules/.bin/wxt'), ['build', 'extension'], {
    cwd: ROOT,
    env: { ...process.env, WXT_API_URL: apiUrl, UTFORARKOLLEN_EXTENSION_OUT_DIR: outDir },
  });
  return join(outDir, 'chrome-mv3');
}

/** One headless Chromium with the unpacked extension; kommun and 1177 hosts resolve to loopback. */
export async function launchChromium(extensionDir: string): Promise<{
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}> {
  const profile = mkdtempSync(join(tmpdir(), 'uk-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1100, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--host-resolver-rules=MAP www.norrkoping.se 127.0.0.1, MAP www.1177.se 127.0.0.1, MAP www.linkoping.se 127.0.0.1',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
