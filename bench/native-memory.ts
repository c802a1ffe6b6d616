/**
 * npx tsx bench/native-memory.ts: resident memory of a process that runs 100,000 small queries on an
 * embedded libSQL file in one tight loop, with the client as libSQL gives it and wrapped by
 * api/db/let-finalizers-run.ts, side by side (each in its own child process). libsql 0.5.29 frees a
 * statement's native memory on a later event-loop turn, which a tight loop of awaits never gives it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { letFinalizersRun } from '../api/db/let-finalizers-run';

const STATEMENTS = 100_000;

async function child(mode: 'plain' | 'yielding', file: string) {
  const raw = createClient({ url: `file:${file}` });
  const client = mode === 'yielding' ? letFinalizersRun(raw) : raw;
  await client.execute('CREATE TABLE IF NOT EXISTS t (k TEXT PRIMARY KEY, v TEXT)');
  await client.execute("INSERT OR REPLACE INTO t VALUES ('a', '1')");
  const start = process.memoryUsage().rss;
  for (let i = 0; i < STATEMENTS; i++)
    await client.execute({ sql: 'SELECT v FROM t WHERE k = ?', args: ['a'] });
  console.log(((process.memoryUsage().rss - start) / 1e6).toFixed(0));
}

if (process.argv[2] === 'plain' || process.argv[2] === 'yielding') {
  await child(process.argv[2], process.argv[3]!);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'utforarkollen-native-'));
  try {
    for (const mode of ['plain', 'yielding']) {
      const grown = execFileSync(process.execPath, [
        '--import',
        'tsx',
        'bench/native-memory.ts',
        mode,
        join(dir, 'm.db'),
      ])
        .toString()
        .trim();
      console.log(`${mode.padEnd(9)} RSS grew ${grown.padStart(4)} MB over ${STATEMENTS} statements`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
