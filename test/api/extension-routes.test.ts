// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { demoPageRoutes } from '../../api/routes/demo-page';
import { extensionConfigRoutes, parseDisabledAdapters } from '../../api/routes/extension-config';
import { adapterFor } from '../../extension/core/sites/adapters';
import { matchListings } from '../../extension/core/sites/match-texts';
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
  const vard = unitListFixture('units-05-vardcentral');
  const empty = { items: [], dataset: list.dataset };
  const app = demoPageRoutes({
    getList: async (huvudman, service) =>
      huvudman === '0581' && service === 'hemtjanst'
        ? list
        : huvudman === '05' && service === 'vardcentral'
          ? vard
          : empty,
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
    const evil = demoPageRoutes({
      getList: async () => ({ items: [{ name: '<script>x</script>' }], dataset: list.dataset }),
    });
    expect(await (await evil.request('/demo/norrkoping/hemtjanst')).text()).not.toContain('<script>x');
    expect(
      await (await evil.request('/demo/1177/ostergotland/hitta-vard/kategori/vardcentral/')).text(),
    ).not.toContain('<script>x');
  });

  it('says truthfully what it lists: invented demo providers, or real units after a sync', async () => {
    const demo = await (await app.request('/demo/norrkoping/hemtjanst')).text();
    expect(demo).toContain('påhittade (demodata)');
    const kolada = demoPageRoutes({
      getList: async () => ({
        items: list.items,
        dataset: { ...list.dataset, kind: 'live', basis: 'kolada' },
      }),
    });
    const real = await (await kolada.request('/demo/norrkoping/hemtjanst')).text();
    expect(real).not.toContain('påhittade');
    expect(real).toContain('verkliga enheter i Norrköpings kommun');
    expect(real).toContain('Källa: Kolada');
    expect(await (await app.request('/demo/uppsala/sarskilt-boende')).text()).toContain('inga utförare');
  });

  it('serves a 1177-like page that the 1177 adapter recognises and badges completely', async () => {
    const res = await app.request('/demo/1177/ostergotland/hitta-vard/kategori/vardcentral/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Utförarkollen demosida');
    document.open();
    document.write(html);
    document.close();
    const url = new URL('http://127.0.0.1:8787/demo/1177/ostergotland/hitta-vard/kategori/vardcentral/');
    const adapter = adapterFor(url, { apiUrl: 'http://127.0.0.1:8787' })!;
    expect(adapter.id).toBe('vard-1177');
    expect(adapter.detect(url, document)).toMatchObject({ place: { code: '05' }, service: 'vardcentral' });
    const matched = matchListings(adapter.listings(document, new WeakSet()), vard, ['Östergötland']);
    expect(matched.map((m) => m.unit.id).sort()).toEqual(vard.items.map((u) => u.id).sort());
  });
});
