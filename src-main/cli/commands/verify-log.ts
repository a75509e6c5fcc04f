import { cliText } from '../messages';
import { asUser, type CommandContext } from '../context';

/**
 * `kedang verify-log`: checks the access log's hash chain. Exit code 1 when
 * the chain is broken, so a scheduled task can alert; the JSON then carries
 * `ok: false` and the verification with the first bad seq.
 */
export async function verifyLogCommand(ctx: CommandContext): Promise<number> {
  const verification = await asUser(ctx, () => ctx.call('accessLog.verify', {}));
  if (verification.ok) {
    ctx.out.line(cliText('logOk', ctx.language, { rows: verification.checkedRows, last: verification.lastSeq }));
  } else {
    ctx.out.line(
      cliText('logBad', ctx.language, {
        seq: verification.firstBadSeq ?? '?',
        problem: verification.problem ?? '?',
      }),
    );
  }
  ctx.out.result({ ok: verification.ok, verification });
  return verification.ok ? 0 : 1;
}
