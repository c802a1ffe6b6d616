// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterFor, contentScriptMatches } from '../../../../extension/core/sites/adapters';
import { matchesPattern } from '../../../../extension/core/sites/match-pattern';

const matches = (pattern: string, url: string) => matchesPattern(pattern, new URL(url));

describe('match patterns, as the browser reads them', () => {
  it('takes the host and its subdomains, any port, http and https', () => {
    expect(matches('*://*.exempel.se/*', 'https://exempel.se/')).toBe(true);
    expect(matches('*://*.exempel.se/*', 'http://www.exempel.se:8080/omsorg?x=1')).toBe(true);
    expect(matches('*://*.exempel.se/*', 'https://omsorg.www.exempel.se/a')).toBe(true);
    expect(matches('*://*.exempel.se/*', 'https://inteexempel.se/')).toBe(false);
    expect(matches('*://*.exempel.se/*', 'https://exempel.se.annat.com/')).toBe(false);
    expect(matches('*://*.exempel.se/*', 'ftp://exempel.se/')).toBe(false);
    expect(matches('*://exempel.se/*', 'https://www.exempel.se/')).toBe(false);
  });

  it('matches the path with wildcards, and one scheme when given', () => {
    expect(matches('http://127.0.0.1/demo/*', 'http://127.0.0.1:8787/demo/norrkoping/hemtjanst')).toBe(true);
    expect(matches('http://127.0.0.1/demo/*', 'http://127.0.0.1:8787/v1/kommuner')).toBe(false);
    expect(matches('http://127.0.0.1/demo/*', 'https://127.0.0.1/demo/')).toBe(false);
    expect(matches('not a pattern', 'https://exempel.se/')).toBe(false);
  });
});

describe('adapters declare where they work', () => {
  const context = { apiUrl: 'http://localhost:8787' };

  it('the manifest holds exactly the adapters’ patterns, and a page goes to the adapter whose patterns match', () => {
    const patterns = contentScriptMatches(context.apiUrl);
    expect(new Set(patterns)).toEqual(new Set(ADAPTERS.flatMap((a) => a.matches(context))));
    expect(adapterFor(new URL('https://www.1177.se/hitta-vard/'), context)?.id).toBe('vard-1177');
    expect(adapterFor(new URL('https://omsorg.norrkoping.se/hemtjanst'), context)?.id).toBe('generic');
    expect(adapterFor(new URL('http://localhost:8787/demo/norrkoping/hemtjanst'), context)?.id).toBe(
      'generic',
    );
    expect(adapterFor(new URL('https://www.exempel.com/hemtjanst'), context)).toBeNull();
  });

  it('each adapter names the parts of the page it relies on, in plain Swedish', () => {
    for (const adapter of ADAPTERS) {
      expect(adapter.expects.length, adapter.id).toBeGreaterThan(0);
      for (const part of adapter.expects) {
        expect(() => document.querySelector(part.selector), `${adapter.id}: ${part.selector}`).not.toThrow();
        expect(part.what, adapter.id).toMatch(/^[a-zåäö ]+$/);
      }
    }
  });
});
