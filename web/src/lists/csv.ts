/**
 * CSV of what a list shows (RFC 4180): comma-separated, CRLF between records, a field in
 * double quotes when it holds a comma, quote, line break or edge space, quotes doubled.
 * Text a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe
 * (OWASP "CSV injection"), except numbers and phone numbers such as +62812….
 */
export interface CsvColumn<T> {
  header: string;
  value(row: T): string | number | null | undefined;
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const FORMULA = /^[=+\-@\t\r]/;
const NUMBER_LIKE = /^[+-]?[\d\s().,-]+$/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (FORMULA.test(text) && !NUMBER_LIKE.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** "accounts-2026-11-28.csv": the list's name and the day of the export. */
export function csvFileName(base: string, now: Date = new Date()): string {
  return `${base}-${now.toISOString().slice(0, 10)}.csv`;
}

/** Hands the text to the browser as a download; the BOM makes Excel read it as UTF-8. */
export function downloadCsv(fileName: string, text: string): void {
  const blob = new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
