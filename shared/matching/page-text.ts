/** False for dates, phone numbers, order numbers: more digits than letters, or no letters at all. */
export function looksLikeAName(text: string): boolean {
  let balance = 0;
  let letters = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      balance--;
    } else if (((code | 32) >= 97 && (code | 32) <= 122) || (code > 127 && LETTER.test(text[i]!))) {
      balance++;
      letters = true;
    }
  }
  return letters && balance > 0;
}

const LETTER = /\p{L}/u;
