import { allKommuner } from './places';

/**
 * Where the content script runs: every kommun website host and its subdomains (http and https, any
 * port), 1177, and the API's own demo pages. Nothing else.
 */
export function contentScriptMatches(apiUrl: string): string[] {
  const hosts = new Set<string>();
  for (const kommun of allKommuner()) for (const host of kommun.hosts) hosts.add(host);
  const patterns = [...hosts].flatMap((host) => [`*://${host}/*`, `*://*.${host}/*`]);
  const api = new URL(apiUrl);
  patterns.push('*://www.1177.se/*', '*://1177.se/*', `${api.protocol}//${api.hostname}/demo/*`);
  return patterns;
}
