import { describe, expect, it } from 'vitest';
import {
  comparisonForm,
  createMatcher,
  type MatchCandidate,
  type MatchOptions,
  namePart,
} from '../../shared/matching';
import { evaluate, loadLabelledSets, namedIds, TEXT_CLASSES } from '../fixtures/matching/benchmark';

// Real names from dated public sources (Norrköping 2018, VGR c. 2015) plus invented ones.
const norrkoping: MatchCandidate[] = [
  ['egen', 'Norrköpings kommun (kommunal hemtjänst)'],
  ['adeocare', 'Adeocare AB'],
  ['aleris', 'Aleris Omsorg AB'],
  ['auxilia', 'Auxilia Hemtjänst AB'],
  ['genuin', 'Genuin Omsorg Sverige AB'],
  ['vionord', 'Vionord Omsorg & Service'],
  ['inspirera', 'Inspirera Hemtjänst AB'],
  ['qvimo', 'QviMo AB'],
  ['norr', 'Hemtjänst Norr AB'],
  ['attendo', 'Attendo Sverige AB'],
].map(([id, name]) => ({ id: id!, huvudman: '0581', service: 'hemtjanst', name: name! }));
const inNorrkoping: MatchOptions = { huvudman: '0581', contextNames: ['Norrköping', 'Norrköpings kommun'] };

const vgr: MatchCandidate[] = [
  { id: 'eriksberg', huvudman: '14', name: 'Vårdcentralen Eriksberg', hsaId: 'SE2321000131-E000000008388' },
  { id: 'bjurslatt', huvudman: '14', name: 'Vårdcentralen Bjurslätt', hsaId: 'SE2321000131-E000000001708' },
  { id: 'lundby', huvudman: '14', name: 'Capio Vårdcentral Lundby' },
  { id: 'hovas', huvudman: '14', name: 'Capio Vårdcentral Hovås' },
  { id: 'majorna', huvudman: '14', name: 'Närhälsan Majorna vårdcentral', registerId: 'vgr-17' },
];

function matchIn(candidates: readonly MatchCandidate[], options: MatchOptions, text: string) {
  return createMatcher(candidates, options).match(text);
}
const unitFor = (text: string, options = inNorrkoping) => matchIn(norrkoping, options, text).unit?.id ?? null;

describe('comparisonForm', () => {
  it('ignores case, whitespace, punctuation and hyphens', () => {
    expect(comparisonForm('  VIONORD   Omsorg,  Service. ')).toBe('vionord omsorg service');
    expect(comparisonForm('Vård- och omsorgsteamet')).toBe('vard och omsorgsteamet');
  });

  it('writes "&", "+" and "o" as "och"', () => {
    expect(comparisonForm('Vionord Omsorg & Service')).toBe('vionord omsorg och service');
    expect(comparisonForm('Lugn o Ro')).toBe('lugn och ro');
    expect(comparisonForm('Hem+Vård')).toBe('hem och vard');
  });

  it('drops legal forms wherever they stand', () => {
    expect(comparisonForm('Auxilia Hemtjänst AB')).toBe('auxilia hemtjanst');
    expect(comparisonForm('AB Solom')).toBe('solom');
    expect(comparisonForm('Din dag HB')).toBe('din dag');
    expect(comparisonForm('Aleris Omsorg Aktiebolag (publ)')).toBe('aleris omsorg');
    expect(comparisonForm('Tanaad kooperative multi tjänster, ekonomisk förening')).toBe(
      'tanaad kooperative multi tjanster',
    );
    expect(comparisonForm('Tanaad Ek. för.')).toBe('tanaad');
  });

  it('folds diacritics for comparison and keeps apostrophes inside a word', () => {
    expect(comparisonForm('Österängsgården')).toBe('osterangsgarden');
    expect(comparisonForm('Linnégården')).toBe('linnegarden');
    expect(comparisonForm("Camilla's hemtjänst")).toBe('camillas hemtjanst');
  });

  it('is idempotent', () => {
    const once = comparisonForm('Ek. för. ek för Vård o. Omsorg & Co AB');
    expect(comparisonForm(once)).toBe(once);
  });
});

