/**
 * Reads an analogue's market history pasted or uploaded as CSV: a header `period,adoptions`
 * (optional), one period per line, oldest first; comma, semicolon or tab separated.
 */
export type SeriesParse = { ok: true; rows: { period: string; adoptions: number }[] } | { ok: false; line: number; reason: 'columns' | 'adoptions' | 'empty' };

export function parseSeriesCsv(text: string): SeriesParse {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rows: { period: string; adoptions: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '' || line.startsWith('#')) continue;
    const cells = line.split(/[,;\t]/).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
    if (rows.length === 0 && cells[0]?.toLowerCase() === 'period' && cells[1]?.toLowerCase() === 'adoptions') continue;
    if (cells.length !== 2 || cells[0] === '') return { ok: false, line: i + 1, reason: 'columns' };
    const adoptions = Number(cells[1]);
    if (cells[1] === '' || !Number.isFinite(adoptions) || adoptions < 0) return { ok: false, line: i + 1, reason: 'adoptions' };
    rows.push({ period: cells[0] ?? '', adoptions });
  }
  if (rows.length === 0) return { ok: false, line: lines.length, reason: 'empty' };
  return { ok: true, rows };
}
