/** Longest label of a bracketed alternative ("Option A"), in characters. */
export const BRACKET_OPTION_MAX = 40;

/**
 * Whether a value may be the `option` attribute of a bracketed span: null (plain brackets) or a
 * short label without control characters or brackets (it is printed inside the brackets).
 */
export function isValidBracketOption(value: unknown): value is string | null {
  if (value === null || value === undefined) return true;
  return (
    typeof value === 'string' &&
    value.trim().length > 0 &&
    value.length <= BRACKET_OPTION_MAX &&
    // eslint-disable-next-line no-control-regex
    !/[\u0000-\u001f\u007f[\]]/.test(value)
  );
}

/** The text that opens a bracketed span in every text export: "[" or "[Option A: ". */
export function bracketOpening(option: string | null): string {
  return option ? `[${option}: ` : '[';
}
