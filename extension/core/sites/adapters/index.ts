/// <reference types="vite/client" />
import type { SiteAdapter } from '../adapter';

export interface RegisteredAdapter extends SiteAdapter {
  /** The adapter's file name, e.g. "vard-1177" */
  id: string;
}

// Each file in this folder exporting `adapter` registers itself; its file name is its id.
const modules = import.meta.glob<{ adapter: SiteAdapter }>(['./*.ts', '!./index.ts'], { eager: true });

export const ADAPTERS: RegisteredAdapter[] = Object.entries(modules)
  .map(([path, mod]) => ({ ...mod.adapter, id: path.replace(/^.*\//, '').replace(/\.ts$/, '') }))
  .sort((a, b) => b.priority - a.priority);

/** The first adapter that handles this URL and is not switched off remotely. */
export function adapterFor(url: URL, disabled: readonly string[] = []): RegisteredAdapter | null {
  return ADAPTERS.find((a) => !disabled.includes(a.id) && a.test(url)) ?? null;
}