describe('matching the names on real pages (the examples of issue 4)', () => {
  it('reads "och" as "&"', () => {
    expect(unitFor('Vionord Omsorg och Service')).toBe('vionord');
  });

  it('forgives a misspelt word', () => {
    expect(unitFor('Auxilia Hemjänst AB')).toBe('auxilia');
    expect(unitFor('Insprera Hemtjänst AB')).toBe('inspirera');
  });

  it('finds a legal name from its brand', () => {
    expect(unitFor('Attendo')).toBe('attendo');
    expect(unitFor('Aleris')).toBe('aleris');
  });

  it('reads the genitive and the definite form: "Eriksbergs vårdcentral" is "Vårdcentralen Eriksberg"', () => {
    const m = createMatcher(vgr, { huvudman: '14' });
    expect(m.match('Eriksbergs vårdcentral').unit?.id).toBe('eriksberg');
    expect(m.match('VC Eriksberg').unit?.id).toBe('eriksberg');
    expect(m.match('Bjurslätts vårdcentral').unit?.id).toBe('bjurslatt');
  });

  it('reads the genitive of a short name too, where typo tolerance does not reach', () => {
    const m = createMatcher([{ id: 'eken', huvudman: '1290', name: 'Eken Omsorg AB' }], { huvudman: '1290' });
    expect(m.match('Ekens omsorg').unit?.id).toBe('eken');
    expect(m.match('Odens omsorg').unit).toBeNull();
  });

  it('ignores word order, capitals, a missing AB and words written together or apart', () => {
    expect(unitFor('hemtjänst auxilia')).toBe('auxilia');
    expect(unitFor('GENUIN OMSORG SVERIGE')).toBe('genuin');
    expect(unitFor('Adeo Care')).toBe('adeocare');
    expect(unitFor('Qvimo')).toBe('qvimo');
  });

  it('accepts extra words that only qualify the name', () => {
    expect(unitFor('Vionord Omsorg & Service – hemtjänst i centrum')).toBe('vionord');
    expect(unitFor('Auxilia Hemtjänst AB (privat utförare)')).toBe('auxilia');
  });

  it('finds the kommun’s own unit under the names a listing gives it', () => {
    expect(unitFor('Norrköpings kommun hemtjänst')).toBe('egen');
    expect(unitFor('Kommunens hemtjänst')).toBe('egen');
    expect(unitFor('Kommunal hemtjänst')).toBe('egen');
  });

  it('says why: name, alias, ids', () => {
    const m = createMatcher(
      [
        ...vgr,
        {
          id: 'kungshojd',
          huvudman: '14',
          name: 'Närhälsan Kungshöjd vårdcentral',
          aliases: ['Kungshöjdskliniken'],
        },
      ],
      { huvudman: '14' },
    );
    expect(m.match('Vårdcentralen Hjällbo')).toMatchObject({ unit: null, reason: 'below_threshold' });
    expect(m.match('Capio Lundby')).toMatchObject({
      unit: { id: 'lundby', name: 'Capio Vårdcentral Lundby' },
      reason: 'name',
    });
    expect(m.match('Kungshöjdskliniken')).toMatchObject({ unit: { id: 'kungshojd' }, reason: 'alias' });
  });
});

describe('ids come before names', () => {
  const m = createMatcher(vgr, { huvudman: '14' });

  it('an HSA id on the page decides, whatever the text says', () => {
    expect(m.match('Bjurslätt', { hsaId: 'SE2321000131-E000000008388' })).toMatchObject({
      unit: { id: 'eriksberg' },
      score: 1,
      reason: 'hsa_id',
    });
    expect(m.match(' se2321000131-e000000008388 ').unit?.id).toBe('eriksberg');
  });

  it('a register id (or the unit id) decides too', () => {
    expect(m.match('', { registerId: 'vgr-17' })).toMatchObject({
      unit: { id: 'majorna' },
      reason: 'register_id',
    });
    expect(m.match('', { registerId: 'lundby' })).toMatchObject({
      unit: { id: 'lundby' },
      reason: 'register_id',
    });
  });

  it('a unit whose HSA id differs from the page’s is not matched by its name', () => {
    const otherId = { hsaId: 'SE2321000131-E000000007860' };
    expect(m.match('Vårdcentralen Eriksberg', otherId).unit).toBeNull();
    // A unit without an HSA id on record can still be named.
    expect(m.match('Capio Vårdcentral Lundby', otherId).unit?.id).toBe('lundby');
  });
});

