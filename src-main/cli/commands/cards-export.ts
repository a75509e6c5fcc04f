import { asUser, type CommandContext } from '../context';
import { cliText } from '../messages';

/**
 * `kedang export cards --out FILE.xlsx`: every card, in code order, to a
 * workbook marked confidential, logged as any export is. The path reaches
 * the service as the host's answer to its save dialog.
 */
export async function exportCardsCommand(ctx: CommandContext): Promise<number> {
  const exported = await asUser(ctx, () =>
    ctx.call('cards.export', { query: '', filters: {}, sort: { column: 'code', direction: 'asc' } }),
  );
  ctx.out.line(cliText('exportDone', ctx.language, { rows: exported.rows, path: exported.path }));
  ctx.out.result({ export: exported });
  return 0;
}
