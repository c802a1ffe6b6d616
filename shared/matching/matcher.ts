import { isAnchor, KIND_WEIGHT, Kind } from './lexicon';
import { contextStems, type Span, tokenise } from './tokens';
import type { MatchCandidate, Matcher, MatchHint, MatchOptions, MatchResult } from './types';
import { type TermHit, Vocabulary } from './vocabulary';

/** Minimum score to accept, and how far ahead of the next unit the best one must be. */
/**
 * Minimum score to accept; the minimum when only everyday words anchor the match ("Hemtjänst Norr" must
 * be found whole: "Norr" alone is a part of town); how far ahead of the next unit the best one must be.
 */
export const PRESETS = {
  default: { threshold: 0.7, weakThreshold: 0.9, margin: 0.1 },
  strict: { threshold: 0.85, weakThreshold: 0.95, margin: 0.15 },
} as const;

/** Weight of "how much of the text is explained by the name" next to "how much of the name is found". */
const TEXT_SHARE = 0.4;

interface Variant {
  unit: number;
  alias: boolean;
  weights: number[];
  total: number;
  spans: { term: number; start: number; length: number }[];
}

interface Scored {
  score: number;
  alias: boolean;
  /** A brand or place name (or the kommun as provider) was found, not only everyday words. */
  strong: boolean;
}

interface QueryHit {
  similarity: number;
  start: number;
  length: number;
}

/**
 * A matcher for the units of one huvudman (and optionally one service). Everything that depends only
 * on the list (vocabulary, word weights, typo index) is computed here, so `match` is cheap.
 */
export function createMatcher(candidates: readonly MatchCandidate[], options: MatchOptions): Matcher {
  const { threshold, weakThreshold, margin } = options.strict ? PRESETS.strict : PRESETS.default;
  const units = uniqueById(
    candidates.filter(
      (c) =>
        c.huvudman === options.huvudman &&
        (options.service === undefined || c.service === undefined || c.service === options.service),
    ),
  );
  const context = contextStems(options.contextNames ?? []);
  const vocabulary = new Vocabulary(context);
  const byHsaId = indexBy(units, (u) => [u.hsaId]);
  const byRegisterId = indexBy(units, (u) => [u.registerId, u.id]);

  const variants: Variant[] = [];
  const tokenised = units.flatMap((unit, u) =>
    [unit.name, ...(unit.aliases ?? [])].map((name, i) => ({ u, alias: i > 0, ...tokenise(name, context) })),
  );
  for (const { u, alias, tokens, spans } of tokenised) {
    const v = variants.length;
    variants.push({
      unit: u,
      alias,
      weights: tokens.map(() => 0),
      total: 0,
      spans: spans.map((s) => ({ ...s, term: vocabulary.add(s.term, v, u, s.length === 1) })),
    });
  }
  // Weights need the unit counts of the whole list, so they come after every term is known.
  const idf = (count: number) => Math.log(1 + units.length / Math.max(count, 1));
  tokenised.forEach(({ tokens }, v) => {
    const variant = variants[v]!;
    variant.weights = tokens.map((t, i) => {
      const term = variant.spans[i]!.term;
      return KIND_WEIGHT[vocabulary.kinds[term]!] * idf(vocabulary.unitCount(term)) * t.factor;
    });
    variant.total = variant.weights.reduce((a, b) => a + b, 0);
  });

  function result(text: string, unit: MatchCandidate | null, score: number, reason: MatchResult['reason']) {
    return { text, unit: unit && { id: unit.id, name: unit.name }, score, reason };
  }

  function match(text: string, hint: MatchHint = {}): MatchResult {
    if (units.length === 0) return result(text, null, 0, 'no_candidates');
    const byHsa = byHsaId.get(key(hint.hsaId)) ?? byHsaId.get(key(text));
    if (byHsa) return result(text, byHsa, 1, 'hsa_id');
    const byRegister = byRegisterId.get(key(hint.registerId));
    if (byRegister) return result(text, byRegister, 1, 'register_id');
    if (!looksLikeAName(text)) return result(text, null, 0, 'not_a_name');

    const { tokens, spans } = tokenise(text, context);
    const hits = findTerms(spans);
    // The text's own word weights, in the list's terms: a typo of "hemtjänst" weighs as "hemtjänst".
    const textWeights = tokens.map((t, i) => {
      const best = hits.best[i];
      const kind = best === undefined ? t.kind : vocabulary.kinds[best]!;
      return KIND_WEIGHT[kind] * idf(vocabulary.unitCount(best)) * t.factor;
    });
    const textTotal = textWeights.reduce((a, b) => a + b, 0);

    const scores = new Map<number, Scored>();
    for (const v of touchedVariants(hits.byTerm)) {
      const variant = variants[v]!;
      const unit = units[variant.unit]!;
      if (conflicts(unit.hsaId, hint.hsaId) || conflicts(unit.registerId, hint.registerId)) continue;
      const scored = scoreVariant(variant, hits.byTerm, textWeights, textTotal, vocabulary.kinds);
      const previous = scores.get(variant.unit);
      if (!previous || scored.score > previous.score) scores.set(variant.unit, scored);
    }

    let [best, second] = [-1, 0];
    for (const [u, { score }] of scores) {
      if (best < 0 || score > scores.get(best)!.score) {
        if (best >= 0) second = scores.get(best)!.score;
        best = u;
      } else if (score > second) second = score;
    }
    const top = scores.get(best);
    if (!top || top.score < (top.strong ? threshold : weakThreshold))
      return result(text, null, top?.score ?? 0, 'below_threshold');
    if (top.score - second < margin) return result(text, null, top.score, 'ambiguous');
    return result(text, units[best]!, top.score, top.alias ? 'alias' : 'name');
  }

  /** For each span of the text, the list terms it matches; and per word, the term it is read as. */
  function findTerms(spans: Span[]) {
    const byTerm = new Map<number, QueryHit>();
    const best: (number | undefined)[] = [];
    for (const span of spans) {
      let top: TermHit | undefined;
      for (const hit of vocabulary.find(span.term, span.length === 1)) {
        const previous = byTerm.get(hit.term);
        if (!previous || hit.similarity > previous.similarity) {
          byTerm.set(hit.term, { similarity: hit.similarity, start: span.start, length: span.length });
        }
        if (!top || hit.similarity > top.similarity) top = hit;
      }
      if (span.length === 1) best[span.start] = top?.term;
    }
    return { byTerm, best };
  }

  /** Only names that share an anchor word (a name, not a generic word) with the text are scored. */
  function touchedVariants(byTerm: Map<number, QueryHit>): Set<number> {
    const out = new Set<number>();
    for (const term of byTerm.keys()) {
      if (!isAnchor(vocabulary.kinds[term]!)) continue;
      for (const v of vocabulary.variants[term]!) out.add(v);
    }
    return out;
  }

  return { match, matchAll: (texts) => texts.map((text) => match(text)) };
}

