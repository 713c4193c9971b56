import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { SeedRepository, seedTables, type SeedTable } from '../../db/repositories/seed.repository.js';
import { scaleNames, scales, expectedRows, type ScaleName } from '../../seed/scales.js';
import { seedMarketingScenario, type ScenarioSummary } from '../../seed/marketingScenario.js';
import { seedWorkspace, WorkspaceNotEmptyError, type SeedSummary } from '../../seed/seeder.js';
import type { Deps } from '../../services/context.js';
import { output, withContext } from '../context.js';
import { CliError } from './admin.js';

export function registerSeed(program: Command): void {
  program
    .command('seed')
    .description('Fill an empty workspace with a believable demo integrator (the same --seed gives the same data)')
    .option('--scale <scale>', 'small: the demo (~1,000 accounts); tiny: 60 accounts, for trying things out; large: benchmarks (100,000 accounts, millions of activities)', 'small')
    .option('--seed <n>', 'random seed', '1')
    .option('--json', 'print the summary as JSON')
    .action(async (options: { scale: string; seed: string; json?: boolean }) => {
      if (!(scaleNames as readonly string[]).includes(options.scale)) {
        throw new CliError(`--scale must be ${scaleNames.join(', ')}, not "${options.scale}"`);
      }
      const seed = Number(options.seed);
      if (!Number.isSafeInteger(seed) || seed < 0) throw new CliError(`--seed must be a whole number ≥ 0, not "${options.seed}"`);
      const scale = scales[options.scale as ScaleName];

      await withContext(async ({ db, deps }) => {
        const progress = startProgress(expectedRows(scale));
        let summary: SeedSummary;
        try {
          summary = await seedWorkspace(db, deps.hasher, { scale, seed, onProgress: progress.update });
        } catch (error) {
          if (error instanceof WorkspaceNotEmptyError) {
            throw new CliError(
              `${error.message}\nRun it against a fresh database: set DIFUSI_DATA_DIR to an empty folder (SQLite) or DATABASE_URL to a new PostgreSQL database, then run difusi seed again.`,
            );
          }
          throw error;
        } finally {
          progress.stop();
        }
        // The marketing scenario goes through the services: right for the demo, too slow and
        // beside the point for the benchmark scale, which stays a pure bulk load.
        const scenario = scale.name === 'large' ? null : await seedMarketingScenario(deps, { seed });
        output(options.json, { ...summary, scenario }, () => describeSummary(summary, db.location, scenario));
      });
    });
}

/** On first start of `difusi serve`: an empty workspace gets the small demo (seed 1) and its logins are printed. */
export async function seedDemoIfEmpty(deps: Deps): Promise<void> {
  if (await new SeedRepository(deps.db.kysely, deps.db.dialect).hasUsers()) return;
  console.log('The workspace is empty: loading the demo integrator (difusi serve --no-demo or DIFUSI_DEMO=0 to skip)…');
  try {
    const summary = await seedWorkspace(deps.db, deps.hasher, { scale: scales.small, seed: 1 });
    const scenario = await seedMarketingScenario(deps, { seed: 1 });
    console.log(describeSummary(summary, deps.db.location, scenario));
  } catch (error) {
    // Another server seeded it first: nothing to do.
    if (!(error instanceof WorkspaceNotEmptyError)) throw error;
  }
}

function describeSummary(summary: SeedSummary, location: string, scenario: ScenarioSummary | null = null): string {
  const counts = seedTables
    .filter((t) => summary.counts[t] > 0)
    .map((t) => `  ${t.padEnd(22)} ${summary.counts[t].toLocaleString('en-US').padStart(10)}`);
  const width = Math.max(...summary.logins.map((l) => l.email.length));
  return [
    `Seeded the ${summary.scale} demo workspace (seed ${summary.seed}) into ${location} in ${summary.seconds} s:`,
    ...counts,
    ...(scenario
      ? [
          `  and through the services, as the demo's people: ${scenario.segments} segments (${scenario.staticSegments} static), ${scenario.primaryTargets} primary and ${scenario.secondaryTargets} secondary targets,`,
          `    ${scenario.positioned} positioned solutions (${scenario.personaMessages} persona messages), ${scenario.contentItems} content links, ${scenario.playbookEntries} playbook entries, ${scenario.templates} WhatsApp templates,`,
          `    ${scenario.campaigns} campaigns with ${scenario.responses} responses (${scenario.journeysOpened} journeys opened, ${scenario.journeysTouched} touched), ${scenario.callLists} call list with ${scenario.callsRecorded} calls,`,
          `    ${scenario.handoffs} AM → SA handoffs, ${scenario.consents} consent records`,
        ]
      : []),
    '',
    `Demo logins (password for all: ${summary.password}):`,
    ...summary.logins.map((l) => `  ${l.email.padEnd(width)}  ${l.role.padEnd(18)} ${l.name}`),
  ].join('\n');
}

/** One bar per table on stderr, when stderr is a terminal. */
function startProgress(expected: Record<string, number>) {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const multi = new cliProgress.MultiBar(
    { format: '{table} [{bar}] {value}/{total}', stream: process.stderr, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  const bars = new Map<SeedTable, { bar: cliProgress.SingleBar; written: number }>();
  return {
    update: (table: SeedTable, written: number) => {
      let entry = bars.get(table);
      if (!entry) {
        entry = { bar: multi.create(Math.max(written, Math.round(expected[table] ?? written)), 0, { table: table.padEnd(22) }), written };
        bars.set(table, entry);
      }
      entry.written = written;
      if (written > entry.bar.getTotal()) entry.bar.setTotal(written);
      entry.bar.update(written, { table: table.padEnd(22) });
    },
    /** The estimates were only estimates: every bar ends full at its real count. */
    stop: () => {
      for (const { bar, written } of bars.values()) {
        bar.setTotal(written);
        bar.update(written);
      }
      multi.stop();
    },
  };
}
