// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { renderBadge } from '../../../../extension/core/ui/badge-dom';
import { translator } from '../../../../extension/core/ui/i18n';
import { EN } from '../../../../extension/core/ui/i18n-en';
import { UnitFacts } from '../../../../extension/core/ui/UnitFacts';
import { ComparisonView } from '../../../../extension/core/views/comparison/ComparisonView';
import { createComparisonModel } from '../../../../extension/core/views/comparison/model';
import { type UnitList, unitList } from '../../../../shared/domain/api';
import { type IndicatorValue, indicatorDefinition } from '../../../../shared/domain/indicator';
import type { Unit } from '../../../../shared/domain/unit';
import { VARDCENTRAL_INDICATORS } from '../../../../shared/reference/vardcentral-indicators';
import { unitListFixture } from '../../fixtures';

/**
 * Badge, details and comparison for the three shapes a unit list has besides the demo: a kommun
 * without a register (Kolada's survey units as the baseline), a register whose units have several
 * survey units each, and a region's vårdcentraler with the patient survey's means and waiting times.
 */

const sv = translator('sv');

function badgeText(unit: Unit, list: UnitList, ids: string[], language: 'sv' | 'en' = 'sv') {
  const host = document.createElement('span');
  const root = host.attachShadow({ mode: 'open' });
  renderBadge(root, {
    unit,
    indicators: list.indicators.filter((d) => ids.includes(d.id)),
    demo: list.dataset.kind === 'demo',
    language,
    textSize: 'normal',
    t: language === 'sv' ? sv : translator('en', EN),
    onOpen: () => {},
  });
  return root.textContent ?? '';
}

function factsOf(unit: Unit, list: UnitList, place: string) {
  const root = document.createElement('div');
  render(<UnitFacts unit={unit} list={list} place={place} language="sv" t={sv} />, root);
  return root;
}

function comparisonOf(list: UnitList) {
  const model = createComparisonModel({ now: () => new Date('2026-11-23T10:00:00Z') });
  model.list.value = list;
  model.comparison.value = { huvudman: list.huvudman, service: list.service, unitIds: [], show: 'all' };
  model.mode.value = 'all';
  const root = document.createElement('div');
  render(<ComparisonView model={model} onRemove={() => {}} actions={{ print: () => {} }} />, root);
  return root;
}

describe('a kommun without a register: Socialstyrelsen’s survey units as the list', () => {
  const list = unitListFixture('units-0580-hemtjanst');
  const unit = list.items[0]!;

  it('says what the list rests on, shows the unit’s origin note, and regi and check date as missing', () => {
    expect(unit.origin).toBe('kolada');
    const facts = factsOf(unit, list, 'Linköping');
    const rows = Object.fromEntries(
      Array.from(facts.querySelectorAll('.facts > div')).map((r) => [
        r.querySelector('dt')?.textContent,
        r.querySelector('dd')?.textContent,
      ]),
    );
    expect(rows.Regi).toBe('Uppgift saknas');
    expect(rows.Kontroll).toBe('Uppgift saknas');
    expect(unit.originNote).toContain('Socialstyrelsens');
    expect(rows.Ursprung).toBe(unit.originNote);
    const comparison = comparisonOf(list);
    const origins = Array.from(comparison.querySelectorAll('.narrow .block')).find(
      (b) => b.querySelector('h3')?.textContent === 'Ursprung',
    );
    for (const u of list.items) expect(origins?.textContent).toContain(`${u.name}: ${u.originNote}`);
    expect(comparison.querySelector('.summary')?.textContent).toContain(
      'Listan bygger på: Enheter enligt Socialstyrelsens undersökning',
    );
    expect(comparison.querySelector('.summary')?.textContent).toContain(
      `Alla ${list.items.length} enheter i undersökningen`,
    );
  });

  it('shows the unit’s figure with its respondents on the badge', () => {
    const figure = unit.indicators.find((i) => i.id === 'U21468')!;
    expect(badgeText(unit, list, ['U21468'])).toContain(
      `Nöjda: ${figure.value}\u00a0% av ${figure.respondents} som svarade (${figure.period})`,
    );
  });
});

