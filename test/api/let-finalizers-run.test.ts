import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Client, createClient } from '@libsql/client';
import { afterAll, describe, expect, it } from 'vitest';
import { letFinalizersRun } from '../../api/db/let-finalizers-run';

const dir = mkdtempSync(join(tmpdir(), 'utforarkollen-finalizers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fresh = () => createClient({ url: `file:${join(dir, `${Math.random()}.db`)}` });

/** Runs `n` awaited queries and counts how often the event loop got a turn meanwhile. */
async function turnsDuring(client: Client | { execute: Client['execute'] }, n: number) {
  let turns = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  for (let i = 0; i < n; i++) await client.execute('SELECT 1');
  running = false;
  return turns;
}

describe('letting libSQL free native statements during long query loops', () => {
  it('a plain embedded client never gives the event loop a turn in a loop of awaits', async () => {
    expect(await turnsDuring(fresh(), 100)).toBe(0);
  });

  it('the wrapped client yields one turn every N statements', async () => {
    expect(await turnsDuring(letFinalizersRun(fresh(), 10), 100)).toBeGreaterThanOrEqual(9);
  });

  it('yields inside transactions too, and keeps their results', async () => {
    const client = letFinalizersRun(fresh(), 5);
    await client.execute('CREATE TABLE t (v INTEGER)');
    const tx = await client.transaction('write');
    const turns = await turnsDuring(tx, 20);
    await tx.execute('INSERT INTO t VALUES (1)');
    await tx.commit();
    expect(turns).toBeGreaterThanOrEqual(3);
    expect((await client.execute('SELECT count(*) AS n FROM t')).rows[0]!.n).toBe(1);
  });

  it('counts a batch as its statements', async () => {
    const client = letFinalizersRun(fresh(), 4);
    let turned = false;
    setImmediate(() => {
      turned = true;
    });
    await client.batch(['SELECT 1', 'SELECT 2', 'SELECT 3', 'SELECT 4']);
    expect(turned).toBe(true);
  });
});
