/** The API base URL baked in at build time (WXT_API_URL), without a trailing slash. */
export function apiBaseUrl(raw: string | undefined): string {
  const value = raw?.trim() || 'http://localhost:8787';
  const url = new URL(value);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** A match pattern covering the API host on any port, e.g. "http://127.0.0.1/*". */
export function apiMatchPattern(base: string): string {
  const url = new URL(base);
  return `${url.protocol}//${url.hostname}/*`;
}
