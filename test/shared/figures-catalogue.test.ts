import { describe, expect, it } from 'vitest';
import { indicatorDefinition } from '../../shared/domain/indicator';
import { INDICATORS } from '../../shared/reference';
import {
  koladaComparisonKpi,
  VARDCENTRAL_DEFAULT_INDICATOR,
  VARDCENTRAL_INDICATORS,
} from '../../shared/reference/vardcentral-indicators';
import { VARDCENTRAL_SOURCES } from '../../shared/reference/vardcentral-sources';

describe('the vårdcentral indicator catalogue', () => {
  it('holds valid indicator definitions with unique ids that are not Kolada KPI ids', () => {
    for (const indicator of VARDCENTRAL_INDICATORS) {
      expect(indicatorDefinition.parse(indicator)).toMatchObject({
        id: indicator.id,
        service: 'vardcentral',
      });
      expect(indicator.id).toMatch(/^[a-z][a-z0-9_]+$/);
    }
    const ids = VARDCENTRAL_INDICATORS.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => INDICATORS.some((k) => k.id === id))).toEqual([]);
  });

  it('covers the measures of the brief: every survey dimension of both generations and both waiting-time shares', () => {
    expect(VARDCENTRAL_INDICATORS.map((i) => i.id)).toEqual([
      'npe_vard_och_behandling_medel',
      'npe_delaktighet_medel',
      'npe_bemotande_medel',
      'npe_kontinuitet_medel',
      'npe_information_medel',
      'npe_tillganglighet_medel',
      'npe_helhetsintryck_andel',
      'npe_emotionellt_stod_andel',
      'npe_delaktighet_och_involvering_andel',
      'npe_respekt_och_bemotande_andel',
      'npe_kontinuitet_och_koordinering_andel',
      'npe_information_och_kunskap_andel',
      'npe_tillganglighet_andel',
      'npe_svarsfrekvens',
      'vantetider_medicinsk_bedomning_3_dagar',
      'vantetider_telefon_samma_dag',
    ]);
  });

  it('keeps the two survey generations apart: means on 0-1 from 2025, shares in percent up to 2024', () => {
    for (const indicator of VARDCENTRAL_INDICATORS.filter((i) => i.id.endsWith('_medel'))) {
      expect(indicator).toMatchObject({ unit: 'mean', scale: { min: 0, max: 1 }, years: { from: 2025 } });
    }
    for (const indicator of VARDCENTRAL_INDICATORS.filter((i) => i.id.endsWith('_andel'))) {
      expect(indicator).toMatchObject({
        unit: 'percent',
        scale: { min: 0, max: 100 },
        years: { until: 2024 },
        kolada: [],
      });
    }
  });

  it('has one default for the badge, the one named, and states each threshold with its reason', () => {
    expect(VARDCENTRAL_INDICATORS.filter((i) => i.isDefault).map((i) => i.id)).toEqual([
      VARDCENTRAL_DEFAULT_INDICATOR,
    ]);
    for (const indicator of VARDCENTRAL_INDICATORS) {
      expect(indicator.minCount).toBeGreaterThanOrEqual(10);
      expect(indicator.thresholdNote).toMatch(/\d+/);
      expect(indicator.description.length).toBeGreaterThan(80);
      expect(Object.keys(VARDCENTRAL_SOURCES)).toContain(indicator.source.id);
    }
    expect(VARDCENTRAL_INDICATORS.filter((i) => i.minCount === 20).map((i) => i.source.id)).toEqual([
      'vantetider',
      'vantetider',
    ]);
  });

  it('pairs a Kolada region KPI of the same measure only for the years it covers, and only for whole years', () => {
    expect(koladaComparisonKpi('npe_vard_och_behandling_medel', '2025')).toBe('N78110');
    expect(koladaComparisonKpi('npe_tillganglighet_medel', '2026')).toBe('N78115');
    expect(koladaComparisonKpi('npe_svarsfrekvens', '2023')).toBe('N79545');
    expect(koladaComparisonKpi('npe_svarsfrekvens', '2025')).toBe('N78116');
    expect(koladaComparisonKpi('vantetider_medicinsk_bedomning_3_dagar', '2025')).toBe('N79173');
    expect(koladaComparisonKpi('vantetider_medicinsk_bedomning_3_dagar', '2025-10')).toBeNull();
    expect(koladaComparisonKpi('npe_helhetsintryck_andel', '2023')).toBeNull();
    expect(koladaComparisonKpi('okänd', '2025')).toBeNull();
  });
});
