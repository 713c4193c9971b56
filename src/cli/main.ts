import { Command, CommanderError } from 'commander';
import { ZodError } from 'zod';
import { AppError } from '../shared/errors.js';
import { API_VERSION } from '../http/app.js';
import { CliError, registerAdminCommands } from './commands/admin.js';
import { registerFit } from './commands/fit.js';
import { registerReport } from './commands/report.js';
import { registerSeed } from './commands/seed.js';
import { registerServe } from './commands/serve.js';

export function buildProgram(): Command {
  const program = new Command('difusi')
    .description('Difusi: CRM for B2B personal selling of technology innovations')
    .version(API_VERSION)
    .showHelpAfterError()
    .addHelpText(
      'after',
      '\nEnvironment: DATABASE_URL (postgres://…; default SQLite under DIFUSI_DATA_DIR, default ./data), PORT, HOST, DIFUSI_DEMO=0, LOG_LEVEL.',
    );
  registerServe(program);
  registerAdminCommands(program);
  registerSeed(program);
  registerReport(program);
  registerFit(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) process.exit(error.exitCode);
    if (error instanceof CliError) {
      console.error(error.message);
    } else if (error instanceof AppError) {
      const issues = error.details?.issues?.map((i) => `  ${i.field}: ${i.reason}`).join('\n');
      console.error(`${error.message}${issues ? `\n${issues}` : ''}`);
    } else if (error instanceof ZodError) {
      console.error(error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
    } else {
      console.error(error);
    }
    process.exit(1);
  }
}
