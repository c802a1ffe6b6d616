import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import puppeteer, { type Browser as FirefoxBrowser } from 'puppeteer-core';

/** Building and launching the extension in Chromium and Firefox; shared by the e2e suites and bench/overlay.ts. */

export const ROOT = join(import.meta.dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Builds the extension (Chrome MV3, or Firefox MV3) against the given API into a temporary folder. */
export async function buildExtension(
  apiUrl: string,
  target: 'chrome' | 'firefox' = 'chrome',
): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'uk-e2e-ext-'));
  const args =
    target === 'firefox' ? ['build', 'extension', '-b', 'firefox', '--mv3'] : ['build', 'extension'];
  await promisify(execFile)(join(ROOT, 'node_modules/.bin/wxt'), args, {
    cwd: ROOT,
    env: { ...process.env, WXT_API_URL: apiUrl, UTFORARKOLLEN_EXTENSION_OUT_DIR: outDir },
  });
  return join(outDir, `${target}-mv3`);
}

const LOOPBACK_HOSTS = ['www.norrkoping.se', 'www.1177.se', 'www.linkoping.se'];

/**
 * One headless Chromium with the unpacked extension; kommun and 1177 hosts (those three, or the given
 * ones) resolve to loopback.
 */
export async function launchChromium(
  extensionDir: string,
  options: { hosts?: readonly string[] } = {},
): Promise<{
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
      `--host-resolver-rules=${(options.hosts ?? LOOPBACK_HOSTS).map((h) => `MAP ${h} 127.0.0.1`).join(', ')}`,
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

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * One headless Firefox (Debian's ESR, driven over WebDriver BiDi) with the extension installed as a
 * temporary add-on. Kommun and 1177 hosts resolve to loopback (`network.dns.localDomains`), and the
 * add-on's moz-extension:// UUID is fixed so tests can open its pages.
 */
export async function launchFirefox(extensionDir: string): Promise<{
  browser: FirefoxBrowser;
  extensionBase: string;
  close(): Promise<void>;
}> {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: { width: 1100, height: 900 },
    extraPrefsFirefox: {
      'network.dns.localDomains': 'www.norrkoping.se,www.1177.se,www.linkoping.se',
      'dom.security.https_first': false,
      'extensions.webextensions.uuids': JSON.stringify({
        [manifest.browser_specific_settings.gecko.id]: uuid,
      }),
    },
  });
  await browser.installExtension(extensionDir);
  return { browser, extensionBase: `moz-extension://${uuid}`, close: () => browser.close() };
}

/** The text of the extension's popup (opened as a page in Chromium), once its data status is there. */
export async function chromiumPopupText(context: BrowserContext, extensionId: string): Promise<string> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.locator('#status').waitFor();
  const text = (await popup.locator('main').textContent()) ?? '';
  await popup.close();
  return text;
}