describe('conservative: no match rather than a wrong one', () => {
  it.each([
    'Välj utförare',
    'Utförare av hemtjänst',
    'Eget val inom hemtjänsten',
    'Privata utförare',
    'Kommunal utförare',
    'Kontakta oss',
    'Läs mer',
    'Senast uppdaterad 2018-02-27',
    '011-15 00 00',
    '27 februari 2018',
    'Hemtjänst',
    'Omsorg och service',
    'Norrköping',
  ])('no unit for the page text %j', (text) => {
    expect(unitFor(text)).toBeNull();
  });

  it('"Hemtjänst i Norrköping" is not "Hemtjänst Norr AB": generic words and the kommun’s name are no identity', () => {
    expect(unitFor('Hemtjänst i Norrköping')).toBeNull();
    expect(unitFor('Hemtjänst Norr AB')).toBe('norr');
  });

  it('an everyday word alone ("Norr") needs the whole name around it', () => {
    expect(unitFor('Norr')).toBeNull();
    expect(unitFor('Hemtjänst Norr')).toBe('norr');
  });

  it('a place that only qualifies a name, or a landskap, is not enough on its own', () => {
    const linkoping = [
      { id: 'ryd', huvudman: '0580', name: 'Hemtjänst i Ryd AB' },
      { id: 'nordic', huvudman: '0580', name: 'Nordic Homecare Östergötland AB' },
    ];
    const m = createMatcher(linkoping, { huvudman: '0580' });
    expect(m.match('Ryd').unit).toBeNull();
    expect(m.match('Hemtjänst i Ryd').unit?.id).toBe('ryd');
    expect(m.match('Östergötland').unit).toBeNull();
    expect(m.match('Nordic Homecare Östergötland').unit?.id).toBe('nordic');
  });

  it('the kommun’s name alone is a page header, not its own unit', () => {
    expect(matchIn(norrkoping, inNorrkoping, 'Norrköpings kommun').unit).toBeNull();
  });

  it('names of other kommuners’ providers find nothing', () => {
    for (const text of ['Carema Äldreomsorg AB', 'HSB Omsorg', 'Aktiv omsorg i Stockholm AB', 'Vardaga']) {
      expect(unitFor(text)).toBeNull();
    }
  });

  it('a text that shares only its brand word with a unit, and says something else, is not that unit', () => {
    const huddinge = [{ id: 'hsb', huvudman: '0126', name: 'HSB Omsorg' }];
    expect(matchIn(huddinge, { huvudman: '0126' }, 'HSB Omsorg AB').unit?.id).toBe('hsb');
    expect(matchIn(huddinge, { huvudman: '0126' }, 'HSB Bostad').unit).toBeNull();
  });

  it('answers "ambiguous" when two units fit about equally well', () => {
    // The same provider in two choice systems, and a caller that did not say which service.
    const two = [
      { id: 'ht', huvudman: '0581', service: 'hemtjanst', name: 'Aleris Omsorg AB' },
      { id: 'sabo', huvudman: '0581', service: 'sarskilt_boende', name: 'Aleris Omsorg AB' },
    ];
    expect(matchIn(two, { huvudman: '0581' }, 'Aleris Omsorg')).toMatchObject({
      unit: null,
      reason: 'ambiguous',
    });
    expect(matchIn(two, { huvudman: '0581', service: 'hemtjanst' }, 'Aleris Omsorg').unit?.id).toBe('ht');
  });

  it('a brand two units share does not pick one of them; the rest of the name does', () => {
    const two = [
      { id: 'a', huvudman: '0581', name: 'Attendo Hemtjänst Norr' },
      { id: 'b', huvudman: '0581', name: 'Attendo Hemtjänst Syd' },
    ];
    expect(matchIn(two, { huvudman: '0581' }, 'Attendo hemtjänst').unit).toBeNull();
    expect(matchIn(two, { huvudman: '0581' }, 'Attendo Hemtjänst Syd').unit?.id).toBe('b');
  });

  it('a chain’s brand shared by several units cannot pick one of them', () => {
    const m = createMatcher(vgr, { huvudman: '14' });
    expect(m.match('Capio').unit).toBeNull();
    expect(m.match('Lundby vårdcentral').unit?.id).toBe('lundby');
  });

  it('does not stretch typo tolerance to short words', () => {
    const m = createMatcher([{ id: 'nord', huvudman: '0581', name: 'Omsorg Nord AB' }], { huvudman: '0581' });
    expect(m.match('Omsorg Nord').unit?.id).toBe('nord');
    expect(m.match('Omsorg Norr').unit).toBeNull();
  });

  it('a name made only of generic words and the kommun’s name cannot be told from a heading: give it an alias', () => {
    const nacka = [{ id: 'nht', huvudman: '0182', name: 'Nacka Hemtjänst AB', aliases: ['NHT Omsorg'] }];
    const options = { huvudman: '0182', contextNames: ['Nacka', 'Nacka kommun'] };
    expect(matchIn(nacka, options, 'Hemtjänst i Nacka').unit).toBeNull();
    expect(matchIn(nacka, options, 'NHT Omsorg')).toMatchObject({ unit: { id: 'nht' }, reason: 'alias' });
  });

  it('the strict preset (for the Kolada sync) wants more of the name', () => {
    expect(unitFor('Vionord')).toBe('vionord');
    expect(unitFor('Vionord', { ...inNorrkoping, strict: true })).toBeNull();
    expect(unitFor('Vionord Omsorg & Service AB', { ...inNorrkoping, strict: true })).toBe('vionord');
  });
});

