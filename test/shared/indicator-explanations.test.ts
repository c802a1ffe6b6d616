import { describe, expect, it } from 'vitest';
import { countIsRespondents, INDICATORS } from '../../shared/reference/indicators';
import koladaKpis from '../../shared/reference/kolada-kpis.json';
import { isUnitSurveyTitle } from '../../shared/reference/survey-kind';
import { VARDCENTRAL_INDICATORS } from '../../shared/reference/vardcentral-indicators';
import { createTestDb, json, testApp } from '../api/helpers';

const kolada = koladaKpis as Record<string, { title: string; description: string }>;

describe('every indicator explains itself in plain Swedish (issue 13 §5)', () => {
  it("serves our explanation, not Kolada's definition, saying what was asked and who answered", () => {
    for (const indicator of INDICATORS) {
      const text = indicator.description;
      expect(text, indicator.id).not.toBe(kolada[indicator.id]?.description.replace(/\s+/g, ' ').trim());
      expect(text.length, indicator.id).toBeLessThan(600);
      if (isUnitSurveyTitle(indicator.title)) {
        // No one who gets help answered the unit survey: the text says so, and so does the count rule.
        expect(text, indicator.id).toContain('enhetens chef');
        expect(text, indicator.id).toContain('inget antal svarande');
        expect(countIsRespondents(indicator.id), indicator.id).toBe(false);
      } else {
        expect(text, indicator.id).toMatch(/^Andel av dem som svarade/);
        expect(text, indicator.id).toContain('Frågan');
        expect(text, indicator.id).toContain('65 år och äldre');
        expect(countIsRespondents(indicator.id), indicator.id).toBe(true);
      }
    }
  });

  it('has one explanation per indicator, none shared by two', () => {
    const all = [...INDICATORS, ...VARDCENTRAL_INDICATORS].map((i) => i.description);
    expect(new Set(all).size).toBe(all.length);
  });

  it('is what the API serves as each definition’s description', async () => {
    const db = await createTestDb({ demo: true });
    const list = await json<{ indicators: { id: string; description: string }[] }>(
      testApp(db).request('/v1/kommuner/0581/units?service=hemtjanst'),
    );
    expect(list.indicators.length).toBeGreaterThan(0);
    for (const served of list.indicators)
      expect(served.description, served.id).toBe(INDICATORS.find((i) => i.id === served.id)?.description);
  });
});
