import { allowedEdits, deletions, editDistance } from './distance';
import type { Kind } from './lexicon';
import { MAX_TYPO_CANDIDATES, MAX_TYPO_FORMS, MAX_TYPO_WORD, TYPO_PREFIX } from './limits';
import type { WorkMeter } from './work';

/** A query word found in the vocabulary: which term, how similar (1 exact, less for typos). */
export interface TermHit {
  term: number;
  similarity: number;
}

/**
 * Every word (and written-together word pair) of one list of units, with how many units use it, and
 * an index of near-misses for typo tolerance. Built once per list; lookups are map reads.
 */
export class Vocabulary {
  readonly ids = new Map<string, number>();
  readonly terms: string[] = [];
  readonly kinds: Kind[] = [];
  /** Postings: which name variants contain each term. */
  readonly variants: number[][] = [];
  /** Which units use each term. */
  readonly units: Set<number>[] = [];
  private readonly nearMisses = new Map<string, number[]>();
  private readonly typoIndexed = new Set<number>();
  private forms = 0;

  constructor(private readonly meter: WorkMeter) {}

  /**
   * Adds a term of a name variant; `typos` also indexes its near-misses (single words only). A term
   * that is a brand in one name and a written-together pair in another keeps the stronger kind.
   */
  add(term: string, kind: Kind, variant: number, unit: number, typos: boolean): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
      this.kinds.push(kind);
      this.variants.push([]);
      this.units.push(new Set());
    } else if (kind < this.kinds[id]!) {
      this.kinds[id] = kind;
    }
    if (typos && !this.typoIndexed.has(id) && this.forms < MAX_TYPO_FORMS) {
      this.typoIndexed.add(id);
      const forms = typoForms(term);
      this.forms += forms.size;
      this.meter.add(forms.size);
      for (const form of forms) {
        const list = this.nearMisses.get(form);
        if (list) list.push(id);
        else this.nearMisses.set(form, [id]);
      }
    }
    const postings = this.variants[id]!;
    if (postings[postings.length - 1] !== variant) postings.push(variant);
    this.units[id]!.add(unit);
    return id;
  }

  /** How many units use the term (0 for a word the list does not have). */
  unitCount(term: number | undefined): number {
    return term === undefined ? 0 : this.units[term]!.size;
  }

  /**
   * The term itself, or failing that the terms within the allowed number of edits. The work is
   * counted on `meter`; once it is exhausted, only exact terms are found.
   */
  find(word: string, typos: boolean, meter: WorkMeter): TermHit[] {
    const exact = this.ids.get(word);
    if (exact !== undefined) return [{ term: exact, similarity: 1 }];
    if (!typos || meter.exhausted) return [];
    const forms = typoForms(word);
    meter.add(forms.size);
    const seen = new Set<number>();
    const hits: TermHit[] = [];
    for (const form of forms) {
      for (const term of this.nearMisses.get(form) ?? []) {
        if (seen.has(term)) continue;
        if (seen.size >= MAX_TYPO_CANDIDATES || meter.exhausted) return hits;
        seen.add(term);
        const other = this.terms[term]!;
        const max = allowedEdits(Math.min(word.length, other.length));
        const distance = editDistance(word, other, max, meter);
        if (distance <= max)
          hits.push({ term, similarity: 1 - distance / Math.max(word.length, other.length) });
      }
    }
    return hits;
  }
}

/**
 * The deletion forms of a word's prefix, with as many deletions as its length allows edits; none for
 * numbers and for words longer than any provider's.
 */
function typoForms(word: string): Set<string> {
  const depth = word.length > MAX_TYPO_WORD || /\d/.test(word) ? 0 : allowedEdits(word.length);
  if (depth === 0) return new Set();
  return deletions(word.slice(0, TYPO_PREFIX), depth);
}