/**
 * How much of the name the text contains (weighted by how telling each word is), scaled down when the
 * text also says much else.
 */
function scoreVariant(
  variant: Variant,
  byTerm: Map<number, QueryHit>,
  textWeights: number[],
  textTotal: number,
  kinds: readonly Kind[],
): Scored {
  const nameFound = variant.weights.map(() => 0);
  const textFound = textWeights.map(() => 0);
  let strong = false;
  for (const span of variant.spans) {
    const hit = byTerm.get(span.term);
    if (!hit) continue;
    const kind = kinds[span.term]!;
    if (kind === Kind.distinct || kind === Kind.owner) strong = true;
    for (let i = span.start; i < span.start + span.length; i++) {
      nameFound[i] = Math.max(nameFound[i]!, hit.similarity);
    }
    for (let i = hit.start; i < hit.start + hit.length; i++) {
      textFound[i] = Math.max(textFound[i]!, hit.similarity);
    }
  }
  const nameShare = dot(variant.weights, nameFound) / variant.total;
  const textShare = textTotal > 0 ? dot(textWeights, textFound) / textTotal : 0;
  return { score: nameShare * (1 - TEXT_SHARE + TEXT_SHARE * textShare), alias: variant.alias, strong };
}

function dot(a: number[], b: number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/** Dates, phone numbers, order numbers: more digits than letters, or no letters at all. */
function looksLikeAName(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const digits = text.match(/\p{N}/gu)?.length ?? 0;
  return letters > 0 && letters > digits;
}

function key(id: string | null | undefined): string {
  return (id ?? '').trim().toUpperCase();
}

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
