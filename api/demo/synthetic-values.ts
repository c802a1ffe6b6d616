import {
  huvudmanKind,
  type IndicatorDefinition,
  KOLADA_RIKET,
  koladaIdForRegion,
  MIN_RESPONDENTS,
  type Service,
} from '../../shared/domain';
import { indicatorsFor } from '../../shared/reference';
import { VARDCENTRAL_INDICATORS } from '../../shared/reference/vardcentral-indicators';

/** A small deterministic PRNG, so the demo looks the same on every machine. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export interface SyntheticValue {
  indicatorId: string;
  scope: 'unit' | 'kommun' | 'region' | 'riket';
  subject: string;
  period: string;
  value: number | null;
  respondents: number | null;
  publishedAt: string;
  confidenceInterval: { low: number; high: number } | null;
}

/** The survey year of the demo's figures. */
export const DEMO_PERIOD = '2025';

/**
 * The period a demo figure of the indicator covers, and when it was "published": the demo year, except
 * for a measure of an older survey generation (the patient survey's shares, 2015-2024: its last odd-year
 * round) and for medical assessment within three days, which Väntetider i vården publishes per month.
 */
function periodOf(indicator: IndicatorDefinition): { period: string; publishedAt: string } {
  const rules = VARDCENTRAL_INDICATORS.find((i) => i.id === indicator.id);
  const until = rules?.years.until;
  if (until != null && until < Number(DEMO_PERIOD)) {
    const year = until % 2 === 1 ? until : until - 1;
    return { period: String(year), publishedAt: `${year + 1}-03-14` };
  }
  if (indicator.id === 'vantetider_medicinsk_bedomning_3_dagar') {
    return { period: `${DEMO_PERIOD}-10`, publishedAt: `${DEMO_PERIOD}-11-15` };
  }
  if (indicator.service === 'vardcentral') {
    return { period: DEMO_PERIOD, publishedAt: `${Number(DEMO_PERIOD) + 1}-03-14` };
  }
  return { period: DEMO_PERIOD, publishedAt: `${DEMO_PERIOD}-10-15` };
}

/** Below this count a figure is withheld: the catalogue's threshold for a vårdcentral measure, else MIN_RESPONDENTS. */
function thresholdOf(indicator: IndicatorDefinition): number {
  return VARDCENTRAL_INDICATORS.find((i) => i.id === indicator.id)?.minCount ?? MIN_RESPONDENTS;
}

/** A value on the indicator's scale from a number in [0, 1): a mean with two decimals, a share in whole percent. */
function onScale(indicator: IndicatorDefinition, low: number, high: number, random: number): number {
  const { min, max } = indicator.scale;
  const value = min + (max - min) * (low + (high - low) * random);
  return indicator.unit === 'mean' ? Math.round(value * 100) / 100 : Math.round(value);
}

/**
 * Invented figures for demo units and their kommun's or region's and the country's comparison. Whether a
 * figure has a count is the indicator's own (`countNoun`: the same rule the sync uses, the KPI catalogue's
 * title, so the unit survey, answered by a manager, never gets "53 svar"); what it counts and the
 * threshold below which it is withheld are the indicator's too. About one figure in ten with a count is
 * below the threshold and one in twelve is missing, so the demo shows how gaps look.
 */
export function syntheticValues(
  demoUnits: readonly { id: string; huvudman: string; service: string }[],
): SyntheticValue[] {
  const values: SyntheticValue[] = [];
  const areas = new Map<string, IndicatorDefinition>();
  for (const unit of demoUnits) {
    for (const indicator of indicatorsFor(unit.service as Service)) {
      const random = mulberry32(seedOf(`${unit.id}|${indicator.id}`));
      const roll = random();
      if (roll < 0.08) continue; // no data for this unit and period
      const threshold = thresholdOf(indicator);
      const counted = indicator.countNoun !== null;
      const large = indicator.countNoun === 'svarande' ? 15 + Math.floor(random() * 190) : 0;
      const respondents = !counted
        ? null
        : roll < 0.18
          ? Math.max(1, threshold - 1 - Math.floor(random() * 5))
          : indicator.countNoun === 'svarande'
            ? Math.max(threshold, large)
            : 120 + Math.floor(random() * 900);
      const withheld = respondents !== null && respondents < threshold;
      const value = withheld ? null : onScale(indicator, 0.55, 0.98, random());
      const spread = indicator.unit === 'mean' ? 0.03 : null;
      values.push({
        indicatorId: indicator.id,
        scope: 'unit',
        subject: unit.id,
        ...periodOf(indicator),
        value,
        respondents,
        confidenceInterval:
          value !== null && spread !== null
            ? {
                low: Math.max(indicator.scale.min, Math.round((value - spread) * 100) / 100),
                high: Math.min(indicator.scale.max, Math.round((value + spread) * 100) / 100),
              }
            : null,
      });
      areas.set(`${unit.huvudman}|${indicator.id}`, indicator);
    }
  }
  for (const [key, indicator] of areas) {
    const [huvudman] = key.split('|') as [string];
    const random = mulberry32(seedOf(key));
    const isRegion = huvudmanKind(huvudman) === 'region';
    const when = periodOf(indicator);
    values.push({
      indicatorId: indicator.id,
      scope: isRegion ? 'region' : 'kommun',
      subject: isRegion ? koladaIdForRegion(huvudman) : huvudman,
      ...when,
      value: onScale(indicator, 0.7, 0.9, random()),
      respondents: null,
      confidenceInterval: null,
    });
    values.push({
      indicatorId: indicator.id,
      scope: 'riket',
      subject: KOLADA_RIKET,
      ...when,
      value: onScale(indicator, 0.8, 0.9, mulberry32(seedOf(indicator.id))()),
      respondents: null,
      confidenceInterval: null,
    });
  }
  return values;
}
