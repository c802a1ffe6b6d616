/**
 * Lower case, without diacritics: "Välj Utförare" -> "valj utforare", "Linnégården" -> "linnegarden".
 * Compatibility forms fold too (the ligature "ﬁ" -> "fi", full-width letters), as pasted text has them.
 * For comparing what people type or pages say with known names (search, detection); never shown.
 * Note that it makes Håbo and Habo equal: where they must stay apart, compare without folding.
 */
export function foldText(text: string): string {
  return text.normalize('NFKD').toLowerCase().replace(/\p{M}/gu, '');
}
