// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { demoPageRoutes } from '../../api/routes/demo-page';
import { extensionConfigRoutes, parseDisabledAdapters } from '../../api/routes/extension-config';
import { adapterFor } from '../../extension/core/sites/adapters';
import { matchListings } from '../../extension/core/sites/match';
import { unitListFixture } from '../extension/fixtures';

describe('GET /v1/extension/config', () => {
  it('serves the switch-off list from DISABLED_ADAPTERS, cacheable', async () => {
    const res = await extensionConfigRoutes(' vard-1177, generic ,,bad id').request('/v1/extension/config');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ disabledAdapters: ['vard-1177', 'generic'] });
    expect(res.headers.get('Cache-Control')).toContain('max-age=3600');
    expect(await (await extensionConfigRoutes(undefined).request('/v1/extension/config')).json()).toEqual({
      disabledAdapters: [],
    });
    expect(parseDisabledAdapters('a,a')).toEqual(['a']);
  });
});

describe('GET /demo/ pages', () => {
  const list = unitListFixture('units-0581-hemtjanst');
  const app = demoPageRoutes({
    getUnits: async (huvudman, service) => (huvudman === '0581' && service === 'hemtjanst' ? list.items : []),
  });

  it('serves a labelled kommun-like page that the extension recognises and badges completely', async () => {
    const res = await app.request('/demo/norrkoping/hemtjanst');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Utförarkollen demosida');
    expect(html).toContain('Välj utförare i hemtjänsten');
    expect(html).toContain('Norrköpings kommun');
    document.open();
    document.write(html);
    document.close();
    const url = new URL('http://localhost:8787/demo/norrkoping/hemtjanst');
    const adapter = adapterFor(url, { apiUrl: 'http://localhost:8787' })!;
    expect(adapter.id).toBe('generic');
    const target = adapter.detect(url, document);
    expect(target).toMatchObject({ place: { code: '0581' }, service: 'hemtjanst', via: 'page' });
    const matched = matchListings(adapter.listings(document, new WeakSet()), list, ['Norrköping']);
    expect(matched.map((m) => m.unit.id).sort()).toEqual(list.items.map((u) => u.id).sort());
  });

  it('lists the demo pages, escapes names and 404s unknown ones', async () => {
    expect(await (await app.request('/demo/')).text()).toContain('/demo/norrkoping/sarskilt-boende');
    expect((await app.request('/demo/ingenstans/hemtjanst')).status).toBe(404);
    const evil = demoPageRoutes({ getUnits: async () => [{ name: '<script>x</script>' }] });
    expect(await (await evil.request('/demo/norrkoping/hemtjanst')).text()).not.toContain('<script>x');
  });
});
