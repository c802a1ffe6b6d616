import { afterAll } from 'vitest';

/** Counts of how each tried case ended, per table: table -> case kind -> outcome -> count. */
const tables = new Map<string, Map<string, Map<string, number>>>();

// Each test file imports this module afresh, so this prints once per file, after its tests.
afterAll(() => {
  if (process.env.FUZZ_REPORT === '1' && tables.size > 0) console.log(report());
});

/**
 * Records one tried case. With FUZZ_REPORT=1 each test file prints its tables when it ends, e.g.
 * `FUZZ_REPORT=1 npx vitest run test/hardening`.
 */
export function tally(table: string, kind: string, outcome: string): void {
  const kinds = tables.get(table) ?? new Map<string, Map<string, number>>();
  tables.set(table, kinds);
  const outcomes = kinds.get(kind) ?? new Map<string, number>();
  kinds.set(kind, outcomes);
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
}

export function report(): string {
  const lines: string[] = [];
  for (const [table, kinds] of tables) {
    let total = 0;
    lines.push(`\n${table}`);
    for (const [kind, outcomes] of kinds) {
      const parts = [...outcomes].sort().map(([outcome, n]) => `${outcome} ×${n}`);
      total += [...outcomes.values()].reduce((a, b) => a + b, 0);
      lines.push(`  ${kind.padEnd(52)} ${parts.join(', ')}`);
    }
    lines.push(`  ${'total'.padEnd(52)} ${total}`);
  }
  return lines.join('\n');
}
