/// <reference types="vite/client" />
import type { SiteAdapter } from '../adapter';
import { matchesPattern } from '../match-pattern';

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

/** The first adapter whose match patterns cover this URL and that is not switched off remotely. */
export function adapterFor(url: URL, context: AdapterContext): RegisteredAdapter | null {
  const disabled = context.disabled ?? [];
  return (
    ADAPTERS.find(
      (a) => !disabled.includes(a.id) && a.matches(context).some((pattern) => matchesPattern(pattern, url)),
    ) ?? null
  );
}
