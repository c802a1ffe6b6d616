import { describe, expect, it } from 'vitest';
import { createMatcher, type MatchCandidate } from '../../shared/matching';
import { MAX_MATCH_WORK } from '../../shared/matching/limits';
import {
  ADVERSARIAL_SHAPES,
  adversarialTexts,
  benchmarkUnits,
  CONTEXT_NAMES,
  HUVUDMAN,
  realisticTexts,
} from '../fixtures/matching/workload';

// The matcher counts its work (words read, typo forms, edit-distance cells, name words scored), so
// these bounds are deterministic: no timing here (bench/match.ts prints times, side by side).
const units = benchmarkUnits();
const options = { huvudman: HUVUDMAN, contextNames: CONTEXT_NAMES };

function workOf(texts: readonly string[], candidates: readonly MatchCandidate[] = units) {
  const matcher = createMatcher(candidates, options);
  const perText = texts.map((text) => {
    const before = matcher.work().match;
    matcher.match(text, { context: 'provider-list' });
    return matcher.work().match - before;
  });
  return { total: matcher.work().match, max: Math.max(...perText) };
}

describe('the cost of matching (issue 16)', () => {
  const realistic = workOf(realisticTexts(units));

  it('counts real work for realistic texts', () => {
    expect(realistic.total).toBeGreaterThan(500 * 5);
  });

  it.each(ADVERSARIAL_SHAPES)(
    '500 texts of the shape "%s" cost at most 12 times 500 realistic ones',
    (shape) => {
      const adversarial = workOf(adversarialTexts(units, shape));
      expect(adversarial.total).toBeLessThanOrEqual(12 * realistic.total);
      expect(adversarial.max).toBeLessThanOrEqual(MAX_MATCH_WORK + 100);
    },
  );

  it('500 adversarial texts of every shape together cost at most 4 times 500 realistic ones', () => {
    const mixed = ADVERSARIAL_SHAPES.flatMap((shape) => adversarialTexts(units, shape, 84)).slice(0, 500);
    expect(workOf(mixed).total).toBeLessThanOrEqual(4 * realistic.total);
  });

  it('a misspelt word costs the same whatever its length: typo forms come from its first letters', () => {
    const long = (n: number) => `Q${'uxilibrat'.repeat(20).slice(0, n - 1)}`;
    const list = (n: number): MatchCandidate[] => [
      ...units,
      { id: 'long', huvudman: HUVUDMAN, name: `${long(n)} Omsorg AB` },
    ];
    // One letter changed near the end: only typo tolerance finds it.
    const misspelt = (n: number) => `${long(n).slice(0, n - 2)}x${long(n).slice(n - 1)} Omsorg`;
    const cost = (n: number) => workOf([misspelt(n)], list(n)).total;
    expect(cost(30)).toBeLessThanOrEqual(2 * cost(12));
    const found = (n: number) => createMatcher(list(n), options).match(misspelt(n)).unit?.id;
    expect(found(12)).toBe('long');
    expect(found(30)).toBe('long');
    // Beyond MAX_TYPO_WORD letters a word matches exactly only: no provider's word is that long.
    expect(found(60)).toBeUndefined();
    expect(createMatcher(list(60), options).match(`${long(60)} Omsorg`).unit?.id).toBe('long');
  });

  it('refuses unread what no listing name is: too many characters or words', () => {
    const matcher = createMatcher(units, options);
    expect(matcher.match('x'.repeat(5_000_000)).reason).toBe('too_long');
    expect(matcher.match(Array(40).fill('ord').join(' ')).reason).toBe('too_long');
    expect(matcher.work().match).toBeLessThan(100);
  });

  it('a list with pathological names builds at about the cost of a normal list', () => {
    const normal = createMatcher(units, options).work().build;
    const pathological: MatchCandidate[] = units.map((u, i) => {
      switch (i % 6) {
        case 0:
          return { ...u, name: `${'Lång'.repeat(375)} Omsorg AB` }; // one 1,500-letter word
        case 1:
          return { ...u, name: Array.from({ length: 200 }, (_, k) => `Ordet${k}x`).join(' ') };
        case 2:
          return { ...u, aliases: Array.from({ length: 10_000 }, (_, k) => `${u.name} ${k}`) };
        case 3:
          return { ...u, name: 'a'.repeat(300) };
        case 4:
          return {
            ...u,
            name: Array.from({ length: 16 }, (_, k) => `Varianto${k}abcdefghijklmnop`).join(' '),
          };
        default:
          return u;
      }
    });
    pathological.push({ id: 'huge', huvudman: HUVUDMAN, name: 'Ö'.repeat(4 * 1024 * 1024) });
    const matcher = createMatcher(pathological, options);
    expect(matcher.work().build).toBeLessThanOrEqual(10 * normal);
    // The list still works for its ordinary names.
    const ordinary = pathological[5]!;
    expect(matcher.match(ordinary.name).unit?.id).toBe(ordinary.id);
  });
});
