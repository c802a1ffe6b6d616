/// <reference types="vite/client" />
import type { SiteAdapter } from '../adapter';
import { compilePatterns } from '../match-pattern';

export interface RegisteredAdapter extends SiteAdapter {
  /** The adapter's file name, e.g. "vard-1177" */
  id: string;
}

// Each file in this folder exporting `adapter` registers itself; its file name is its id.
const modules = import.meta.glob<{ adapter: SiteAdapter }>(['./*.ts', '!./index.ts'], { eager: true });

export const ADAPTERS: RegisteredAdapter[] = Object.entries(modules)
  .map(([path, mod]) => ({ ...mod.adapter, id: path.replace(/^.*\//, '').replace(/\.ts$/, '') }))
  .sort((a, b) => b.priority - a.priority);

export interface AdapterContext {
  /** The API base URL: its own /demo/ pages are kommun-like pages */
  apiUrl: string;
  /** Adapter ids switched off remotely (GET /v1/extension/config) */
  disabled?: readonly string[];
}

/** Where the content script runs: every adapter's match patterns, once each. Nothing else. */
export function contentScriptMatches(apiUrl: string): string[] {
  return [...new Set(ADAPTERS.flatMap((a) => a.matches({ apiUrl })))];
}

const compiled = new Map<string, (url: URL) => boolean>();

/** An adapter's patterns as one test, made once per adapter and API URL. */
function coversUrl(adapter: RegisteredAdapter, apiUrl: string): (url: URL) => boolean {
  const key = `${adapter.id} ${apiUrl}`;
  let test = compiled.get(key);
  if (!test) {
    test = compilePatterns(adapter.matches({ apiUrl }));
    compiled.set(key, test);
  }
  return test;
}

/** The first adapter whose match patterns cover this URL and that is not switched off remotely. */
export function adapterFor(url: URL, context: AdapterContext): RegisteredAdapter | null {
  const disabled = context.disabled ?? [];
  return ADAPTERS.find((a) => !disabled.includes(a.id) && coversUrl(a, context.apiUrl)(url)) ?? null;
}
