/** Swedish collation: å, ä, ö sort last, after z. Used for every default ordering. */
export const swedishCollator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

export function compareSwedish(a: string, b: string): number {
  return swedishCollator.compare(a, b);
}

const languageNames = new Map<string, Intl.DisplayNames>();

/** The name of an ISO 639 language in the given UI language, e.g. ("fi", "sv") -> "finska". */
export function languageName(code: string, uiLanguage: 'sv' | 'en' = 'sv'): string {
  let names = languageNames.get(uiLanguage);
  if (!names) {
    names = new Intl.DisplayNames([uiLanguage], { type: 'language', fallback: 'code' });
    languageNames.set(uiLanguage, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
