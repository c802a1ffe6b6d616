import { isAnchor, KIND_WEIGHT, Kind } from './lexicon';
import {
  MAX_ALIASES,
  MAX_MATCH_WORK,
  MAX_NAME_LENGTH,
  MAX_NAME_WORDS,
  MAX_POSTINGS_SCORED,
  MAX_TYPO_WORK,
  MAX_UNIT_NAME_LENGTH,
  MAX_UNITS_NAMED,
} from './limits';
import { namePart } from './name-part';
import { hasOwnerWord, isOwnUnit, namesOnlyTheKommun } from './own-provider';
import { looksLikeAName } from './page-text';
import { type ListAnswer, type ListView, ownUnit, sharedName, shortForm } from './provider-list';
import { type Score, sum, type TextHit, TextScorer, type Variant } from './score';
import { contextStems, tokenise } from './tokens';
import type { MatchCandidate, Matcher, MatchHint, MatchOptions, MatchReason, MatchResult } from './types';
import { Vocabulary } from './vocabulary';
import { WorkMeter } from './work';

/**
 * threshold: minimum score to accept. weakCoverage: when no telling word is found (a brand or a place
 * that makes the name), only everyday words, qualifiers or "kommun", the share of the name that must be found ("Hemtjänst Norr" must be there whole:
 * "Norr" alone is a part of town, "Uppsala kommun" alone is every page's header). margin: how far ahead
 * of the next unit the best one must be.
 */
export const PRESETS = {
  default: { threshold: 0.7, weakCoverage: 0.9, margin: 0.1 },
  strict: { threshold: 0.85, weakCoverage: 0.95, margin: 0.15 },
} as const;

/**
 * A matcher for the units of one huvudman (and optionally one service). Everything that depends only
 * on the list (vocabulary, word weights, typo index) is computed here, so `match` is cheap. The build
 * costs time linear in the names' total length (each name and alias read up to its bound), and the
 * typo index is bounded; each match call is bounded too (see limits.ts).
 */
