/**
 * WebExtension match patterns (`<scheme>://<host><path>`), read as the browser reads them: scheme `*`
 * (http and https) or one scheme, host `*.example.se` (the host and its subdomains) or one host, any
 * port, and a path with `*` wildcards matched against the path and query. `<all_urls>` and `file:` are
 * not used. The content script tests every page view's URL against some 600 patterns, so
 * `compilePatterns` indexes the usual `*://host/*` ones by host (a few lookups per URL).
 */
export function matchesPattern(pattern: string, url: URL): boolean {
  return compilePatterns([pattern])(url);
}

/** One test for a list of patterns: true when any of them matches the URL. */
export function compilePatterns(patterns: readonly string[]): (url: URL) => boolean {
  const anyPathHosts = new Set<string>();
  const anyPathDomains = new Set<string>();
  const others: ((url: URL) => boolean)[] = [];
  for (const pattern of patterns) {
    const parts = /^(\*|https?):\/\/(\*|\*\.[^/*]+|[^/*]+)(\/.*)$/.exec(pattern);
    if (!parts) continue;
    const [, scheme = '', host = '', path = ''] = parts;
    if (scheme === '*' && path === '/*' && host !== '*') {
      if (host.startsWith('*.')) anyPathDomains.add(host.slice(2));
      else anyPathHosts.add(host);
    } else others.push(compile(scheme, host, path));
  }
  return (url) => {
    const hostname = url.hostname.toLowerCase();
    if (url.protocol === 'http:' || url.protocol === 'https:') {
      if (anyPathHosts.has(hostname)) return true;
      // "omsorg.www.exempel.se" is under *.www.exempel.se, *.exempel.se and *.se
      for (let at = -1; at < hostname.length; at = hostname.indexOf('.', at + 1)) {
        if (anyPathDomains.has(hostname.slice(at + 1))) return true;
        if (hostname.indexOf('.', at + 1) < 0) break;
      }
    }
    return others.some((test) => test(url));
  };
}

function compile(scheme: string, host: string, path: string): (url: URL) => boolean {
  const anyHost = host === '*';
  const subdomains = host.startsWith('*.');
  const base = subdomains ? host.slice(2) : host;
  const pathPattern = new RegExp(`^${path.split('*').map(escapeRegExp).join('.*')}$`);
  return (url) => {
    const protocol = url.protocol.slice(0, -1);
    if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) return false;
    const hostname = url.hostname.toLowerCase();
    if (!anyHost && hostname !== base && !(subdomains && hostname.endsWith(`.${base}`))) return false;
    return pathPattern.test(url.pathname + url.search);
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Patterns for the API's own demo pages under `path` ("/demo/*"): a local API answers on both
 * loopback names (`npm start` prints 127.0.0.1, a browser may say localhost).
 */
export function apiPagePatterns(apiUrl: string, path: string): string[] {
  const api = new URL(apiUrl);
  const loopback = ['localhost', '127.0.0.1'];
  return (loopback.includes(api.hostname) ? loopback : [api.hostname]).map(
    (h) => `${api.protocol}//${h}${path}`,
  );
}
