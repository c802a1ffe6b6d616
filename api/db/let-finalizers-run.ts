import type { Client, Transaction } from '@libsql/client';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The embedded libSQL engine (libsql 0.5.29) frees a statement's native memory (about 4.5 kB) in a
 * finalizer that runs on a later turn of the event loop. A loop of awaited queries resolves through
 * microtasks only and never gives it that turn: a sync of 240,000 statements grew to 1.6 GB, while the
 * same loop with a `setImmediate` every 1,000 statements stays flat (bench/native-memory.ts). A server
 * between requests turns the loop anyway; long imports and syncs do not. This wrapper yields one turn
 * every `every` statements, inside transactions too.
 */
export function letFinalizersRun(client: Client, every = 500): Client {
  let statements = 0;
  const counted = async <T>(n: number, run: () => Promise<T>): Promise<T> => {
    const result = await run();
    statements += n;
    if (statements >= every) {
      statements = 0;
      await nextTurn();
    }
    return result;
  };

  const wrap = <T extends Client | Transaction>(target: T): T =>
    new Proxy(target, {
      get(object, key, receiver) {
        const value = Reflect.get(object, key, receiver);
        if (typeof value !== 'function') return value;
        if (key === 'execute') return (...args: unknown[]) => counted(1, () => value.apply(object, args));
        if (key === 'batch' || key === 'migrate') {
          return (stmts: unknown[], ...rest: unknown[]) =>
            counted(stmts.length, () => value.apply(object, [stmts, ...rest]));
        }
        if (key === 'transaction') {
          return async (...args: unknown[]) => wrap((await value.apply(object, args)) as Transaction);
        }
        return value.bind(object);
      },
    });

  return wrap(client);
}