export function createMatcher(candidates: readonly MatchCandidate[], options: MatchOptions): Matcher {
  const { threshold, weakCoverage, margin } = options.strict ? PRESETS.strict : PRESETS.default;
  const build = new WorkMeter();
  let matchWork = 0;
  const units = uniqueById(
    candidates.filter(
      (c) =>
        c.huvudman === options.huvudman &&
        (options.service === undefined || c.service === undefined || c.service === options.service),
    ),
  );
  const context = contextStems(options.contextNames ?? []);
  const vocabulary = new Vocabulary(build);
  const byHsaId = indexBy(units, (u) => [u.hsaId]);
  const byRegisterId = indexBy(units, (u) => [u.registerId, u.id]);

  const variants: Variant[] = [];
  const variantsOf: number[][] = units.map(() => []);
  const tokenised = units.flatMap((unit, u) =>
    [unit.name, ...(unit.aliases ?? []).slice(0, MAX_ALIASES)].map((name, i) => {
      const read = name.length > MAX_UNIT_NAME_LENGTH ? name.slice(0, MAX_UNIT_NAME_LENGTH) : name;
      const tokenised = tokenise(read, context, MAX_NAME_WORDS);
      build.add(tokenised.words);
      return { u, alias: i > 0, ...tokenised };
    }),
  );
  for (const { u, alias, spans } of tokenised) {
    const v = variants.length;
    const terms = spans.map((s) => ({ ...s, term: vocabulary.add(s.term, s.kind, v, u, s.length === 1) }));
    variantsOf[u]!.push(v);
    variants.push({
      unit: u,
      alias,
      kinds: [],
      factors: [],
      telling: [],
      leading: -1,
      genitive: [],
      weights: [],
      total: 0,
      weakShare: 0,
      spans: terms,
    });
  }
  // Weights need the unit counts of the whole list, so they come after every term is known.
  tokenised.forEach(({ tokens }, v) => {
    const variant = variants[v]!;
    variant.kinds = tokens.map((_, i) => vocabulary.kinds[variant.spans[i]!.term]!);
    variant.factors = tokens.map((t) => t.factor);
    variant.telling = tokens.map((t, i) => variant.kinds[i] === Kind.distinct && t.factor === 1);
    variant.leading = variant.telling.indexOf(true);
    variant.genitive = tokens.map((t) => t.genitive);
    variant.weights = tokens.map((t, i) => weight(variant.kinds[i]!, variant.spans[i]!.term, t.factor));
    variant.total = sum(variant.weights);
    const weak = variant.kinds.map((kind) => +(kind !== Kind.distinct));
    variant.weakShare = variant.total > 0 ? sum(variant.weights, weak) / variant.total : 0;
  });
  const primary = tokenised.filter((t) => !t.alias);
  const own = units.map((unit, u) => isOwnUnit(unit.regi, primary[u]!));
  const headingLike = units.map((_, u) => !own[u] && namesOnlyTheKommun(primary[u]!.tokens));

  // A name touched only by everyday words or "kommun" can neither win nor come close to the winner
  // unless those words make up most of it: only such names are looked up by them.
  const weakReach = threshold - margin;
  const postings = vocabulary.variants.map((list, term) =>
    vocabulary.kinds[term] === Kind.distinct ? list : list.filter((v) => variants[v]!.weakShare >= weakReach),
  );

  /**
   * How telling a word is in this list. A brand or place word one unit uses weighs ln(1 + units); one that
   * n units share (a chain: "Capio", "Närhälsan") weighs less than 1/n of that, since it cannot tell
   * them apart. Other kinds weigh a fixed share.
   */
  function weight(kind: Kind, term: number | undefined, factor: number): number {
    if (!isAnchor(kind)) return KIND_WEIGHT[kind] * Math.log(1 + units.length) * factor;
    const shared = Math.max(vocabulary.unitCount(term), 1);
    return (KIND_WEIGHT[kind] * Math.log(1 + units.length / shared) * factor) / shared;
  }

  /** Words of their own from more than MAX_UNITS_NAMED units: a text that names several providers. */
  function namesSeveralUnits(terms: Iterable<number>): boolean {
    const named = new Set<number>();
    for (const term of terms) {
      if (vocabulary.kinds[term] !== Kind.distinct || vocabulary.unitCount(term) !== 1) continue;
      for (const u of vocabulary.units[term]!) named.add(u);
      if (named.size > MAX_UNITS_NAMED) return true;
    }
    return false;
  }

  function match(text: string, hint: MatchHint = {}): MatchResult {
    const meter = new WorkMeter(MAX_MATCH_WORK);
    try {
      return decide(text, hint, meter);
    } finally {
      matchWork += meter.used;
    }
  }

  function decide(text: string, hint: MatchHint, meter: WorkMeter): MatchResult {
    if (units.length === 0) return result(text, null, 0, 'no_candidates');
    const byHsa =
      byHsaId.get(key(hint.hsaId)) ??
      (byHsaId.size > 0 && text.length <= 64 ? byHsaId.get(key(text)) : undefined);
    if (byHsa) return result(text, byHsa, 1, 'hsa_id');
    const byRegister = byRegisterId.get(key(hint.registerId));
    if (byRegister) return result(text, byRegister, 1, 'register_id');

    // Reading is linear and bounded (MAX_ELEMENT_TEXT characters); the meter counts what can grow faster.
    const name = namePart(text);
    if (name.length > MAX_NAME_LENGTH) return result(text, null, 0, 'too_long');
    if (!looksLikeAName(name)) return result(text, null, 0, 'not_a_name');
    const read = tokenise(name, context, MAX_NAME_WORDS);
    meter.add(read.words);
    if (read.overflow) return result(text, null, 0, 'too_long');
    const { tokens, spans } = read;
    const onlyKommun = namesOnlyTheKommun(tokens);
    // On chrome and in running text, the kommun's name is the page's, not a listing of its own unit.
    if (onlyKommun && (hint.context === 'chrome' || hint.context === 'running-text')) {
      return result(text, null, 0, 'kommun_only');
    }

    // Which list terms the text contains; each word is then weighed as the term it was read as, so a
    // typo of "hemtjänst" weighs as "hemtjänst". Only names sharing an anchor word get scored.
    const hits = new Map<number, TextHit>();
    const touched = new Set<number>();
    const textWeights = tokens.map((t) => weight(t.kind, undefined, t.factor));
    const bestSimilarity = tokens.map(() => 0);
    const typoWork = new WorkMeter(MAX_TYPO_WORK);
    for (const { term: word, start, length } of spans) {
      for (const { term, similarity } of vocabulary.find(word, length === 1, typoWork)) {
        if ((hits.get(term)?.similarity ?? 0) < similarity) hits.set(term, { similarity, start, length });
        const posted = postings[term]!;
        if (isAnchor(vocabulary.kinds[term]!) && posted.length <= MAX_POSTINGS_SCORED) {
          for (const v of posted) touched.add(v);
        }
        if (length === 1 && similarity > bestSimilarity[start]!) {
          bestSimilarity[start] = similarity;
          textWeights[start] = weight(vocabulary.kinds[term]!, term, tokens[start]!.factor);
        }
      }
    }
    meter.add(typoWork.used);
    if (namesSeveralUnits(hits.keys())) return result(text, null, 0, 'ambiguous');
    const textScoring = { weights: textWeights, kinds: tokens.map((t) => t.kind), total: sum(textWeights) };
    const excluded = (u: number) =>
      conflicts(units[u]!.hsaId, hint.hsaId) ||
      conflicts(units[u]!.registerId, hint.registerId) ||
      // "Kommunal hemtjänst", "Örebro kommun": the kommun as provider, never a company's unit.
      (onlyKommun && !own[u] && hasOwnerWord(tokens));
    const scorer = new TextScorer(hits, textScoring, meter);
    const scored = new Map<number, Score>();
    const scoreOf = (v: number, detail = false): Score => {
      let s = scored.get(v);
      if (!s || (detail && !s.textFound)) {
        s = scorer.score(variants[v]!, detail);
        scored.set(v, s);
      }
      return s;
    };

    // Best score per unit, over its name and aliases.
    const scores = new Map<number, Score & { alias: boolean }>();
    for (const v of touched) {
      if (meter.exhausted) break;
      const variant = variants[v]!;
      if (excluded(variant.unit)) continue;
      const s = scoreOf(v);
      if (s.score > (scores.get(variant.unit)?.score ?? -1)) {
        scores.set(variant.unit, { ...s, alias: variant.alias });
      }
    }
    if (meter.exhausted) return result(text, null, 0, 'work_limit');

    const [first, second] = [...scores].sort((a, b) => b[1].score - a[1].score);
    let refusal: MatchResult;
    if (!first) refusal = result(text, null, 0, 'below_threshold');
    else {
      const [u, best] = first;
      if (best.score < threshold || (!best.strong && best.nameShare < weakCoverage)) {
        refusal = result(text, null, best.score, 'below_threshold');
      } else if (best.score - (second?.[1].score ?? 0) < margin) {
        refusal = result(text, null, best.score, 'ambiguous');
      } else return result(text, units[u]!, best.score, best.alias ? 'alias' : 'name');
    }
    if (hint.context !== 'provider-list') return refusal;

    const list: ListView = {
      vocabulary,
      variants,
      variantsOf,
      own,
      headingLike,
      excluded,
      score: (v) => scoreOf(v, true) as Required<Score>,
    };
    const listing = { tokens, hits, legalForm: read.legalForm };
    const answer = onlyKommun
      ? ownUnit(list, listing)
      : (sharedName(list, listing) ?? shortForm(list, listing));
    if (meter.exhausted) return result(text, null, 0, 'work_limit');
    return answerOf(text, answer, refusal);
  }

  function answerOf(text: string, answer: ListAnswer, refusal: MatchResult): MatchResult {
    if (!answer) return refusal;
    if (answer.kind === 'ambiguous') return { ...refusal, reason: 'ambiguous' };
    if (answer.kind === 'unit') return result(text, units[answer.unit]!, answer.score, answer.reason);
    const group = answer.units
      .map((u) => ({ id: units[u]!.id, name: units[u]!.name }))
      .sort((a, b) => SWEDISH.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
    return { ...result(text, null, answer.score, 'shared_name'), group };
  }

  return {
    match,
    matchAll: (texts, hint) => texts.map((text) => match(text, hint)),
    work: () => ({ build: build.used, match: matchWork }),
  };
}

const SWEDISH = new Intl.Collator('sv');

function result(text: string, unit: MatchCandidate | null, score: number, reason: MatchReason): MatchResult {
  return { text, unit: unit && { id: unit.id, name: unit.name }, score, reason };
}

function key(id: string | null | undefined): string {
  return (id ?? '').trim().toUpperCase();
}

/** Both sides carry an id and they differ: then the name cannot make it the same unit. */
function conflicts(own: string | null | undefined, hinted: string | null | undefined): boolean {
  return !!own && !!hinted && key(own) !== key(hinted);
}

function indexBy(
  units: MatchCandidate[],
  ids: (u: MatchCandidate) => (string | null | undefined)[],
): Map<string, MatchCandidate> {
  const map = new Map<string, MatchCandidate>();
  for (const unit of units) {
    for (const id of ids(unit)) if (id && !map.has(key(id))) map.set(key(id), unit);
  }
  return map;
}

function uniqueById(candidates: MatchCandidate[]): MatchCandidate[] {
  const seen = new Set<string>();
  return candidates.filter((c) => !seen.has(c.id) && !!seen.add(c.id));
}
