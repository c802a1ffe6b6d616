import type { Database } from '../../api/db/client';

/** Tables that change on every authenticated request (a token's lastUsedAt), not with the data. */
const VOLATILE = new Set(['editor_tokens']);
/** Tables the fuzzed routes can write: compared row by row. The rest by row count and last rowid. */
const WRITABLE = new Set(['units', 'datasets', 'changes', 'feedback', 'meta']);

/**
 * Every table's content (or, for reference tables, only its extent unless `everyRow`): equal snapshots
 * mean nothing was written.
 */
export async function snapshot(db: Database, options: { everyRow?: boolean } = {}): Promise<string> {
  const { rows: tables } = await db.$client.execute(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  const parts: string[] = [];
  for (const row of tables) {
    const name = String(row.name);
    if (VOLATILE.has(name) && !options.everyRow) continue;
    const sql =
      WRITABLE.has(name) || options.everyRow
        ? `SELECT * FROM "${name}" ORDER BY 1, 2`
        : `SELECT count(*), max(rowid) FROM "${name}"`;
    const { rows } = await db.$client.execute(sql);
    parts.push(`${name}:${JSON.stringify(rows)}`);
  }
  return parts.join('\n');
}
