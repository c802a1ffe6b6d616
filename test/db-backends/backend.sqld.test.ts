import { describe, expect, it } from 'vitest';
import { createTestDb } from '../api/helpers';

// Runs in the api-sqld project only: proves its battery reaches a real server, not a file.
describe('the api-sqld project', () => {
  it('gives each createTestDb its own libSQL server', async () => {
    const a = await createTestDb();
    const b = await createTestDb();
    expect(a.$client.protocol).toBe('http');
    await a.$client.execute("INSERT INTO meta (key, value) VALUES ('only-in-a', '1')");
    const inB = await b.$client.execute("SELECT count(*) AS n FROM meta WHERE key = 'only-in-a'");
    expect(inB.rows[0]!.n).toBe(0);
  });
});
