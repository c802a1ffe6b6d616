import { z } from 'zod';
import { parseInterval } from './sync/interval';

/** The environment, parsed once. Nothing else in the API reads process.env. */
const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .default('file:data/utforarkollen.db')
    .refine((url) => /^(file:|https?:\/\/|libsql:\/\/|wss?:\/\/|:memory:)/.test(url), {
      message: 'DATABASE_URL must start with file:, http(s)://, libsql:// or ws(s)://',
    }),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  /**
   * A libSQL server (the primary) to keep DATABASE_URL (then a `file:`) as an embedded replica of:
   * reads stay local, writes are forwarded to the primary. See docs/deployment.md.
   */
  DATABASE_SYNC_URL: z
    .string()
    .regex(/^(https?:\/\/|libsql:\/\/)/, 'DATABASE_SYNC_URL must start with http(s):// or libsql://')
    .optional(),
  /** Seconds between pulls from the primary on a replica. 0 = only at start. */
  DATABASE_SYNC_INTERVAL: z.coerce.number().min(0).default(60),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('127.0.0.1'),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
  STALE_AFTER_DAYS: z.coerce.number().int().positive().default(365),
  DATA_POLL_MS: z.coerce.number().int().min(0).default(2000),
  /** Extension site adapters to switch off without a store release, e.g. "vard-1177". */
  DISABLED_ADAPTERS: z.string().optional(),
  /** Requests to /v1 per client address per minute; 304s are free. 0 = off (benchmarks). */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  /** A request whose handler takes longer answers 503. 0 = off. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  /** "true" behind a reverse proxy that sets X-Forwarded-For: rate limits then key on its first hop. */
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0', ''])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** On SIGTERM, how long in-flight requests may take to finish before their connections are cut. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  /** The server's periodic Kolada sync: "24h", "30m", "1d"; unset or "off" = none. Parsed to ms or null. */
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
    }),
  /** Kolada's API v3; another address only for a mirror or a test server. */
  KOLADA_BASE_URL: z.url().default('https://api.kolada.se/v3'),
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
