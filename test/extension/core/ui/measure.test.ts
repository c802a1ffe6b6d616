import { describe, expect, it } from 'vitest';
import { figureSummary, indicatorFigures } from '../../../../extension/core/ui/figures';
import { formatNumber, indicatorExplanation } from '../../../../extension/core/ui/format';
import { translator } from '../../../../extension/core/ui/i18n';
import { COUNTED_OTHERWISE, measureOf } from '../../../../extension/core/ui/measure';
import type { Unit } from '../../../../shared/domain/unit';
import { INDICATORS } from '../../../../shared/reference/indicators';
import { isUnitSurveyTitle } from '../../../../shared/reference/survey-kind';
import { VARDCENTRAL_INDICATORS } from '../../../../shared/reference/vardcentral-indicators';

const t = translator('sv');

/** What each count message says it counts, as the catalogue's noun. */
const NOUN: Record<string, string> = {
  count_people: 'svarande',
  count_assessments: 'bedömningar',
  count_calls: 'samtal',
};

describe('how a measure reads (the content script’s copy of the catalogues’ rules)', () => {
  it('counts what the vårdcentral catalogue says each measure counts', () => {
    expect(VARDCENTRAL_INDICATORS.length).toBeGreaterThan(10);
    for (const definition of VARDCENTRAL_INDICATORS) {
      const { count } = measureOf(definition);
      expect(count, definition.id).not.toBeNull();
      expect(NOUN[count!], definition.id).toBe(definition.countNoun);
    }
    // Every exception named here is a measure of the catalogue.
    for (const id of Object.keys(COUNTED_OTHERWISE))
      expect(
        VARDCENTRAL_INDICATORS.some((d) => d.id === id),
        id,
      ).toBe(true);
  });

  it('gives the unit survey’s figures (N…) no count, and every user survey’s one', () => {
    const unitSurvey = INDICATORS.filter((d) => isUnitSurveyTitle(d.title));
    expect(unitSurvey.length).toBeGreaterThan(0);
    for (const definition of INDICATORS)
      expect(measureOf(definition).count === null, definition.id).toBe(isUnitSurveyTitle(definition.title));
  });

  it('never writes respondents beside a unit-survey figure, even when the data carries a number', () => {
    const definition = INDICATORS.find((d) => isUnitSurveyTitle(d.title))!;
    const figure = {
      value: 62,
      period: '2025',
      respondents: 53,
      missingReason: null,
      source: definition.source,
      publishedAt: null,
      comparison: { kommun: null, riket: null },
    };
    const unit = {
      indicators: [{ id: definition.id, ...figure, figures: [{ surveyUnit: null, ...figure }] }],
    } as unknown as Unit;
    const figures = indicatorFigures(unit, definition, 'sv', t);
    expect(figureSummary(figures, figures.lines[0]!, t)).toBe('62\u00a0%');
    expect(figures.lines[0]!.count).toBeNull();
  });

  it('writes a 0–1 mean with two decimals, a share with at most one', () => {
    const mean = VARDCENTRAL_INDICATORS.find((d) => d.unit === 'mean')!;
    expect(measureOf(mean)).toMatchObject({ decimals: 2, fixedDecimals: true, scale: { min: 0, max: 1 } });
    expect(formatNumber(0.8, 'sv', 2, true)).toBe('0,80');
    expect(formatNumber(0.825, 'en', 2, true)).toBe('0.83');
    expect(formatNumber(77.25, 'sv')).toBe('77,3');
    expect(formatNumber(77, 'sv')).toBe('77');
  });
});

describe('English labels and explanations', () => {
  it('has our own English label and explanation for every indicator of both catalogues', async () => {
    const { EN } = await import('../../../../extension/core/ui/i18n-en');
    const messages = EN as Record<string, string | undefined>;
    const all = [...INDICATORS, ...VARDCENTRAL_INDICATORS];
    expect(all.length).toBeGreaterThan(30);
    const missing = all.flatMap((d) =>
      [`label_${d.id}`, `explain_${d.id}`].filter((key) => !messages[key]?.trim()),
    );
    expect(missing).toEqual([]);
    // English, not the Swedish copied over: no explanation is the catalogue's own text.
    for (const d of all) expect(messages[`explain_${d.id}`], d.id).not.toBe(d.description);
  });

  it('looks up the English explanation of any indicator in English mode, the Swedish one in Swedish', async () => {
    const { EN } = await import('../../../../extension/core/ui/i18n-en');
    const en = translator('en', EN);
    for (const d of [...INDICATORS, ...VARDCENTRAL_INDICATORS]) {
      expect(indicatorExplanation(d, en, 'en'), d.id).toEqual({ text: EN[`explain_${d.id}`], sv: false });
      expect(indicatorExplanation(d, t, 'sv'), d.id).toEqual({ text: d.description, sv: false });
    }
  });
});
