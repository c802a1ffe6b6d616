/**
 * Whether a URL matches a WebExtension match pattern (`<scheme>://<host><path>`): scheme `*` (http and
 * https) or one scheme, host `*.example.se` (the host and its subdomains) or one host, any port, and a
 * path with `*` wildcards matched against the path and query. `<all_urls>` and `file:` are not used.
 */
export function matchesPattern(pattern: string, url: URL): boolean {
  return compiled(pattern)(url);
}

const cache = new Map<string, (url: URL) => boolean>();

function compiled(pattern: string): (url: URL) => boolean {
  let test = cache.get(pattern);
  if (!test) {
    test = compile(pattern);
    cache.set(pattern, test);
  }
  return test;
}

function compile(pattern: string): (url: URL) => boolean {
  const parts = /^(\*|https?):\/\/(\*|\*\.[^/*]+|[^/*]+)(\/.*)$/.exec(pattern);
  if (!parts) return () => false;
  const [, scheme = '', host = '', path = ''] = parts;
  const anyHost = host === '*';
  const base = host.startsWith('*.') ? host.slice(2) : host;
  const subdomains = host.startsWith('*.');
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
