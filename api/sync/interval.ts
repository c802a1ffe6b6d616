const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Parses SYNC_INTERVAL: "30m", "24h", "1d", "90s"; "", "0" or "off" for no periodic sync (null).
 * Throws a RangeError for anything else, or anything shorter than a minute (Kolada asks for restraint).
 */
export function parseInterval(text: string | undefined): number | null {
  const value = (text ?? '').trim().toLowerCase();
  if (value === '' || value === '0' || value === 'off') return null;
  const match = /^(\d+(?:\.\d+)?)\s*([smhd])$/.exec(value);
  if (!match) throw new RangeError(`expected e.g. 30m, 24h or 1d (or off), got ${JSON.stringify(text)}`);
  const ms = Number(match[1]) * UNITS[match[2]!]!;
  if (ms < 60_000) throw new RangeError(`at least 1m between syncs, got ${JSON.stringify(text)}`);
  return ms;
}