describe('one huvudman at a time', () => {
  const furubo = (huvudman: string, service?: string): MatchCandidate => ({
    id: `furubo-${huvudman}-${service ?? 'any'}`,
    huvudman,
    service,
    name: 'Furubo Hemtjänst AB',
  });

  it('never matches a unit of another huvudman, even under the same name (Habo 0643, Håbo 0305)', () => {
    const both = [
      furubo('0643'),
      furubo('0305'),
      { id: 'balsta', huvudman: '0305', name: 'Bålsta Hemtjänst AB' },
    ];
    expect(matchIn(both, { huvudman: '0643' }, 'Furubo Hemtjänst AB').unit?.id).toBe('furubo-0643-any');
    expect(matchIn(both, { huvudman: '0305' }, 'Furubo Hemtjänst AB').unit?.id).toBe('furubo-0305-any');
    expect(matchIn(both, { huvudman: '0643' }, 'Bålsta Hemtjänst AB').unit).toBeNull();
  });

  it('says "no_candidates" when the huvudman has no units', () => {
    expect(matchIn(norrkoping, { huvudman: '0114' }, 'Vionord')).toMatchObject({
      unit: null,
      reason: 'no_candidates',
    });
  });

  it('keeps to one service when asked, and to units that name none', () => {
    const units = [furubo('0643', 'sarskilt_boende'), { ...furubo('0643'), id: 'no-service' }];
    const m = createMatcher(units, { huvudman: '0643', service: 'hemtjanst' });
    expect(m.match('Furubo Hemtjänst').unit?.id).toBe('no-service');
    const boende = createMatcher([furubo('0643', 'sarskilt_boende')], {
      huvudman: '0643',
      service: 'hemtjanst',
    });
    expect(boende.match('Furubo Hemtjänst').reason).toBe('no_candidates');
  });

  it('matchAll answers each text in order', () => {
    const results = createMatcher(norrkoping, inNorrkoping).matchAll(['Aleris', 'Läs mer', 'QviMo']);
    expect(results.map((r) => [r.text, r.unit?.id ?? null])).toEqual([
      ['Aleris', 'aleris'],
      ['Läs mer', null],
      ['QviMo', 'qvimo'],
    ]);
  });
});

