/**
 * Lower-case letters for point numbers: a … z, then aa, ab, … (bijective base 26), the usual
 * continuation in legislative drafting once a list passes z.
 */
export function toLetters(n: number): string {
  let rest = n;
  let out = '';
  while (rest > 0) {
    rest -= 1;
    out = String.fromCharCode(97 + (rest % 26)) + out;
    rest = Math.floor(rest / 26);
  }
  return out;
}
