import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createMatcher, MATCH_REASONS, type MatchCandidate, type MatchResult } from '../../shared/matching';
import { MAX_MATCH_WORK } from '../../shared/matching/limits';
import { createTestDb, testApp } from '../api/helpers';
import { ADVERSARIAL_SHAPES, adversarialTexts, benchmarkUnits } from '../fixtures/matching/workload';
import { HOSTILE_STRINGS, hostileString, outcome } from './hostile';
import { tally } from './tally';

/**
 * The matcher under adversarial input (issue 16): long words, many words, repeated letters, long
 * Unicode, in texts and in the names of a register. It must answer every text, stay within its work
 * bound per text and per build, and never name a unit it was not given.
 */

const letters = fc.constantFrom(...'aeiouåäöbcdfgklmnrstvxz');
const longWord = fc
  .integer({ min: 30, max: 2_000 })
  .chain((n) => fc.string({ unit: letters, minLength: n, maxLength: n }));
const manyWords = fc
  .array(fc.string({ unit: letters, minLength: 1, maxLength: 14 }), { minLength: 10, maxLength: 200 })
  .map((words) => words.join(' '));
const repeated = fc
  .tuple(
    fc.constantFrom('a', 'ab', 'aaaa ', 'ö', 'e\u0301', '- ', ', ', '\t', '\n', '0'),
    fc.integer({ min: 1, max: 3_000 }),
  )
  .map(([unit, n]) => unit.repeat(n));
const unicode = fc.string({ unit: 'grapheme', minLength: 50, maxLength: 600 });
const nameLike = fc
  .array(
    fc.constantFrom(
      'Attendo',
      'Omsorg',
      'AB',
      'ek.',
      'för.',
      'kommun',
      'Norrköpings',
      'telefon',
      '011-12 34 56',
      '–',
      '|',
    ),
    {
      maxLength: 30,
    },
  )
  .map((w) => w.join(' '));
const adversarialText = fc.oneof(longWord, manyWords, repeated, unicode, nameLike, hostileString);
const context = fc.constantFrom(undefined, 'provider-list', 'running-text', 'chrome') as fc.Arbitrary<
  'provider-list' | 'running-text' | 'chrome' | undefined
>;

function kindOf(text: string): string {
  if (text.length > 1_000) return 'longer than 1,000 characters';
  if (text.split(/\s+/).length > 16) return 'more than 16 words';
  return 'other';
}

function checkResult(result: MatchResult, text: string, units: readonly MatchCandidate[]): void {
  expect(result.text).toBe(text);
  expect(MATCH_REASONS).toContain(result.reason);
  expect(result.score).toBeGreaterThanOrEqual(0);
  expect(result.score).toBeLessThanOrEqual(1);
  const ids = new Set(units.map((u) => u.id));
  if (result.unit) expect(ids.has(result.unit.id)).toBe(true);
  if (result.group) {
    expect(result.reason).toBe('shared_name');
    expect(result.unit).toBeNull();
    expect(result.group.length).toBeGreaterThanOrEqual(2);
    for (const u of result.group) expect(ids.has(u.id)).toBe(true);
  } else {
    expect(result.reason).not.toBe('shared_name');
  }
}

describe('fuzzing the matcher with adversarial texts', () => {
  const units = benchmarkUnits();
  const matcher = createMatcher(units, { huvudman: '0180', contextNames: ['Stockholm'] });

  it('answers every text, within its work bound per text, the same each time', () => {
    fc.assert(
      fc.property(adversarialText, context, (text, where) => {
        const before = matcher.work().match;
        const first = matcher.match(text, { context: where });
        const used = matcher.work().match - before;
        tally('matcher: adversarial texts', kindOf(text), first.reason);
        checkResult(first, text, units);
        expect(used).toBeLessThanOrEqual(MAX_MATCH_WORK + 100);
        expect(matcher.match(text, { context: where })).toEqual(first);
      }),
      { numRuns: 400 },
    );
  });

  it('answers the known hostile strings and every adversarial shape', () => {
    const texts = [
      ...HOSTILE_STRINGS,
      ...ADVERSARIAL_SHAPES.flatMap((shape) => adversarialTexts(units, shape, 20)),
    ];
    for (const result of matcher.matchAll(texts, { context: 'provider-list' })) {
      checkResult(result, result.text, units);
    }
  });
});

describe('fuzzing the matcher with adversarial registers', () => {
  const unitName = fc.oneof(longWord, manyWords, repeated, unicode, nameLike, hostileString);
  const register = fc.array(fc.record({ name: unitName, aliases: fc.array(unitName, { maxLength: 3 }) }), {
    minLength: 1,
    maxLength: 12,
  });

  it('builds any list at a bounded cost per name, and matches its texts within the bound', () => {
    fc.assert(
      fc.property(register, fc.array(adversarialText, { maxLength: 5 }), (rows, texts) => {
        const units: MatchCandidate[] = rows.map((r, i) => ({ id: `u${i}`, huvudman: '0581', ...r }));
        const names = rows.reduce((n, r) => n + 1 + r.aliases.length, 0);
        const m = createMatcher(units, { huvudman: '0581', contextNames: ['Norrköping'] });
        // At most 16 words per name, each with at most 37 typo forms, and its written-together pairs.
        expect(m.work().build).toBeLessThanOrEqual(names * 16 * 40);
        for (const text of [...texts, ...rows.map((r) => r.name)]) {
          const before = m.work().match;
          checkResult(m.match(text, { context: 'provider-list' }), text, units);
          expect(m.work().match - before).toBeLessThanOrEqual(MAX_MATCH_WORK + 100);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('POST /v1/match with adversarial names', async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  const db = await createTestDb({ demo: true });
  const app = testApp(db, { RATE_LIMIT_PER_MINUTE: 0 });
  const post = (names: string[]) =>
    app.request('/v1/match', {
      method: 'POST',
      body: JSON.stringify({ huvudman: '0581', service: 'hemtjanst', names }),
      headers: { 'Content-Type': 'application/json' },
    });
  const units = benchmarkUnits();

  it.each(ADVERSARIAL_SHAPES)('500 names of the shape "%s": 200, one answer per name', async (shape) => {
    const names = adversarialTexts(units, shape).map((n) => n.slice(0, 300));
    const res = await post(names);
    tally('POST /v1/match: 500 adversarial names', shape, outcome(res.status));
    expect(res.status).toBe(200);
    const { matches } = (await res.json()) as { matches: MatchResult[] };
    expect(matches.map((m) => m.text)).toEqual(names);
    for (const m of matches) expect(MATCH_REASONS).toContain(m.reason);
  });

  it('random adversarial names: 200 or a clear 400, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(adversarialText, { minLength: 1, maxLength: 40 }), async (names) => {
        const res = await post(names);
        const tooLong = names.some((n) => n.length > 300);
        tally(
          'POST /v1/match: random adversarial names',
          tooLong ? 'a name over 300 characters' : 'all within 300',
          outcome(res.status),
        );
        expect(res.status).toBe(tooLong ? 400 : 200);
      }),
      { numRuns: 60 },
    );
  });
});