describe('namePart: the name in a listing that carries more', () => {
  it.each([
    ['Attendo Sverige AB, telefon 018-444 20 00', 'Attendo Sverige AB'],
    ['Attendo Sverige AB Tel. 018-444 20 00', 'Attendo Sverige AB'],
    ['Attendo Sverige AB 018-444 20 00', 'Attendo Sverige AB'],
    ['Attendo Sverige AB +46 18 444 20 00', 'Attendo Sverige AB'],
    ['Attendo Sverige AB\tCentrum, Söder\tService och omvårdnad\t018-444 20 00', 'Attendo Sverige AB'],
    ['Attendo Sverige AB | Centrum | 018-444 20 00', 'Attendo Sverige AB'],
    ['Attendo\nVi erbjuder hemtjänst i hela kommunen.', 'Attendo'],
    ['Attendo Sverige AB. Vi erbjuder hemtjänst i hela kommunen.', 'Attendo Sverige AB'],
    ['Lindra Hemtjänst – idéburen hemtjänst som drivs av medlemmarna sedan 1994', 'Lindra Hemtjänst'],
    ['Kvarnbäckens Vård & Omsorg, Storgatan 12, 702 10 Örebro', 'Kvarnbäckens Vård & Omsorg'],
    ['Lindra ek. för. E-post: kontakt@lindra.example', 'Lindra ek. för.'],
    ['Lindra info@lindra.example', 'Lindra'],
    ['Medivida www.medivida.example', 'Medivida'],
    ['Vårdcentralen Kungsbacka, öppet 8–17', 'Vårdcentralen Kungsbacka'],
  ])('%j -> %j', (text, name) => {
    expect(namePart(text)).toBe(name);
  });

  it.each([
    'Vionord Omsorg & Service – hemtjänst i centrum',
    'Almgården, Tollarp',
    '035 Hemtjänst',
    'Alfa med Hjärtat – hemtjänst i Laholm',
    'Tanaad Ek. för.',
  ])('keeps a name with its qualifiers as it is: %j', (text) => {
    expect(namePart(text)).toBe(text);
  });

  it('reads line breaks and tabs of the source formatting inside one name as spaces', () => {
    expect(namePart('Vivilu\n\t\themvård AB')).toBe('Vivilu\n\t\themvård AB');
    expect(namePart(' vivilu \t hemvård \t ab ')).toBe('vivilu \t hemvård \t ab');
  });

  it('lets match find a name that a phone number follows (more digits than letters)', () => {
    expect(unitFor('Qvimo 011-12 34 56 78')).toBe('qvimo');
    expect(unitFor('011-12 34 56')).toBeNull();
  });
});

