import type { ChannelName, InputOf, OutputOf } from '../../src-shared/contracts';
import { errorMessage, type ErrorCode, type KedangErrorDto, type Language } from '../../src-shared/errors';
import type { Kedang } from '../kedang';
import type { Connection } from '../router/connection';
import { UsageError, type CliArgs } from './args';
import { cliText } from './messages';
import { PromptCancelled, readFirstLine, type Prompter } from './prompt';

/** A failed call or check: exit code 1, the translated message on stderr (or JSON on stdout). */
export class CliFailure extends Error {
  constructor(readonly error: KedangErrorDto) {
    super(error.code);
  }
  static of(code: ErrorCode, language: Language, message?: string): CliFailure {
    return new CliFailure({ code, message: message ?? errorMessage(code, language) });
  }
}

/** Where a command prints: human lines to stdout, or one JSON object at the end with --json. */
export interface CliOutput {
  /** A line for people; suppressed with --json. */
  line(text: string): void;
  /** The JSON result fields (merged into `{ ok: true, ... }`); ignored without --json. */
  result(fields: Record<string, unknown>): void;
}

/** Everything a command needs: the parsed arguments, the router and the operator. */
export interface CommandContext {
  args: CliArgs;
  language: Language;
  kedang: Kedang;
  connection: Connection;
  prompter: Prompter | null;
  stdin: NodeJS.ReadableStream;
  out: CliOutput;
  /** One router call; a failed result becomes a CliFailure. */
  call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>>;
}

/** Calls the router and unwraps its result. The router validates input and output shapes; this only types them. */
export async function callRouter<C extends ChannelName>(
  kedang: Kedang,
  connection: Connection,
  channel: C,
  input: InputOf<C>,
): Promise<OutputOf<C>> {
  const result = await kedang.handle(connection, channel, input);
  if (!result.ok) throw new CliFailure(result.error);
  return result.value as OutputOf<C>;
}

/** A visible answer: from the option if given, else from the prompt; without a terminal it is a usage problem. */
export async function answer(ctx: CommandContext, given: string | null, label: string): Promise<string> {
  if (given !== null) return given;
  if (!ctx.prompter) throw new UsageError(cliText('notATerminal', ctx.language), ctx.language, ctx.args.json);
  return guard(ctx, ctx.prompter.ask(label));
}

/**
 * The password: the first line of stdin with --password-stdin, else a
 * prompt with no echo (twice when `confirm`). Never logged or printed.
 */
export async function password(ctx: CommandContext, confirm: boolean): Promise<string> {
  if (ctx.args.passwordStdin) {
    const line = await readFirstLine(ctx.stdin);
    if (!line) throw CliFailure.of('INVALID_INPUT', ctx.language, cliText('emptyPassword', ctx.language));
    return line;
  }
  if (!ctx.prompter) throw new UsageError(cliText('notATerminal', ctx.language), ctx.language, ctx.args.json);
  const first = await guard(ctx, ctx.prompter.askHidden(cliText('promptPassword', ctx.language)));
  if (confirm) {
    const second = await guard(ctx, ctx.prompter.askHidden(cliText('promptPasswordAgain', ctx.language)));
    if (first !== second) throw CliFailure.of('INVALID_INPUT', ctx.language, cliText('passwordMismatch', ctx.language));
  }
  return first;
}

async function guard<T>(ctx: CommandContext, promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof PromptCancelled) throw CliFailure.of('CANCELLED', ctx.language);
    throw error;
  }
}

/**
 * Logs in as the --user (asked for on a terminal), runs the work and always
 * logs out, so every CLI action sits between a login and a logout row in
 * the access log like a desktop session.
 */
export async function asUser<T>(ctx: CommandContext, work: () => Promise<T>): Promise<T> {
  const username = await answer(ctx, ctx.args.user, cliText('promptUser', ctx.language));
  const secret = await password(ctx, false);
  await ctx.call('auth.login', { username, password: secret });
  try {
    return await work();
  } finally {
    // A restore ends every session itself; a failing logout then is expected and harmless.
    if (ctx.connection.sessionId !== null) {
      await ctx.kedang.handle(ctx.connection, 'auth.logout', {}).catch(() => undefined);
    }
  }
}
