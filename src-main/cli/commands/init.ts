import { cliText } from '../messages';
import { answer, password, type CommandContext } from '../context';

/** `kedang init`: creates the archive and its administrator, and prints the recovery code once. */
export async function initCommand(ctx: CommandContext): Promise<number> {
  const { args, language } = ctx;
  const archiveName = await answer(ctx, args.archiveName, cliText('promptArchiveName', language));
  const adminUsername = await answer(ctx, args.user, cliText('promptAdminUser', language));
  const adminDisplayName = await answer(ctx, args.displayName, cliText('promptDisplayName', language));
  const adminPassword = await password(ctx, true);
  const created = await ctx.call('setup.createArchive', {
    archiveName,
    adminUsername,
    adminDisplayName,
    adminPassword,
  });
  ctx.out.line(cliText('archiveCreated', language, { name: created.archiveName, dir: ctx.kedang.dataDir }));
  ctx.out.line('');
  ctx.out.line(cliText('recoveryCode', language));
  ctx.out.line(`    ${created.recoveryCode}`);
  ctx.out.line('');
  ctx.out.result({ archiveName: created.archiveName, dataDir: ctx.kedang.dataDir, recoveryCode: created.recoveryCode });
  return 0;
}
