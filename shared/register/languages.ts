import { LANGUAGE_CODE } from './patterns';

/**
 * Staff languages as ISO 639 codes. A code is accepted when the runtime's Unicode data (Intl) knows it,
 * plus a few codes used in Sweden that the data lacks. Three-letter codes that have a two-letter form
 * are stored in the two-letter form ("fin" -> "fi"), so one language has one code.
 */

/** Languages relevant in Swedish care that Intl does not name. */
const EXTRA_LANGUAGES: Record<string, string> = { swl: 'svenskt teckenspråk' };

/** Codes Intl names that are not languages a person speaks. */
const NOT_LANGUAGES = new Set(['und', 'mul', 'zxx', 'mis']);

export const SWEDISH = 'sv';

let names: { sv: Intl.DisplayNames; en: Intl.DisplayNames } | null = null;
function displayNames() {
  names ??= {
    sv: new Intl.DisplayNames(['sv'], { type: 'language', fallback: 'none' }),
    en: new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }),
  };
  return names;
}

export type LanguageResult = { ok: true; code: string } | { ok: false; message: string };

export function parseLanguage(value: string): LanguageResult {
  const written = value.trim();
  const lower = written.toLowerCase();
  if (LANGUAGE_CODE.test(lower)) {
    const code = canonical(lower);
    if (code !== null) return { ok: true, code };
  }
  const suggestion = codeForName(lower);
  if (suggestion !== null) {
    return { ok: false, message: `'${written}' är ingen språkkod; skriv ${suggestion}` };
  }
  return {
    ok: false,
    message: `'${written}' är ingen känd språkkod enligt ISO 639, till exempel fi (finska), ar (arabiska) eller so (somaliska)`,
  };
}

function canonical(code: string): string | null {
  if (Object.hasOwn(EXTRA_LANGUAGES, code)) return code;
  if (NOT_LANGUAGES.has(code) || displayNames().sv.of(code) === undefined) return null;
  if (code.length === 3) {
    const [short] = safeCanonicalLocales(code);
    if (short !== undefined && /^[a-z]{2}$/.test(short)) return short;
  }
  return code;
}

function safeCanonicalLocales(code: string): string[] {
  try {
    return Intl.getCanonicalLocales(code);
  } catch {
    return [];
  }
}

let byName: Map<string, string> | null = null;

/** "finska" or "Finnish" -> "fi", for a hint when someone writes the language's name instead of its code. */
function codeForName(name: string): string | null {
  if (byName === null) {
    byName = new Map(Object.entries(EXTRA_LANGUAGES).map(([code, label]) => [label, code]));
    const { sv, en } = displayNames();
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const codes = [...letters].flatMap((a) => [...letters].map((b) => a + b));
    for (const code of [...codes, 'fit', 'sma', 'smj', 'rom', 'prs', 'ckb']) {
      for (const label of [sv.of(code), en.of(code)]) {
        if (label !== undefined && !byName.has(label.toLowerCase())) byName.set(label.toLowerCase(), code);
      }
    }
  }
  return byName.get(name) ?? null;
}
