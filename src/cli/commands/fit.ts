import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { classifyResponseOf, fitResponse } from '../../services/analytics.service.js';
import type { FitBassOptions } from '../../domain/bass.js';
import { output, withContext } from '../context.js';
import { AppError } from '../../shared/errors.js';
import { CliError } from './admin.js';
import { fixed, parseFormat, percent, renderTable, toCsv, type Table } from './report.js';

/** `difusi fit bass|adopters`: the statistics on a CSV file, without a database. */
export function registerFit(program: Command): void {
  const fit = program.command('fit').description('Fit the diffusion statistics to data in a CSV file (no database needed)');

  fit
    .command('bass')
    .description('Fit the Bass model to adoptions per period (CSV columns period,adoptions with a header)')
    .requiredOption('--input <file>', 'CSV file: period,adoptions')
    .option('--market-size <n>', 'size of the target segment: m for thin data')
    .option('--forecast <n>', 'periods to forecast with a bootstrap band', '0')
    .option('--format <format>', 'json or table', 'table')
    .option('--save-prior <solution>', "save the fitted p, q, m as this solution's Bass prior (name or id; needs the database)")
    .option('--bucket <unit>', 'what one period of the series is: month or quarter (for --save-prior)', 'month')
    .option('--keep-m', "with --save-prior: also save the series' m (otherwise the solution's market size is used for m)")
    .option('--source <text>', 'where the series comes from, saved with the prior (default: "analogue: <file name>")')
    .action(async (options: { input: string; marketSize?: string; forecast: string; format: string; savePrior?: string; bucket: string; source?: string; keepM?: boolean }) => {
      const format = parseFormat(options.format, ['json', 'table']);
      const rows = readCsv(options.input, ['period', 'adoptions'], (cells, where) => {
        const adoptions = Number(cells[1]);
        if (cells[1] === '' || !Number.isFinite(adoptions) || adoptions < 0) {
          throw new CliError(`${where}: adoptions "${cells[1]}" is not a number ≥ 0`);
        }
        return { period: cells[0] ?? '', adoptions };
      });
      const fitOptions: FitBassOptions = {};
      if (options.marketSize !== undefined) {
        const m = Number(options.marketSize);
        if (!(m > 0) || !Number.isFinite(m)) throw new CliError(`--market-size must be a number > 0, not "${options.marketSize}"`);
        fitOptions.marketSize = m;
      }
      const ahead = Number(options.forecast);
      if (!Number.isInteger(ahead) || ahead < 0 || ahead > 120) throw new CliError(`--forecast must be a whole number from 0 to 120, not "${options.forecast}"`);
      if (options.bucket !== 'month' && options.bucket !== 'quarter') throw new CliError(`--bucket must be month or quarter, not "${options.bucket}"`);
      const periodUnit = options.bucket;
      const result = fitResponse(
        rows.map((r) => r.adoptions),
        fitOptions,
        ahead,
      );
      let saved: { solution: string; version: number } | null = null;
      if (options.savePrior !== undefined) {
        if (!result.ok) throw new CliError(`Cannot save a prior: ${result.message} (${result.reason})`);
        const solutionRef = options.savePrior;
        const source = options.source ?? `analogue: ${basename(options.input)}`;
        saved = await withContext(async ({ services }) => {
          const solution = await services.analytics.solution(solutionRef);
          const current = await services.analytics.prior(solution.id).catch((error: unknown) => {
            if (error instanceof AppError && error.code === 'not_found') return null;
            throw error;
          });
          const prior = await services.analytics.savePrior(null, solution.id, {
            p: result.p,
            q: result.q,
            m: options.keepM ? result.m : null,
            periodUnit,
            source,
            series: rows,
            ...(current ? { version: current.version } : {}),
          });
          return { solution: solution.name, version: prior.version };
        });
      }
      output(format === 'json', saved ? { ...result, savedPrior: saved } : result, () => {
        if (!result.ok) return `Cannot fit: ${result.message} (${result.reason})`;
        const flags = [result.flags.prePeak ? 'pre-peak: m is unreliable' : null, result.flags.thinData ? `thin data: shrunk toward the prior (${result.flags.usedPrior.join(', ')})` : null, ...result.flags.activeBounds.map((b) => `bound active: ${b}`)].filter(Boolean);
        const tables: Table[] = [
          {
            title: `p = ${result.p.toPrecision(4)}  q = ${result.q.toPrecision(4)}  m = ${fixed(result.m, 1)}  peak at ${fixed(result.peak.t, 2)} periods  R² = ${fixed(result.r2, 4)}  RMSE = ${fixed(result.rmse, 3)}${flags.length ? `\nFlags: ${flags.join('; ')}` : ''}`,
            headers: ['period', 'adoptions', 'fitted', 'residual'],
            rows: rows.map((r, i) => [r.period, r.adoptions, fixed(result.fitted[i]), fixed(result.residuals[i])]),
          },
        ];
        if (result.forecast) {
          tables.push({
            title: `Forecast (${Math.round(result.forecast.level * 100)}% band)`,
            headers: ['period', 'adoptions', 'low', 'high', 'cumulative'],
            rows: result.forecast.points.map((p) => [p.period, fixed(p.adoptions.expected), fixed(p.adoptions.lower), fixed(p.adoptions.upper), fixed(p.cumulative.expected)]),
          });
        }
        const savedLine = saved ? `\n\nSaved as the Bass prior of ${saved.solution} (per ${periodUnit}, version ${saved.version}).` : '';
        return tables.map(renderTable).join('\n\n') + savedLine;
      });
    });

  fit
    .command('adopters')
    .description('Classify adoption times into Rogers’ adopter categories (CSV columns id,adoption_time with a header)')
    .requiredOption('--input <file>', 'CSV file: id,adoption_time')
    .option('--format <format>', 'json, table or csv', 'table')
    .action((options: { input: string; format: string }) => {
      const format = parseFormat(options.format);
      const items = readCsv(options.input, ['id', 'adoption_time'], (cells, where) => {
        const time = Number(cells[1]);
        if (!cells[0]) throw new CliError(`${where}: id is empty`);
        if (cells[1] === '' || !Number.isFinite(time)) throw new CliError(`${where}: adoption_time "${cells[1]}" is not a number`);
        return { id: cells[0], time };
      });
      const result = classifyResponseOf(items);
      output(format === 'json', result, () => {
        if (!result.ok) return `${result.message} (${result.count} adopters)`;
        const table: Table = {
          title: `mean ${fixed(result.mean)}, sd ${fixed(result.sd)} (population)`,
          headers: ['id', 'adoption_time', 'category', 'z'],
          rows: result.items.map((i) => [i.id, i.adoptionTime, i.category, fixed(i.z, 3)]),
        };
        if (format === 'csv') return toCsv({ headers: table.headers, rows: table.rows });
        const counts: Table = { headers: ['category', 'count', 'share', 'Rogers'], rows: result.categories.map((c) => [c.category, c.count, percent(c.share), percent(c.rogersShare)]) };
        return [renderTable(table), renderTable(counts)].join('\n\n');
      });
    });
}

/** Reads a small CSV with a header naming `columns`; `parse` turns each data line into a value or throws naming the line. */
function readCsv<T>(file: string, columns: readonly string[], parse: (cells: string[], where: string) => T): T[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const split = (line: string) => line.split(/[,;\t]/).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  const header = headerIndex >= 0 ? split(lines[headerIndex] ?? '').map((h) => h.toLowerCase()) : [];
  if (columns.some((c, i) => header[i] !== c)) {
    throw new CliError(`${file} line ${headerIndex + 1}: the header must be "${columns.join(',')}", found "${lines[headerIndex] ?? ''}"`);
  }
  const out: T[] = [];
  lines.forEach((line, i) => {
    if (i <= headerIndex || line.trim() === '') return;
    const cells = split(line);
    const where = `${file} line ${i + 1}`;
    if (cells.length !== columns.length) throw new CliError(`${where}: expected ${columns.length} columns (${columns.join(',')}), found ${cells.length}`);
    out.push(parse(cells, where));
  });
  if (out.length === 0) throw new CliError(`${file}: no data rows after the header`);
  return out;
}
