#!/usr/bin/env node
/**
 * npm run build:api: bundles the API server for production into .output/api/ (plain Node, no tsx:
 * about 40 MB less resident memory per instance). Dependencies stay in node_modules.
 *   node .output/api/server.mjs   (same environment variables as npm start)
 */
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('.output/api', { recursive: true, force: true });
mkdirSync('.output/api', { recursive: true });
await build({
  entryPoints: { server: 'api/cli/start.ts' },
  outdir: '.output/api',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  // A deployed server never builds the browser extension at start (npm start does, from the sources;
  // see api/cli/start.ts): the build would block the server's start and has no sources here.
  define: { 'process.env.UTFORARKOLLEN_SKIP_EXTENSION_BUILD': '"1"' },
});
// Files the server reads at run time, at the same paths relative to the bundle as in the source.
cpSync('api/db/migrations', '.output/api/migrations', { recursive: true });
cpSync('api/demo/demo-register.csv', '.output/demo/demo-register.csv');
console.log('built .output/api/server.mjs');
