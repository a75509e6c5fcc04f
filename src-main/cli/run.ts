import { resolve } from 'node:path';
import { errorMessage, type KedangErrorDto } from '../../src-shared/errors';
import { DATA_DIR_ENV, defaultDataDir } from '../data-dir';
import { createKedang, type Kedang, type KedangOptions } from '../kedang';
import { newConnection, type Host } from '../router/connection';
import { parseCliArgs, UsageError, type CliArgs } from './args';
import { analysisCommand } from './commands/analysis';
import { backupCommand } from './commands/backup';
import { exportCardsCommand } from './commands/cards-export';
import { importCardsCommand } from './commands/cards-import';
import { importSalesCommand } from './commands/sales-import';
import { initCommand } from './commands/init';
import { restoreCommand } from './commands/restore';
import { usersListCommand } from './commands/users-list';
import { verifyLogCommand } from './commands/verify-log';
import { callRouter, CliFailure, type CommandContext } from './context';
import { cliText } from './messages';
import { terminalPrompter, type Prompter } from './prompt';

/** The process streams the CLI uses; tests pass their own. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Whether stdin is an interactive terminal (prompts are only possible then). */
  isTTY: boolean;
}

/** Test seams; the `kedang` bin passes none. */
export interface CliOptions {
  /** Cheap scrypt cost for tests. */
  kdf?: KedangOptions['kdf'];
  createKedang?: (options: KedangOptions) => Kedang;
  /** Environment for KEDANG_DATA_DIR and the default data folder (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Replaces the terminal prompter (tests of the interactive path). */
  prompter?: Prompter;
}

/** Exit codes: success, a failed call or check, a command line that cannot run. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/**
 * Runs one CLI command to completion and returns the exit code. Opens the
 * archive through the same createKedang as the desktop app, acts through the
 * router (so permissions and the access log apply), and always closes it.
 */
export async function runCli(argv: readonly string[], io: CliIo, options: CliOptions = {}): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return reportUsage(error, io);
  }
  const { language } = args;
  if (args.command.name === 'help') {
    io.stdout.write(cliText('usage', language));
    return EXIT_OK;
  }

  const env = options.env ?? process.env;
  const dataDir = resolve(args.dataDir ?? env[DATA_DIR_ENV] ?? defaultDataDir(process.platform, env));
  const command = args.command;
  const chosenPath =
    command.name === 'backup' || command.name === 'export-cards'
      ? resolve(command.out)
      : command.name === 'restore'
        ? resolve(command.file)
        : null;
  // The CLI has no dialogs: a service that asks for a file gets the one named on the command line.
  const host: Host = {
    chooseFile: async () => chosenPath,
    // Printing needs a window; the CLI has none.
    print: async () => false,
  };

  const jsonFields: Record<string, unknown> = {};
  let prompter: Prompter | null = options.prompter ?? null;
  let kedang: Kedang | null = null;
  try {
    if (!prompter && io.isTTY && !args.passwordStdin) prompter = terminalPrompter(io.stdin, io.stderr);
    const kedangOptions: KedangOptions = { dataDir, host };
    if (options.kdf) kedangOptions.kdf = options.kdf;
    const openedKedang = (options.createKedang ?? createKedang)(kedangOptions);
    kedang = openedKedang;
    const connection = newConnection('cli', language);
    const ctx: CommandContext = {
      args,
      language,
      kedang: openedKedang,
      connection,
      prompter,
      stdin: io.stdin,
      out: {
        line: (text) => {
          if (!args.json) io.stdout.write(`${text}\n`);
        },
        result: (fields) => Object.assign(jsonFields, fields),
      },
      call: (channel, input) => callRouter(openedKedang, connection, channel, input),
    };
    await ctx.call('app.setLanguage', { language });

    let code: number;
    switch (command.name) {
      case 'init':
        code = await initCommand(ctx);
        break;
      case 'backup':
        code = await backupCommand(ctx, resolve(command.out));
        break;
      case 'restore':
        code = await restoreCommand(ctx, resolve(command.file));
        break;
      case 'verify-log':
        code = await verifyLogCommand(ctx);
        break;
      case 'users-list':
        code = await usersListCommand(ctx);
        break;
      case 'import-cards':
        code = await importCardsCommand(ctx, command);
        break;
      case 'import-sales':
        code = await importSalesCommand(ctx, command);
        break;
      case 'export-cards':
        code = await exportCardsCommand(ctx);
        break;
      case 'analysis':
        code = await analysisCommand(ctx, command);
        break;
    }
    if (args.json) io.stdout.write(`${JSON.stringify({ ok: code === EXIT_OK, ...jsonFields })}\n`);
    return code;
  } catch (error) {
    if (error instanceof UsageError) return reportUsage(error, io);
    const dto: KedangErrorDto =
      error instanceof CliFailure ? error.error : { code: 'INTERNAL', message: errorMessage('INTERNAL', language) };
    if (args.json)
      io.stdout.write(`${JSON.stringify({ ok: false, error: { code: dto.code, message: dto.message } })}\n`);
    else io.stderr.write(`${cliText('error', language)}${dto.message}\n`);
    return EXIT_FAILURE;
  } finally {
    prompter?.close();
    if (kedang) await kedang.close().catch(() => undefined);
  }
}

/** Exit code 2: what is wrong and the usage text on stderr, plus the JSON error with --json. */
function reportUsage(error: UsageError, io: CliIo): number {
  io.stderr.write(`${cliText('error', error.language)}${error.detail}\n\n${cliText('usage', error.language)}`);
  if (error.json) {
    io.stdout.write(`${JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', message: error.detail } })}\n`);
  }
  return EXIT_USAGE;
}
