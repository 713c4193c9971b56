import { describe, expect, it } from 'vitest';
import { csvCell, csvFileName, toCsv } from './csv';

describe('CSV export', () => {
  it('leaves plain text and numbers as they are', () => {
    expect(csvCell('PT Bank Sejahtera')).toBe('PT Bank Sejahtera');
    expect(csvCell(1500000)).toBe('1500000');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('quotes commas, quotes, line breaks and edge spaces and doubles inner quotes', () => {
    expect(csvCell('Jakarta, Indonesia')).toBe('"Jakarta, Indonesia"');
    expect(csvCell('Said "ya"')).toBe('"Said ""ya"""');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
    expect(csvCell(' padded')).toBe('" padded"');
  });

  it('defuses text a spreadsheet would run as a formula but keeps numbers and phone numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-2+3 cmd')).toBe("'-2+3 cmd");
    expect(csvCell('+6281234567890')).toBe('+6281234567890');
    expect(csvCell('-150')).toBe('-150');
  });

  it('writes a header row and one CRLF-terminated record per row', () => {
    const rows = [
      { name: 'PT A, Tbk', city: 'Surabaya' },
      { name: 'CV "B"', city: null },
    ];
    const text = toCsv(
      [
        { header: 'Name', value: (r: (typeof rows)[number]) => r.name },
        { header: 'City', value: (r: (typeof rows)[number]) => r.city },
      ],
      rows,
    );
    expect(text).toBe('Name,City\r\n"PT A, Tbk",Surabaya\r\n"CV ""B""",\r\n');
  });

  it('writes only the header when nothing is loaded', () => {
    expect(toCsv([{ header: 'Nama', value: () => '' }], [])).toBe('Nama\r\n');
  });

  it('names the file after the list and the day', () => {
    expect(csvFileName('accounts', new Date('2026-11-28T10:00:00Z'))).toBe('accounts-2026-11-28.csv');
  });
});
