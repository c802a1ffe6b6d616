import { z } from 'zod';
import { parseInterval } from './sync/interval';

/**
 * The environment, parsed once. Nothing else in the API reads process.env. Every default lives here
 * and nowhere else; each description is the README's environment table (`npm run docs:env`).
 */
export const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .default('file:data/utforarkollen.db')
    .refine((url) => /^(file:|https?:\/\/|libsql:\/\/|wss?:\/\/|:memory:)/.test(url), {
      message: 'DATABASE_URL must start with file:, http(s)://, libsql:// or ws(s)://',
    })
    .describe('libSQL URL: `file:` (embedded), `http(s)://` or `libsql://` (a libSQL server)'),
  DATABASE_AUTH_TOKEN: z.string().optional().describe('token for a libSQL server'),
  DATABASE_SYNC_URL: z
    .string()
    .regex(/^(https?:\/\/|libsql:\/\/)/, 'DATABASE_SYNC_URL must start with http(s):// or libsql://')
    .optional()
    .describe(
      'a libSQL server (the primary) that `DATABASE_URL`, then a `file:`, replicates: reads stay local, writes go to the primary',
    ),
  DATABASE_SYNC_INTERVAL: z.coerce
    .number()
    .min(0)
    .default(60)
    .describe('seconds between pulls from the primary on a replica; `0` = only at start'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787).describe('the port the API listens on'),
  HOST: z
    .string()
    .default('127.0.0.1')
    .describe('the address the API listens on (`0.0.0.0`: every interface)'),
  STALE_AFTER_DAYS: z.coerce
    .number()
    .int()
    .positive()
    .default(365)
    .describe('a unit verified longer ago is marked `stale: true`'),
  DATA_POLL_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(2000)
    .describe(
      'how often a server looks for data written by another process (import, sync); `0` = on every request',
    ),
  DISABLED_ADAPTERS: z
    .string()
    .optional()
    .describe(
      'extension site adapters to switch off without a store release, comma-separated, e.g. `vard-1177`',
    ),
  RATE_LIMIT_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(0)
    .default(600)
    .describe('requests to `/v1` per client address per minute; 304s are free; `0` = off (benchmarks)'),
  FEEDBACK_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(0)
    .default(10)
    .describe('feedback reports per client address per minute, inside the general limit; `0` = off'),
  REQUEST_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(10_000)
    .describe('a request whose handler takes longer answers 503; `0` = off'),
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0', ''])
    .default('false')
    .transform((v) => v === 'true' || v === '1')
    .describe(
      '`true` behind a reverse proxy that sets `X-Forwarded-For`: rate limits then key on its first hop',
    ),
  SHUTDOWN_GRACE_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(10_000)
    .describe('on SIGTERM, how long in-flight requests may take to finish before their connections are cut'),
  SYNC_INTERVAL: z
    .string()
    .optional()
    .transform((value, ctx) => {
      try {
        return parseInterval(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    })
    .describe("the server's periodic Kolada sync: `24h`, `30m`, `1d`; unset or `off` = none"),
  KOLADA_BASE_URL: z
    .url()
    .default('https://api.kolada.se/v3')
    .describe("Kolada's API v3; another address only for a mirror or a test server"),
});

export type Config = z.infer<typeof envSchema>;

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  if (parsed.data.DATABASE_SYNC_URL && !parsed.data.DATABASE_URL.startsWith('file:')) {
    throw new Error(
      'Invalid environment:\n  DATABASE_URL: with DATABASE_SYNC_URL, DATABASE_URL must name the replica file (file:...)',
    );
  }
  return parsed.data;
}

/** The configuration with nothing set: every default, from the schema above. */
export function defaultConfig(): Config {
  return readConfig({});
}
