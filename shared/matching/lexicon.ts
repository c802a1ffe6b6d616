/**
 * How much a word says about which provider a text means. Order matters: the first three can anchor
 * a match (at least one of them must be found), the rest only add or withhold weight.
 */
export const Kind = {
  /** A word that is not in the lexicon: a brand, a person's or a place's name ("Vionord", "Eriksberg"). */
  distinct: 0,
  /** Everyday words that many unrelated companies use ("Trygg", "Aktiv", "Din"). */
  common: 1,
  /** The kommun or region as provider: "kommun", "kommunal", "kommunens", "egen regi". */
  owner: 2,
  /** Words for the service, the trade or the country ("hemtjänst", "omsorg", "vård", "Sverige"). */
  generic: 3,
  /** The kommun's own name: every text on its pages is "in" it. */
  context: 4,
  /** Prepositions, conjunctions and page words ("i", "och", "av", "läs", "mer"). */
  stop: 5,
} as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

/**
 * Weight per kind, relative to a word only one unit of the list uses. Anchor words are also weighed by
 * how many units share them; the others weigh the same whatever the list.
 */
export const KIND_WEIGHT = [1, 0.5, 0.3, 0.1, 0.1, 0.02] as const;

export function isAnchor(kind: Kind): boolean {
  return kind <= Kind.owner;
}

const ROOTS = new Map<string, [string, Kind]>();
function add(kind: Kind, words: string): void {
  for (const word of words.split(' ')) {
    const [form, root = form] = word.split('=') as [string, string?];
    ROOTS.set(form, [root, kind]);
  }
}
// Diacritics are already folded here (å -> a, ö -> o). "form=root" maps a synonym onto its root.
add(
  Kind.generic,
  'hemtjanst hemvard hemsjukvard omsorg aldreomsorg omvardnad vard sjukvard service tjanst hemhjalp ' +
    'vardcentral vc=vardcentral vardcentrum halsocentral hc=halsocentral lakarhus mottagning ' +
    'boende aldreboende vardboende servicehus gruppboende demensboende sarskilt sarskild assistans personlig ' +
    'utforare foretag firma sverige norden nordic skandinavien region stad omrade grupp hemtjanstgrupp ' +
    'enhet forening stiftelse kooperativ privat egen eget egna regi care home health group ' +
    // Trades (often sold as RUT services): what a provider does, not who it is.
    'hemservice stadning fonsterputs tradgard tvatt hushall fysioterapi aldre',
);
// A förvaltning is a department of the kommun: "Vård- och omsorgsförvaltningen" is the kommun's own.
add(Kind.owner, 'kommun kommunal=kommun egenregi=kommun forvaltning');
add(
  Kind.common,
  'aktiv aktiva trygg trygga din dina min mina var vara dag dagen liv livet hjarta hjartat omtanke hem ' +
    'hemma nara glad glada god goda varm sol solen ljus familj familjen gladje trivsel ' +
    // Places wider than one provider: parts of town (kommuner name their own units "Hemtjänst Norr"),
    // landskap and län.
    'norr norra nord sod soder sodra syd ost oster ostra vast vaster vastra centrum centrala city ' +
    'skane blekinge halland smaland oland gotland vastergotland ostergotland bohuslan dalsland varmland ' +
    'narke vastmanland uppland sodermanland dalarna gastrikland halsingland harjedalen jamtland ' +
    'medelpad angermanland vasterbotten norrbotten lappland kronoberg gavleborg vasternorrland',
);
add(
  Kind.stop,
  'i och av for med pa till hos om vid fran inom samt eller den det de en ett som ar har oss mer las ' +
    'the and of',
);

/** Inflections tried when looking a word up: definite, plural, genitive, adjective forms. */
const SUFFIXES = [
  'ernas',
  'arnas',
  'erna',
  'arna',
  'ens',
  'ets',
  'en',
  'et',
  'er',
  'ar',
  'na',
  'a',
  'n',
  't',
  's',
];

/**
 * The lexicon root and kind of a folded word. Generic and owner words are also found inflected
 * ("omsorgen" -> omsorg, "kommunens" -> kommun) and in compounds of generic words ("omsorgsboende");
 * everyday words only as listed, so that a name such as "Solna" is not read as "sol".
 */
export function lookup(word: string): [string, Kind] | undefined {
  return root(word) ?? compound(word);
}

/**
 * Every inflected form of a generic or owner root, once: a lookup is then one or two map reads. Where
 * two roots give the same form, the earlier suffix of SUFFIXES wins, as trying them in order would.
 */
const INFLECTED = new Map<string, [string, Kind]>();
for (const suffix of SUFFIXES) {
  for (const [form, entry] of ROOTS) {
    if (entry[1] !== Kind.generic && entry[1] !== Kind.owner) continue;
    if (!INFLECTED.has(form + suffix)) INFLECTED.set(form + suffix, entry);
  }
}

/** No root with an inflection is longer than this. */
const LONGEST_FORM = Math.max(...[...ROOTS.keys(), ...INFLECTED.keys()].map((w) => w.length));

function root(word: string): [string, Kind] | undefined {
  return ROOTS.get(word) ?? INFLECTED.get(word);
}

/** "omsorgsboende", "hemtjänstföretag", "omsorgsförvaltningen": generic parts (the last may be an owner word), joined directly or with the linking -s. */
function compound(word: string): [string, Kind] | undefined {
  // Both parts are roots (the head perhaps with a linking -s): only the last LONGEST_FORM split points can work.
  if (word.length > 2 * LONGEST_FORM + 1) return undefined;
  for (let i = Math.max(3, word.length - LONGEST_FORM); i <= word.length - 3; i++) {
    const tail = root(word.slice(i));
    if (tail?.[1] !== Kind.generic && tail?.[1] !== Kind.owner) continue;
    const head = word.slice(0, i);
    const first = root(head) ?? (head.endsWith('s') ? root(head.slice(0, -1)) : undefined);
    // "omsorgsboende" is a service word; "omsorgsförvaltningen" names the kommun's own department.
    if (first?.[1] === Kind.generic) return tail[1] === Kind.owner ? tail : [word, Kind.generic];
  }
  return undefined;
}
