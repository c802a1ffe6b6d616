import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { createLogger } from 'vite';
import { defineConfig } from 'wxt';
import { apiBaseUrl, apiMatchPattern } from './core/api-url';

// `wxt build extension` runs with extension/ as root; the builds land in the repository's .output/.
const apiUrl = apiBaseUrl(process.env.WXT_API_URL);
const { version } = JSON.parse(readFileSync(resolve(__dirname, '../package.json'), 'utf8')) as {
  version: string;
};

/**
 * zod's sources carry comments beside their @__PURE__ annotations that Rollup drops with a warning a
 * newcomer reads as an error; they change nothing in the bundle. Every other warning is shown.
 */
const logger = createLogger('warn');
const warn = logger.warn.bind(logger);
logger.warn = (message, options) => {
  if (/node_modules[\\/]zod[\\/][\s\S]*annotation that Rollup cannot interpret/.test(message)) return;
  warn(message, options);
};
const warnOnce = logger.warnOnce.bind(logger);
logger.warnOnce = (message, options) => {
  if (/node_modules[\\/]zod[\\/][\s\S]*annotation that Rollup cannot interpret/.test(message)) return;
  warnOnce(message, options);
};

export default defineConfig({
  // The e2e suite builds into a temporary folder, against its own loopback API.
  outDir: process.env.UTFORARKOLLEN_EXTENSION_OUT_DIR ?? '../.output',
  modules: [],
  vite: () => ({
    plugins: [preact()],
    customLogger: logger,
    define: { 'import.meta.env.WXT_API_URL': JSON.stringify(apiUrl) },
    build: { target: 'es2022' },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    version,
    description: '__MSG_extDescription__',
    default_locale: 'sv',
    action: { default_title: '__MSG_actionTitle__' },
    // storage: the unit-list cache and settings. The content scripts' own host list (kommun sites,
    // 1177 and the API's demo pages) is declared by the content script; the background may only talk
    // to the Utförarkollen API.
    permissions: ['storage'],
    host_permissions: [apiMatchPattern(apiUrl)],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'utforarkollen@utforarkollen.se',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  zip: {
    name: 'utforarkollen',
    artifactTemplate: '{{name}}-{{version}}-{{browser}}-{{manifestVersion}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    // The extension imports ../shared, so the sources zip (for the Firefox review) is taken from the
    // repository root, without the API, tests, data and docs.
    sourcesRoot: resolve(__dirname, '..'),
    excludeSources: [
      '.output/**',
      '.tmp/**',
      '.ci/**',
      '**/node_modules/**',
      '**/.wxt/**',
      'api/**',
      'bench/**',
      'data/**',
      'docs/**',
      'scripts/**',
      'test/**',
      '*.db',
    ],
  },
});
