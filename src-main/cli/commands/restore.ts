import { cliText } from '../messages';
import { asUser, type CommandContext } from '../context';

/** `kedang restore FILE --yes`: replaces the archive with a backup of it (the --yes is checked by the parser). */
export async function restoreCommand(ctx: CommandContext, path: string): Promise<number> {
  const restored = await asUser(ctx, () => ctx.call('backup.restore', { path, confirm: true }));
  ctx.out.line(cliText('restored', ctx.language, { path: restored.restoredFrom, rows: restored.logRowsCarriedOver }));
  ctx.out.result({ restore: restored });
  return 0;
}
