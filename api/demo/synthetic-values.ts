import { huvudmanKind, KOLADA_RIKET, koladaIdForRegion, type Service } from '../../shared/domain';
import { indicatorsFor } from '../../shared/reference';

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
}

export const DEMO_PERIOD = '2025';

/**
 * Invented survey figures for demo units and their kommun/riket comparison. About one figure in
 * ten has too few respondents and one in twelve is missing, so the demo shows how gaps look.
 */
export function syntheticValues(
  demoUnits: readonly { id: string; huvudman: string; service: string }[],
): SyntheticValue[] {
  const values: SyntheticValue[] = [];
  const areas = new Set<string>();
  for (const unit of demoUnits) {
    for (const indicator of indicatorsFor(unit.service as Service)) {
      const random = mulberry32(seedOf(`${unit.id}|${indicator.id}`));
      const roll = random();
      if (roll < 0.08) continue; // no data for this unit and period
      const respondents = roll < 0.18 ? 4 + Math.floor(random() * 5) : 15 + Math.floor(random() * 90);
      values.push({
        indicatorId: indicator.id,
        scope: 'unit',
        subject: unit.id,
        period: DEMO_PERIOD,
        value: respondents < 10 ? null : 55 + Math.round(random() * 43),
        respondents,
      });
      areas.add(`${unit.huvudman}|${indicator.id}`);
    }
  }
  for (const key of areas) {
    const [huvudman, indicatorId] = key.split('|') as [string, string];
    const random = mulberry32(seedOf(key));
    const isRegion = huvudmanKind(huvudman) === 'region';
    values.push({
      indicatorId,
      scope: isRegion ? 'region' : 'kommun',
      subject: isRegion ? koladaIdForRegion(huvudman) : huvudman,
      period: DEMO_PERIOD,
      value: 70 + Math.round(random() * 20),
      respondents: null,
    });
    values.push({
      indicatorId,
      scope: 'riket',
      subject: KOLADA_RIKET,
      period: DEMO_PERIOD,
      value: 80 + Math.round(mulberry32(seedOf(indicatorId))() * 10),
      respondents: null,
    });
  }
  return values;
}