describe('a register unit with several survey units', () => {
  const list = unitListFixture('units-0581-hemtjanst-register');
  const unit = list.items.find((u) => u.surveyUnits.length > 1)!;
  const value = unit.indicators.find((i) => i.id === 'U21468')!;
  const [one, two] = value.figures;

  it('shows each survey unit’s figure side by side on the badge, never one averaged or picked', () => {
    expect(value.missingReason).toBe('several_survey_units');
    const text = badgeText(unit, list, ['U21468']);
    expect(text).toContain(
      `${one!.value}\u00a0% av ${one!.respondents} som svarade (${one!.surveyUnit!.title}, ${one!.period}) · ` +
        `${two!.value}\u00a0% av ${two!.respondents} som svarade (${two!.surveyUnit!.title}, ${two!.period})`,
    );
    const mean = Math.round(((one!.value! + two!.value!) / 2) * 10) / 10;
    // The recorded figures differ, so their average (75,5 %) is neither of them and must not be shown.
    expect([one!.value, two!.value]).not.toContain(mean);
    expect(text).not.toContain(`${String(mean).replace('.', ',')}\u00a0%`);
    expect(text).not.toContain('redovisas per enhet');
  });

  it('has a line per survey unit in the details’ table and in the comparison', () => {
    const facts = factsOf(unit, list, 'Norrköping');
    const row = Array.from(facts.querySelectorAll('.figures tbody tr')).find((r) =>
      r.querySelector('th')?.textContent?.includes('Nöjd med hemtjänsten som helhet'),
    )!;
    const lines = Array.from(row.querySelectorAll('td')[0]!.querySelectorAll('.line')).map(
      (l) => l.textContent,
    );
    expect(lines).toEqual([
      `${one!.value}\u00a0% (${one!.surveyUnit!.title})`,
      `${two!.value}\u00a0% (${two!.surveyUnit!.title})`,
    ]);
    expect(facts.textContent).toContain(
      `Enheter i undersökningen${unit.surveyUnits.map((s) => s.title).join(', ')}`,
    );
    const comparison = comparisonOf(list);
    const block = Array.from(comparison.querySelectorAll('.narrow .block')).find((b) =>
      b.querySelector('h3')?.textContent?.includes('Nöjd med hemtjänsten som helhet'),
    )!;
    const item = Array.from(block.querySelectorAll('li')).find((li) =>
      li.textContent?.startsWith(unit.name),
    )!;
    expect(item.querySelectorAll('.line')).toHaveLength(2);
    expect(comparison.querySelector('.summary')?.textContent).toContain(
      'Listan bygger på: Kommunens register',
    );
  });
});

describe('a region’s vårdcentraler', () => {
  const pick = (id: string) => indicatorDefinition.parse(VARDCENTRAL_INDICATORS.find((d) => d.id === id)!);
  const mean = pick('npe_vard_och_behandling_medel');
  const waiting = pick('vantetider_medicinsk_bedomning_3_dagar');
  const source = mean.source;
  const figure = (
    id: string,
    value: number | null,
    period: string,
    respondents: number | null,
    comparison: { kommun: number | null; riket: number | null },
  ): IndicatorValue => {
    const f = {
      value,
      period,
      respondents,
      missingReason: value === null ? ('too_few_respondents' as const) : null,
      source: { ...source, url: null },
      publishedAt: '2025-11-20',
      confidenceInterval: null,
      comparison: { ...comparison, area: 'region' as const, details: { kommun: null, riket: null } },
    };
    return { id, ...f, figures: [{ surveyUnit: null, ...f }] };
  };
  // Invented vårdcentraler of Region Östergötland (05), figures in the API's documented shape.
  const base = unitListFixture('units-05-vardcentral');
  const list: UnitList = unitList.parse({
    ...base,
    dataset: { ...base.dataset, kind: 'live', basis: 'register' },
    indicators: [mean, waiting],
    items: base.items.slice(0, 2).map((u, i) => ({
      ...u,
      indicators:
        i === 0
          ? [
              figure(mean.id, 0.8, '2025', 143, { kommun: 0.81, riket: 0.8 }),
              figure(waiting.id, 71.5, '2025-09', 240, { kommun: 68, riket: 74 }),
            ]
          : [figure(mean.id, null, '2025', 12, { kommun: 0.81, riket: 0.8 })],
    })),
  });
  const [first, second] = list.items;

  it('shows the default figure on the 1177 badge with two decimals, its scale, period and count', () => {
    expect(badgeText(first!, list, [mean.id])).toContain(
      'Omdöme om vården: 0,80 på en skala 0–1, 143 som svarade (2025)',
    );
    expect(badgeText(second!, list, [mean.id])).toContain('Omdöme om vården: Uppgift saknas');
    expect(badgeText(second!, list, [mean.id])).not.toContain('12 som svarade');
  });

  it('shows every figure against the region and the country, with what it counts and what it means', () => {
    const facts = factsOf(first!, list, 'Region Östergötland');
    const heads = Array.from(facts.querySelectorAll('.figures thead th')).map((h) => h.textContent);
    expect(heads).toContain('▲ Region Östergötland');
    expect(heads.join(' ')).not.toContain('Hela');
    const rows = Array.from(facts.querySelectorAll('.figures tbody tr')).map((r) =>
      Array.from(r.querySelectorAll('td')).map((c) => c.textContent),
    );
    expect(rows[0]).toEqual(['0,80', '0,81', '0,80', '2025', '143 som svarade']);
    expect(rows[1]).toEqual(['71,5\u00a0%', '68\u00a0%', '74\u00a0%', '2025-09', '240 bedömningar']);
    // "Period", not "Mätår", where a figure is a month's.
    expect(heads).toContain('Period');
    const explanations = Array.from(facts.querySelectorAll('.explain p')).map((p) => p.textContent);
    expect(explanations[0]).toContain(mean.description.slice(0, 30));
    expect(explanations[0]).toContain('143 personer svarade 2025.');
    expect(explanations[1]).toContain('Siffran bygger på 240 bedömningar (2025-09).');
  });

  it('holds vårdcentraler in the comparison like any other service, the region’s figure named as such', () => {
    const comparison = comparisonOf(list);
    expect(comparison.querySelector('h1')?.textContent).toBe('Jämförelse: vårdcentral, Region Östergötland');
    const text = comparison.textContent ?? '';
    expect(text).toContain('Region Östergötland 0,81 · Riket 0,80 (2025)');
    expect(text).toContain('Listan bygger på: Regionens register');
    for (const unit of list.items) expect(text).toContain(unit.name);
    // The print's tables hold them too, with the explanation as a footnote.
    const printed = comparison.querySelector('.print-only')?.textContent ?? '';
    expect(printed).toContain('0,80 på en skala 0–1, 143 som svarade');
    expect(printed).toContain(`Vad siffrorna betyder`);
    expect(printed).toContain(waiting.description.slice(0, 40));
  });

  it('translates what is ours in English and marks the API’s Swedish with lang="sv"', () => {
    const host = document.createElement('span');
    const root = host.attachShadow({ mode: 'open' });
    renderBadge(root, {
      unit: first!,
      indicators: [mean],
      demo: false,
      language: 'en',
      textSize: 'normal',
      t: translator('en', EN),
      onOpen: () => {},
    });
    expect(root.querySelector('.root')?.getAttribute('lang')).toBe('en');
    expect(root.textContent).toContain('Rating of the care: 0.80 on a scale 0–1, 143 who answered (2025)');
  });
});

