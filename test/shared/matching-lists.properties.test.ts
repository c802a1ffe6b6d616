import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparisonForm, createMatcher, type MatchCandidate } from '../../shared/matching';

// The rules for the kommun's own provider, short forms and shared names (issues 11 and 12), as
// properties over invented kommuner and lists. Modest run counts: these run on every `npm test`.
const runs = { numRuns: 150 };

// Kommun names from parts that spell no word the matcher knows and no provider brand below.
const kommunName = fc
  .tuple(
    fc.constantFrom('Sund', 'Berg', 'Holm', 'Vik', 'Tors', 'Lin', 'Gnes', 'Alv'),
    fc.constantFrom('by', 'ås', 'sala', 'köping', 'inge', 'sta', 'red', 'ö'),
  )
  .map(([a, b]) => a + b);
const genitive = (name: string) => (/[sx]$/.test(name) ? name : `${name}s`);

/** Every way a page writes the kommun as a provider, or as its own header. */
const kommunForm = (name: string) =>
  fc.constantFrom(
    name,
    `${name} kommun`,
    `${genitive(name)} kommun`,
    `${genitive(name).toUpperCase()} KOMMUN`,
    `${genitive(name)} kommuns hemtjänst`,
    `${name} kommun Vård och omsorg`,
    `${genitive(name)} kommun (egen regi)`,
    `${genitive(name)} kommun, hemtjänst i egen regi`,
    'Kommunen',
    'Kommunens hemtjänst',
    'kommunens egen hemtjänst',
    'Kommunal hemtjänst',
    'Egen regi',
    'Hemtjänst – egen regi',
  );

// Provider brands from syllables no kommun name above uses.
const syllable = fc.constantFrom('ka', 'lu', 'mo', 'ri', 'zel', 'to', 'vi', 'bex', 'qu', 'dra', 'fen', 'ul');
const brand = fc
  .array(syllable, { minLength: 2, maxLength: 3 })
  .map((s) => s.join(''))
  .map((b) => b[0]!.toUpperCase() + b.slice(1));
const trade = fc.constantFrom(' Omsorg', ' Hemtjänst', ' Vård & Omsorg', ' Omsorg & Service', '');
const legal = fc.constantFrom(' AB', ' HB', '');
const privateUnits = fc
  .uniqueArray(fc.tuple(brand, trade, legal), { minLength: 0, maxLength: 8, selector: ([b]) => b })
  .map((rows) =>
    rows.map(
      ([b, t, l], i): MatchCandidate => ({
        id: `p${i}`,
        huvudman: '2999',
        name: `${b}${t}${l}`,
        regi: i % 2 ? 'privat' : 'ideburen',
      }),
    ),
  );

/** The kommun's own unit as registers name it: by the kommun, by its förvaltning, with or without regi. */
const ownUnit = (name: string) =>
  fc
    .tuple(
      fc.constantFrom(
        `${genitive(name)} kommun (kommunal hemtjänst)`,
        `${name} kommun hemtjänst`,
        'Vård- och omsorgsförvaltningen, hemtjänst',
        `${genitive(name)} kommun, Äldreomsorg egen regi`,
      ),
      fc.boolean(),
    )
    .map(
      ([unitName, withRegi]): MatchCandidate => ({
        id: 'own',
        huvudman: '2999',
        name: unitName,
        // Without regi (a Kolada baseline unit), only a name that is the kommun's can say it.
        regi: withRegi || unitName.startsWith('Vård') ? 'egen_regi' : null,
      }),
    );

const scenario = kommunName.chain((name) =>
  fc.record({
    name: fc.constant(name),
    own: ownUnit(name),
    others: privateUnits,
    text: kommunForm(name),
  }),
);
const optionsFor = (name: string) => ({ huvudman: '2999', contextNames: [name, `${genitive(name)} kommun`] });

describe("the kommun's own provider", () => {
  it('chrome and running text never name a unit with the kommun’s name alone', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.constantFrom('chrome', 'running-text') as fc.Arbitrary<'chrome'>,
        (s, where) => {
          const matcher = createMatcher([s.own, ...s.others], optionsFor(s.name));
          const result = matcher.match(s.text, { context: where });
          expect(result.unit).toBeNull();
          expect(result.group).toBeUndefined();
          expect(result.reason).toBe('kommun_only');
        },
      ),
      runs,
    );
  });

  it('a provider list always finds the one own unit, for any form of the kommun’s name', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const matcher = createMatcher([...s.others, s.own], optionsFor(s.name));
        expect(matcher.match(s.text, { context: 'provider-list' }).unit?.id).toBe('own');
      }),
      runs,
    );
  });

  it('with two own units (areas), the kommun’s name alone names neither', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const areas = ['Norr', 'Söder'].map(
          (a): MatchCandidate => ({
            id: `own-${a}`,
            huvudman: '2999',
            name: `Hemtjänst ${a}`,
            regi: 'egen_regi',
          }),
        );
        const matcher = createMatcher([...areas, ...s.others], optionsFor(s.name));
        expect(matcher.match(s.text, { context: 'provider-list' }).unit).toBeNull();
      }),
      runs,
    );
  });

  it('a private unit never answers for the kommun, even named after it', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.constantFrom(undefined, 'provider-list') as fc.Arbitrary<undefined>,
        (s, where) => {
          const namesake: MatchCandidate = {
            id: 'namesake',
            huvudman: '2999',
            name: `${genitive(s.name)} Hemtjänst AB`,
            regi: 'privat',
          };
          const result = createMatcher([namesake, ...s.others], optionsFor(s.name)).match(s.text, {
            context: where,
          });
          expect(result.unit?.id).not.toBe('namesake');
          expect(result.unit).toBeNull();
        },
      ),
      runs,
    );
  });
});

