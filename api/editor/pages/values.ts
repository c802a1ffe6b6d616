import { type Html, h } from '../html';
import type { Lang } from '../language';

const EMPTY = { sv: 'tom', en: 'empty' } as const;

/** A register value as the editor's file has it: lists with " | ", yes/no as ja/nej, nothing as "(tom)". */
export function showValue(value: unknown, lang: Lang): Html {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return h`<span class="empty">(${EMPTY[lang]})</span>`;
  }
  if (Array.isArray(value)) return h`${value.map(String).join(' | ')}`;
  if (typeof value === 'boolean') return h`${value ? 'ja' : 'nej'}`;
  if (typeof value === 'object') return h`${JSON.stringify(value)}`;
  return h`${String(value)}`;
}

/** "1 enhet", "3 enheter": Swedish and English plurals for counts shown to the editor. */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const numberFormat = new Intl.NumberFormat('sv-SE');

/** "40 000": digits grouped the Swedish way, for both languages (as the dates are). */
export function number(n: number): string {
  return numberFormat.format(n);
}
