import { cliText } from '../messages';
import { asUser, type CommandContext } from '../context';

/** `kedang users list`: the user accounts with roles and state, for an administrator. */
export async function usersListCommand(ctx: CommandContext): Promise<number> {
  const users = await asUser(ctx, () => ctx.call('users.list', {}));
  const { language } = ctx;
  ctx.out.line(cliText('usersHeader', language));
  for (const user of users) {
    const state = [
      cliText(user.active ? 'active' : 'inactive', language),
      ...(user.lockedUntil ? [cliText('lockedUntil', language, { until: user.lockedUntil })] : []),
    ].join(', ');
    ctx.out.line([user.id, user.username, user.displayName, user.roles.join(','), state].join('\t'));
  }
  ctx.out.result({ users });
  return 0;
}
