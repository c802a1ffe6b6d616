import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparisonForm, createMatcher, type MatchCandidate, namePart } from '../../shared/matching';
import { allowedEdits, editDistance } from '../../shared/matching/distance';
import { Kind } from '../../shared/matching/lexicon';
import { dropLegalForms } from '../../shared/matching/normalise';
import { Vocabulary } from '../../shared/matching/vocabulary';
import { WorkMeter } from '../../shared/matching/work';

// Modest run counts: the machine is shared and these run on every `npm test`.
const runs = { numRuns: 150 };

// Invented brands from syllables that spell no Swedish word the matcher knows, so that a brand is
// always a telling word; names are then built like real ones around it.
const syllable = fc.constantFrom('ka', 'lu', 'mo', 'ri', 'zel', 'to', 'vi', 'bex', 'qu', 'dra', 'fen', 'ul');
const brand = fc.array(syllable, { minLength: 2, maxLength: 3 }).map((s) => s.join(''));
const trade = fc.constantFrom('', ' Omsorg', ' Hemtjänst', ' Vård & Omsorg', ' Omsorg & Service', ' hemvård');
const area = fc.constantFrom('', '', ' Norr', ' Söder', ' i Centrum');
const legal = fc.constantFrom('', ' AB', ' HB');
const nameWith = (b: string, t: string, a: string, l: string) =>
  `${b[0]!.toUpperCase()}${b.slice(1)}${t}${a}${l}`;
const name = fc.tuple(brand, trade, area, legal).map(([b, t, a, l]) => nameWith(b, t, a, l));

/** Units of one huvudman whose brands all differ. */
const unitList = (huvudman: string) =>
  fc
    .uniqueArray(fc.tuple(brand, trade, area, legal), { minLength: 1, maxLength: 12, selector: ([b]) => b })
    .map((rows) =>
      rows.map(
        ([b, t, a, l], i): MatchCandidate => ({
          id: `${huvudman}-${i}`,
          huvudman,
          name: nameWith(b, t, a, l),
        }),
      ),
    );

/** The same text as a careless page might write it: case, spacing, "och" for "&", a trailing AB. */
const rewrite = (text: string) =>
  fc
    .record({
      upper: fc.array(fc.boolean(), { minLength: text.length, maxLength: text.length }),
      spaces: fc.constantFrom(' ', '  ', '\u00a0', ' \t '),
      och: fc.boolean(),
      ab: fc.boolean(),
    })
    .map(({ upper, spaces, och, ab }) => {
      const cased = [...text].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join('');
      const spaced = ` ${cased.replace(/ /g, spaces)} `;
      const joined = och ? spaced.replace(/&/g, 'och') : spaced.replace(/\boch\b/gi, '&');
      return ab ? `${joined.replace(/\s+ab\s*$/i, '')} AB` : joined;
    });