describe('a chain’s brand listed once', () => {
  const area = fc.constantFrom('Norr', 'Söder', 'Centrum', 'Väster', 'Öster', 'Lillån', 'Ekbacken', 'Strand');
  const chainScenario = fc.record({
    brand,
    areas: fc.uniqueArray(area, { minLength: 2, maxLength: 4 }),
    others: privateUnits,
    extra: fc.constantFrom('', ' Omsorg', ' hemtjänst', ' AB', ' Omsorg AB'),
  });
  const listOf = (s: { brand: string; areas: string[]; others: MatchCandidate[] }) => [
    ...s.others.filter((u) => !u.name.startsWith(s.brand)),
    ...s.areas.map(
      (a, i): MatchCandidate => ({ id: `c${i}`, huvudman: '2999', name: `${s.brand} Omsorg ${a} AB` }),
    ),
  ];

  it('names every unit that shares the brand, and only those, in a provider list', () => {
    fc.assert(
      fc.property(chainScenario, (s) => {
        const list = listOf(s);
        const result = createMatcher(list, { huvudman: '2999' }).match(`${s.brand}${s.extra}`, {
          context: 'provider-list',
        });
        expect(result.unit).toBeNull();
        expect(result.reason).toBe('shared_name');
        expect(result.group?.map((u) => u.id).sort()).toEqual(s.areas.map((_, i) => `c${i}`).sort());
      }),
      runs,
    );
  });

  it('never groups units whose names lack a brand or place word of the text', () => {
    const word = fc.constantFrom(
      'Omsorg',
      'hemtjänst',
      'Norr',
      'Söder',
      'Lillån',
      'Ekbacken',
      'Strand',
      'AB',
    );
    fc.assert(
      fc.property(chainScenario, fc.array(word, { maxLength: 3 }), (s, words) => {
        const list = listOf(s);
        const text = [s.brand, ...words].join(' ');
        const result = createMatcher(list, { huvudman: '2999' }).match(text, { context: 'provider-list' });
        const telling = ['Norr', 'Söder', 'Lillån', 'Ekbacken', 'Strand'].filter((w) =>
          (words as string[]).includes(w),
        );
        for (const member of result.group ?? []) {
          const memberWords = comparisonForm(member.name).split(' ');
          for (const w of [s.brand, ...telling]) expect(memberWords).toContain(comparisonForm(w));
        }
      }),
      runs,
    );
  });

  it('gives no group outside a provider list', () => {
    fc.assert(
      fc.property(
        chainScenario,
        fc.constantFrom(undefined, 'running-text', 'chrome') as fc.Arbitrary<undefined>,
        (s, where) => {
          const result = createMatcher(listOf(s), { huvudman: '2999' }).match(s.brand, { context: where });
          expect(result.group).toBeUndefined();
          expect(result.unit).toBeNull();
        },
      ),
      runs,
    );
  });
});

describe('a provider list with an unrelated unit added', () => {
  it('never turns an answer (a unit or a group) into another one', () => {
    const foreign = fc
      .array(fc.constantFrom('xo', 'py', 'wu', 'ja', 'hy'), { minLength: 2, maxLength: 3 })
      .map((s) => s.join(''))
      .map(
        (b): MatchCandidate => ({
          id: 'added',
          huvudman: '2999',
          name: `${b[0]!.toUpperCase()}${b.slice(1)} Omsorg AB`,
        }),
      );
    const text = (s: { name: string; others: MatchCandidate[] }) =>
      fc.oneof(
        kommunForm(s.name),
        fc.constantFrom(...s.others.map((u) => u.name), 'Omsorg', 'Hemtjänst'),
        fc.constantFrom(...s.others.map((u) => u.name.split(' ')[0]!), 'Läs mer'),
      );
    const withText = scenario.chain((s) => fc.tuple(fc.constant(s), text(s), foreign));
    fc.assert(
      fc.property(withText, ([s, t, added]) => {
        const list = [s.own, ...s.others];
        const answer = (units: MatchCandidate[]) => {
          const r = createMatcher(units, optionsFor(s.name)).match(t, { context: 'provider-list' });
          return r.unit?.id ?? r.group?.map((u) => u.id).join('|') ?? null;
        };
        const before = answer(list);
        const after = answer([...list, added]);
        if (before !== null) expect([before, null]).toContain(after);
        expect(after).not.toBe('added');
      }),
      runs,
    );
  });
});