describe('the details in English', () => {
  const en = translator('en', EN);
  const englishFacts = (unit: Unit, list: UnitList, place: string) => {
    const root = document.createElement('div');
    render(<UnitFacts unit={unit} list={list} place={place} language="en" t={en} />, root);
    return root;
  };

  it('explains every figure in our English, not the API’s Swedish marked lang="sv", the non-default ones too', () => {
    for (const [name, place] of [
      ['units-0581-hemtjanst', 'Norrköping'],
      ['units-0581-sarskilt_boende', 'Norrköping'],
      ['units-05-vardcentral', 'Region Östergötland'],
    ] as const) {
      const list = unitListFixture(name);
      const facts = englishFacts(list.items[0]!, list, place);
      const rows = Array.from(facts.querySelectorAll('.figures tbody tr'));
      expect(rows, name).toHaveLength(list.indicators.length);
      rows.forEach((row, i) => {
        const definition = list.indicators[i]!;
        const explanation = row.querySelector('.explain p')!;
        expect(explanation.textContent, definition.id).toContain(EN[`explain_${definition.id}`]);
        expect(explanation.textContent, definition.id).not.toContain(definition.description);
        expect(explanation.querySelector('[lang="sv"]'), definition.id).toBeNull();
        expect(row.querySelector('th > [lang="sv"]'), definition.id).toBeNull();
      });
    }
  });

  it('shows a non-default indicator’s explanation in English beside what the figure rests on', () => {
    const list = unitListFixture('units-0581-hemtjanst');
    const unit = list.items[0]!;
    const figure = unit.indicators.find((i) => i.id === 'U21477')!;
    expect(list.indicators.find((d) => d.id === 'U21477')?.isDefault).toBe(false);
    const row = Array.from(englishFacts(unit, list, 'Norrköping').querySelectorAll('.figures tbody tr')).find(
      (r) => r.querySelector('th')?.textContent?.startsWith('Trust the staff'),
    )!;
    const text = row.querySelector('.explain p')?.textContent;
    expect(text).toContain('Share of those who answered who feel trust in all or most of the staff.');
    expect(text).toContain("Socialstyrelsen's survey of older people");
    expect(text).toContain(`${figure.respondents} people answered in ${figure.period}.`);
  });
});