describe('comparisonForm', () => {
  it('is idempotent on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const once = comparisonForm(text);
        expect(comparisonForm(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent on name-like text (legal forms, "o", punctuation, Swedish letters)', () => {
    const piece = fc.constantFrom(
      'AB',
      'ab',
      'HB',
      'Ek.',
      'för.',
      'ekonomisk',
      'förening',
      'o',
      '&',
      '+',
      '-',
      ',',
      "'",
      'Vård',
      'ÅÄÖ',
      'Linnégården',
      'ﬁ',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 10 }), (pieces) => {
        const once = comparisonForm(pieces.join(' '));
        expect(comparisonForm(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});

describe('createMatcher', () => {
  it('gives a unit’s own name that unit, when no other unit shares its brand', () => {
    fc.assert(
      fc.property(unitList('0581'), fc.nat(), (units, pick) => {
        const unit = units[pick % units.length]!;
        expect(createMatcher(units, { huvudman: '0581' }).match(unit.name).unit?.id).toBe(unit.id);
      }),
      runs,
    );
  });

  it('answers the same under changes of case, whitespace, "&"/"och" and a trailing AB', () => {
    const scenario = unitList('0581').chain((units) =>
      fc.nat().chain((pick) => {
        const original = units[pick % units.length]!.name;
        return fc.tuple(fc.constant(units), fc.constant(original), rewrite(original));
      }),
    );
    fc.assert(
      fc.property(scenario, ([units, original, rewritten]) => {
        const matcher = createMatcher(units, { huvudman: '0581' });
        const [a, b] = [matcher.match(original), matcher.match(rewritten)];
        expect({ unit: b.unit, reason: b.reason }).toEqual({ unit: a.unit, reason: a.reason });
        expect(b.score).toBeCloseTo(a.score, 9);
      }),
      runs,
    );
  });

  it('never returns a unit of another huvudman, whatever the text', () => {
    const everyone = fc
      .tuple(unitList('0643'), unitList('0305'), unitList('14'))
      .map((lists) => lists.flat().map((u, i) => ({ ...u, id: `${u.id}-${i}` })));
    const scenario = everyone.chain((units) =>
      fc.tuple(
        fc.constant(units),
        fc.constantFrom('0643', '0305', '14', '0581'),
        fc.oneof(fc.constantFrom(...units.map((u) => u.name)), name),
      ),
    );
    fc.assert(
      fc.property(scenario, ([units, huvudman, text]) => {
        const { unit } = createMatcher(units, { huvudman }).match(text);
        if (unit) expect(units.find((u) => u.id === unit.id)?.huvudman).toBe(huvudman);
      }),
      runs,
    );
  });

  it('never turns a right answer into a wrong one when an unrelated unit is added', () => {
    // Unrelated: a unit of another huvudman, or one whose brand uses none of the list's syllables.
    const foreignBrand = fc
      .array(fc.constantFrom('xo', 'py', 'wu', 'ja', 'hy'), { minLength: 2, maxLength: 3 })
      .map((s) => s.join(''));
    const unrelated = fc
      .tuple(foreignBrand, trade, area, legal, fc.constantFrom('0581', '0180'))
      .map(
        ([b, t, a, l, huvudman]): MatchCandidate => ({ id: 'added', huvudman, name: nameWith(b, t, a, l) }),
      );
    // A text written for one unit of the list: its name as a page might write it, or its brand alone.
    const scenario = unitList('0581').chain((units) =>
      fc.nat().chain((pick) => {
        const source = units[pick % units.length]!;
        const text = fc.oneof(rewrite(source.name), fc.constant(source.name.split(' ')[0]!));
        return fc.tuple(fc.constant(units), fc.constant(source), text, unrelated);
      }),
    );
    fc.assert(
      fc.property(scenario, ([units, source, text, added]) => {
        const before = createMatcher(units, { huvudman: '0581' }).match(text);
        const after = createMatcher([...units, added], { huvudman: '0581' }).match(text);
        if (before.unit?.id === source.id) expect([source.id, undefined]).toContain(after.unit?.id);
        if (added.huvudman !== '0581') expect(after).toEqual(before);
      }),
      runs,
    );
  });
});

/** The full optimal-string-alignment distance, computed the plain way, as a reference. */
function fullDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** Removes legal forms the way the first version did: passes until nothing changes. */
function dropLegalFormsByPasses(input: string[]): string[] {
  const single = new Set(['ab', 'hb', 'kb', 'publ', 'ekfor', 'aktiebolag', 'aktiebolaget']);
  const pairs = new Map([
    ['ek', 'for'],
    ['ekonomisk', 'forening'],
    ['ekonomiska', 'foreningen'],
    ['enskild', 'firma'],
  ]);
  let tokens = input;
  for (;;) {
    const kept: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (single.has(tokens[i]!)) continue;
      const second = pairs.get(tokens[i]!);
      if (second !== undefined && second === tokens[i + 1]) {
        i++;
        continue;
      }
      kept.push(tokens[i]!);
    }
    if (kept.length === tokens.length) return kept;
    tokens = kept;
  }
}

describe('the parts the cost bounds rest on', () => {
  const small = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 12 });

  it('the banded edit distance is the full distance, capped at max + 1', () => {
    fc.assert(
      fc.property(small, small, fc.constantFrom(0, 1, 2), (a, b, max) => {
        expect(editDistance(a, b, max)).toBe(Math.min(fullDistance(a, b), max + 1));
      }),
      { numRuns: 1000 },
    );
  });

  const edit = (word: string) =>
    fc
      .array(
        fc.tuple(
          fc.constantFrom('sub', 'ins', 'del', 'swap'),
          fc.nat(),
          fc.constantFrom(...'abcdefgklmnoprstu'),
        ),
        {
          minLength: 1,
          maxLength: 2,
        },
      )
      .map((edits) =>
        edits.reduce((w, [kind, at, letter]) => {
          const i = at % Math.max(w.length, 1);
          if (kind === 'sub') return w.slice(0, i) + letter + w.slice(i + 1);
          if (kind === 'ins') return w.slice(0, i) + letter + w.slice(i);
          if (kind === 'del') return w.slice(0, i) + w.slice(i + 1);
          return i + 1 < w.length ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w;
        }, word),
      );

  it('the typo index finds every word within the allowed edits, whatever its length', () => {
    const word = fc.string({ unit: fc.constantFrom(...'abcdefgklmnoprstu'), minLength: 5, maxLength: 32 });
    const scenario = fc
      .tuple(word, fc.array(word, { maxLength: 20 }))
      .chain(([target, others]) => fc.tuple(fc.constant(target), fc.constant(others), edit(target)));
    fc.assert(
      fc.property(scenario, ([target, others, typed]) => {
        const vocabulary = new Vocabulary(new WorkMeter());
        for (const [i, w] of [target, ...others].entries()) vocabulary.add(w, Kind.distinct, i, i, true);
        const allowed = allowedEdits(Math.min(target.length, typed.length));
        if (fullDistance(target, typed) > allowed || vocabulary.ids.has(typed)) return;
        const found = vocabulary.find(typed, true, new WorkMeter()).map((h) => vocabulary.terms[h.term]);
        expect(found).toContain(target);
      }),
      { numRuns: 1000 },
    );
  });

  it('removes legal forms in one pass exactly as repeated passes do', () => {
    const token = fc.constantFrom(
      'ab',
      'ek',
      'for',
      'ekonomisk',
      'forening',
      'enskild',
      'firma',
      'vard',
      'omsorg',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 14 }), (tokens) => {
        expect(dropLegalForms(tokens)).toEqual(dropLegalFormsByPasses(tokens));
      }),
      { numRuns: 1000 },
    );
  });

  it('namePart is idempotent, and a phone, cells, an e-mail or a description after a name change nothing', () => {
    const tail = fc.constantFrom(
      ', telefon 019-55 12 34',
      ' Tel. 08-123 45 67',
      '\tCentrum, Väster\tService och omvårdnad\t019-55 12 34',
      '\nVi erbjuder hemtjänst med omtanke i hela kommunen.',
      '. Vi har funnits sedan 2009 och har ett trettiotal medarbetare.',
      ' info@exempel.example',
      ' | Storgatan 12 | 702 10 Örebro',
      ' – vi finns för dig som bor i centrala staden och vill ha hjälp hemma',
    );
    const scenario = unitList('0581').chain((units) =>
      fc
        .tuple(fc.constant(units), fc.nat(), tail)
        .map(([u, pick, t]) => [u, u[pick % u.length]!.name, t] as const),
    );
    fc.assert(
      fc.property(scenario, ([units, unitName, t]) => {
        const text = `${unitName}${t}`;
        expect(namePart(namePart(text))).toBe(namePart(text));
        const matcher = createMatcher(units, { huvudman: '0581' });
        expect(matcher.match(text, { context: 'provider-list' }).unit).toEqual(
          matcher.match(unitName, { context: 'provider-list' }).unit,
        );
      }),
      runs,
    );
  });
});
