import type { Database } from './client';

export interface ReplicaSync {
  /** Pulls the primary's new frames now. Concurrent calls share one pull. */
  syncNow(): Promise<void>;
  stop(): void;
}

/**
 * Keeps an embedded replica current: pulls from the primary every `intervalSeconds` (0 = never;
 * call syncNow). Reads stay local, so the response cache's data_version poll sees the pulled data
 * like any other write. A failed pull is reported and retried at the next tick; the replica keeps
 * serving what it has.
 */
export function startReplicaSync(
  db: Database,
  options: { intervalSeconds: number; onError?: (error: unknown) => void },
): ReplicaSync {
  const onError = options.onError ?? ((error) => console.error('[replica] sync failed:', error));
  let pending: Promise<void> | null = null;

  function syncNow(): Promise<void> {
    pending ??= db.$client
      .sync()
      .then(() => undefined)
      .finally(() => {
        pending = null;
      });
    return pending;
  }

  const timer =
    options.intervalSeconds > 0
      ? setInterval(() => syncNow().catch(onError), options.intervalSeconds * 1000)
      : undefined;
  timer?.unref();
  return { syncNow, stop: () => clearInterval(timer) };
}
