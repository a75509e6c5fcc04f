import { cliText } from '../messages';
import { asUser, type CommandContext } from '../context';

/** `kedang backup --out FILE`: a consistent, still-encrypted snapshot, made as the given user. */
export async function backupCommand(ctx: CommandContext, path: string): Promise<number> {
  const backup = await asUser(ctx, () => ctx.call('backup.create', { path }));
  ctx.out.line(cliText('backupWritten', ctx.language, { path: backup.path, bytes: backup.bytes }));
  ctx.out.result({ backup });
  return 0;
}