describe('where a text sits: provider list, running text, chrome', () => {
  const inList = { context: 'provider-list' } as const;
  const m = createMatcher(
    norrkoping.map((u) => ({ ...u, regi: u.id === 'egen' ? 'egen_regi' : 'privat' })),
    inNorrkoping,
  );

  it("an item of the provider list that names only the kommun is the kommun's own unit", () => {
    for (const text of [
      'Norrköpings kommun',
      'Kommunen',
      'Kommunens hemtjänst',
      'Norrköpings kommun Vård och omsorg',
    ]) {
      expect(m.match(text, inList).unit?.id, text).toBe('egen');
    }
    expect(m.match('Norrköpings kommun', inList).reason).toBe('egen_regi');
  });

  it('the same text on page chrome or in running text names nothing', () => {
    for (const context of ['chrome', 'running-text'] as const) {
      for (const text of ['Norrköpings kommun', 'Kommunens hemtjänst', 'Hemtjänst i Norrköpings kommun']) {
        expect(m.match(text, { context }), `${text} (${context})`).toMatchObject({
          unit: null,
          reason: 'kommun_only',
        });
      }
    }
  });

  it('without a context, as before: the kommun’s name alone is a header', () => {
    expect(m.match('Norrköpings kommun').unit).toBeNull();
  });

  it('"Hemtjänst i Norrköping" names a place, not the kommun as provider, even in a list', () => {
    expect(m.match('Hemtjänst i Norrköping', inList).unit).toBeNull();
  });

  it('several own units: the kommun’s name alone is ambiguous; their own words tell them apart', () => {
    const gavle = ['Norr', 'Söder'].map((a) => ({
      id: a,
      huvudman: '2180',
      name: `Gävle kommun hemtjänst ${a}`,
      regi: null,
    }));
    const options = { huvudman: '2180', contextNames: ['Gävle', 'Gävle kommun'] };
    const g = createMatcher(gavle, options);
    expect(g.match('Gävle kommun', inList)).toMatchObject({ unit: null, reason: 'ambiguous' });
    expect(g.match('Gävle kommun, hemtjänst Söder', inList).unit?.id).toBe('Söder');
  });

  it('regi decides who is the kommun’s own; without it, only a name that names the kommun does', () => {
    const units = [
      { id: 'forv', huvudman: '1380', name: 'Vård- och omsorgsförvaltningen', regi: 'egen_regi' },
      { id: 'ht', huvudman: '1380', name: 'Halmstads Hemtjänst AB', regi: null },
    ];
    const h = createMatcher(units, { huvudman: '1380', contextNames: ['Halmstad', 'Halmstads kommun'] });
    expect(h.match('Halmstads kommun', inList).unit?.id).toBe('forv');
    // A company's whole name, legal form and all, is that company; the kommun's name alone could be either.
    expect(h.match('Halmstads Hemtjänst AB', inList).unit?.id).toBe('ht');
    expect(h.match('Halmstad', inList)).toMatchObject({ unit: null, reason: 'ambiguous' });
  });

  it('a chain’s brand listed once names all its units as a group, only in a provider list', () => {
    const units = ['Centrum', 'Väster'].map((a) => ({
      id: a,
      huvudman: '1880',
      name: `Solvita Omsorg ${a} AB`,
    }));
    const s = createMatcher(units, { huvudman: '1880' });
    expect(s.match('Solvita', inList)).toMatchObject({
      unit: null,
      reason: 'shared_name',
      group: [
        { id: 'Centrum', name: 'Solvita Omsorg Centrum AB' },
        { id: 'Väster', name: 'Solvita Omsorg Väster AB' },
      ],
    });
    expect(s.match('Solvita Omsorg Väster', inList).unit?.id).toBe('Väster');
    expect(s.match('Solvita Norr', inList).group).toBeUndefined();
    expect(s.match('Solvita').group).toBeUndefined();
  });

  it('a place two providers share is no brand: no group', () => {
    const v = createMatcher(vgr, { huvudman: '14' });
    const lundby = [...vgr, { id: 'nh-lundby', huvudman: '14', name: 'Närhälsan Lundby vårdcentral' }];
    expect(
      createMatcher(lundby, { huvudman: '14' }).match('Lundby vårdcentral', inList).group,
    ).toBeUndefined();
    expect(v.match('Capio', inList).group?.map((u) => u.id)).toEqual(['hovas', 'lundby']);
  });

  it('short forms that only one unit fits stand alone in a provider list', () => {
    const varmdo = [
      { id: 'aktiv', huvudman: '0120', name: 'Aktiv omsorg i Stockholm AB' },
      { id: 'dindag', huvudman: '0120', name: 'Din dag HB' },
    ];
    const v = createMatcher(varmdo, { huvudman: '0120' });
    expect(v.match('Aktiv omsorg', inList)).toMatchObject({ unit: { id: 'aktiv' }, reason: 'short_form' });
    expect(v.match('Aktiv omsorg').unit).toBeNull();
    expect(v.match('Aktiv', inList).unit).toBeNull();
    const other = createMatcher([...varmdo, { id: 'aktiva', huvudman: '0120', name: 'Aktiv Vardag AB' }], {
      huvudman: '0120',
    });
    expect(other.match('Aktiv omsorg', inList).unit).toBeNull();
  });

  it('a first word in the genitive is no brand on its own: "Oskarshamn" is a town', () => {
    const k = createMatcher(
      [
        { id: 'oskar', huvudman: '08', name: 'Oskarshamns Läkargrupp AB' },
        { id: 'kry', huvudman: '08', name: 'Kry Vårdcentral Kalmar' },
      ],
      { huvudman: '08' },
    );
    expect(k.match('Oskarshamn', inList).unit).toBeNull();
    expect(k.match('Oskarshamns Läkargrupp', inList).unit?.id).toBe('oskar');
    expect(k.match('Kry', inList).unit?.id).toBe('kry');
  });

  it('a unit whose name is empty or blank gets no score, and spoils no other answer', () => {
    const units = [
      { id: 'blank', huvudman: '0581', name: '', aliases: ['Attendo ek.'] },
      { id: 'spaces', huvudman: '0581', name: '   ' },
    ];
    const matcher = createMatcher(units, { huvudman: '0581' });
    for (const context of [undefined, 'provider-list'] as const) {
      expect(Number.isFinite(matcher.match('Attendo', { context }).score)).toBe(true);
    }
    expect(matcher.match('Attendo', { context: 'provider-list' })).toMatchObject({
      unit: { id: 'blank' },
      reason: 'short_form',
    });
  });

  it('a text that names several providers is no listing of one', () => {
    expect(m.match('Adeocare Aleris Auxilia Genuin Vionord', inList)).toMatchObject({
      unit: null,
      reason: 'ambiguous',
    });
  });
});

