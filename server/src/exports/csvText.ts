// a cell that a spreadsheet would run as a formula starts with one of these: quote it with '
const FORMULA = /^[=+\-@\t\r]/;

/** One CSV cell (RFC 4180), quoted, with a would-be formula defused. */
export function csvCell(value: string): string {
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** Lines of cells as a CSV file's text: UTF-8 with a byte order mark for spreadsheets, CRLF. */
export function csvText(lines: readonly (readonly string[])[]): string {
  return '\uFEFF' + lines.map((line) => line.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
