import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../../api/app';
import { TODAY, testConfig } from '../api/helpers';
import { preparedDatabaseUrl } from './prepared-db';
import { switchableDb } from './switchable-db';

const url = await preparedDatabaseUrl();

/** An internal error of the kind that must never reach a client: SQL, a file path, a stack. */
function corrupt(): Error {
  return Object.assign(
    new Error(
      'SQLITE_CORRUPT: database disk image is malformed (/srv/utforarkollen/data/prod.db) in SELECT "hash" FROM editor_tokens',
    ),
    { code: 'SQLITE_CORRUPT' },
  );
}

describe('errors tell the client nothing internal', () => {
  const logged = vi.spyOn(console, 'error').mockImplementation(() => {});

  it.each([
    ['GET', '/v1/kommuner/0581/units?service=hemtjanst'],
    ['GET', '/v1/units/u_0123/history'],
    ['GET', '/v1/kommuner/0581/units.csv?service=hemtjanst'],
    ['POST', '/v1/match'],
    ['POST', '/v1/feedback'],
    ['GET', '/v1/admin/changes?huvudman=0581'],
  ])(
    '%s %s: 500 with our error shape, no stack, path or SQL; the details go to the log',
    async (method, path) => {
      const broken = switchableDb(url);
      broken.fail(corrupt);
      const app = createApp({
        db: broken.db,
        today: () => TODAY,
        config: testConfig({ RATE_LIMIT_PER_MINUTE: 0 }),
      });
      const body =
        method === 'POST'
          ? JSON.stringify({
              huvudman: '0581',
              service: 'hemtjanst',
              names: ['Alfa'],
              pageHost: 'www.norrkoping.se',
              listingText: 'Alfa',
              kind: 'missing',
            })
          : undefined;
      const res = await app.request(path, {
        method,
        body,
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer uk_abc' },
      });
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({
        error: { code: 'internal', message: 'Something went wrong on our side; the error has been logged.' },
      });
      expect(text).not.toMatch(/SQLITE|\/srv|SELECT|editor_tokens|at .*\.ts|node_modules/);
      expect(logged).toHaveBeenCalled();
      broken.dispose();
    },
  );
});