describe('the labelled benchmark (test/fixtures/matching)', () => {
  const sets = loadLabelledSets();

  it('is big enough to mean something: several lists, hundreds of texts, distractors included', () => {
    const texts = sets.flatMap((s) => s.texts);
    expect(sets.length).toBeGreaterThanOrEqual(8);
    expect(texts.length).toBeGreaterThanOrEqual(300);
    expect(texts.filter((t) => t.expected === null).length).toBeGreaterThanOrEqual(100);
  });

  it('meets the targets: precision 1.000 and recall >= 0.97, over all lists and on the held-out lists alone', () => {
    const all = evaluate(sets);
    const heldOut = evaluate(sets.filter((s) => s.part === 'held-out'));
    const show = (ms: typeof all.misses) =>
      ms
        .map((m) => `${m.text} [${m.context}] -> ${namedIds(m.got).join('|') || null} (${m.expected})`)
        .join('; ');
    for (const e of [all, heldOut]) {
      expect(e.precision, show(e.misses.filter((m) => m.outcome === 'wrong'))).toBe(1);
      expect(e.recall, show(e.misses.filter((m) => m.outcome === 'missed'))).toBeGreaterThanOrEqual(0.97);
    }
  });

  it('every failure class has labelled texts, with distractors, in the tuning and the held-out lists', () => {
    const e = evaluate(sets);
    for (const c of TEXT_CLASSES) expect(e.perClass[c].expected, c).toBeGreaterThanOrEqual(8);
    for (const part of ['tuning', 'held-out'] as const) {
      const texts = sets.filter((s) => s.part === part).flatMap((s) => s.texts);
      expect(new Set(texts.map((t) => t.class)), part).toEqual(
        new Set(['egen_regi', 'extra_text', 'short_form', 'shared_name', 'base']),
      );
      expect(
        texts.filter((t) => t.context === 'chrome' && t.expected === null).length,
      ).toBeGreaterThanOrEqual(3);
    }
  });

  it('the strict preset is never less precise, and still finds most names', () => {
    const { precision, recall } = evaluate(sets, true);
    expect(precision).toBe(1);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
