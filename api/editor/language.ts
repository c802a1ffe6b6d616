import type { Context } from 'hono';
import { readLanguageCookie, setLanguageCookie } from './cookies';

/** The page is Swedish; English is one link away ("In English"), remembered in a cookie. No script needed. */
export type Lang = 'sv' | 'en';

function asLang(value: string | undefined): Lang | null {
  return value === 'sv' || value === 'en' ? value : null;
}

/** `?lang=en` (or `sv`) chooses and remembers; otherwise the remembered choice; otherwise Swedish. */
export function chooseLanguage(c: Context, secure: boolean): Lang {
  const asked = asLang(c.req.query('lang'));
  if (asked) {
    setLanguageCookie(c, asked, secure);
    return asked;
  }
  return asLang(readLanguageCookie(c)) ?? 'sv';
}

/** One text in both languages; the Swedish one is the original. */
export type Texts<T> = { sv: T; en: T };

const timeFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** "2026-11-23 10:00", Swedish time, for both languages: unambiguous, and what a Swedish office reads. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : timeFormat.format(date);
}
