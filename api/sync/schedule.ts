export interface PeriodicSyncOptions {
  intervalMs: number;
  /** Wait before the first run; default one interval. */
  firstDelayMs?: number;
  /** One sync. The signal aborts when the schedule is stopped. */
  run: (signal: AbortSignal) => Promise<void>;
  log: (message: string) => void;
  /** Timers, injectable for tests. Default: Node's setTimeout, unref'd so they never keep the process up. */
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
}

export interface PeriodicSync {
  /** Starts a run now unless one is going; resolves when that run ends. */
  tick(): Promise<void>;
  /** No more runs; aborts a running one and waits for it to end. */
  stop(): Promise<void>;
}

/**
 * Runs a sync every interval inside the server. Runs never overlap: when one is still going at the
 * next tick, that tick is skipped and logged. A failing run is logged and never reaches the server.
 *
 * @example
 * const sync = startPeriodicSync({ intervalMs: 86_400_000, run: (signal) => syncAll(signal), log: console.log });
 * process.once('SIGTERM', () => sync.stop());
 */
export function startPeriodicSync(options: PeriodicSyncOptions): PeriodicSync {
  const setTimer = options.setTimeout ?? ((fn, ms) => setTimeout(fn, ms).unref());
  const clearTimer = options.clearTimeout ?? ((handle) => clearTimeout(handle as NodeJS.Timeout));
  const controller = new AbortController();
  let running: Promise<void> | null = null;

  function tick(): Promise<void> {
    if (controller.signal.aborted) return Promise.resolve();
    if (running) {
      options.log('Kolada sync: the previous run is still going; skipping this one');
      return running;
    }
    running = (async () => {
      try {
        await options.run(controller.signal);
      } catch (error) {
        options.log(`Kolada sync failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  // One timer at a time, re-armed at each tick: the next tick is due an interval after this one started.
  let handle: unknown;
  const arm = (ms: number) => {
    handle = setTimer(() => {
      arm(options.intervalMs);
      void tick();
    }, ms);
  };
  arm(options.firstDelayMs ?? options.intervalMs);
  return {
    tick,
    async stop() {
      clearTimer(handle);
      controller.abort(new Error('the server is shutting down'));
      await running;
    },
  };
}
