import { resolve } from 'node:path';
import { SalesMappingSchema } from '../../../src-shared/contracts/sales';
import { formatCents, SALES_TARGET_INFO, type SalesImportReport } from '../../../src-shared/sales/sales';
import type { CliCommand } from '../args';
import { asUser, type CommandContext } from '../context';
import { cliText } from '../messages';
import { readMappingFile } from './mapping-file';

/** Rejected rows printed for people; --json carries the report's list. */
const PRINTED_REJECTIONS = 50;

type ImportSalesCommand = Extract<CliCommand, { name: 'import-sales' }>;

function printReport(ctx: CommandContext, report: SalesImportReport): void {
  const { language } = ctx;
  ctx.out.line(
    cliText('importFile', language, {
      file: report.fileName,
      format: report.format,
      encoding: report.encoding ? `, ${report.encoding}` : '',
      row: report.headerRow,
    }),
  );
  for (const c of report.columns) {
    const target = c.target ? SALES_TARGET_INFO[c.target][language] : cliText('importIgnored', language);
    ctx.out.line(cliText('importColumn', language, { header: c.header, target }));
  }
  ctx.out.line(
    cliText('salesCounts', language, {
      total: report.totalRows,
      accepted: report.acceptedRows,
      amount: formatCents(report.acceptedCents),
      customers: report.customers,
      products: report.newProducts,
      from: report.firstDate ?? '—',
      to: report.lastDate ?? '—',
      rejected: report.rejectedCount,
    }),
  );
  const separator = language === 'zh' ? '；' : '; ';
  for (const r of report.rejected.slice(0, PRINTED_REJECTIONS)) {
    ctx.out.line(cliText('importRejectedRow', language, { row: r.row, reasons: r.reasons.join(separator) }));
  }
  const unlisted = report.rejectedCount - Math.min(report.rejected.length, PRINTED_REJECTIONS);
  if (unlisted > 0) ctx.out.line(cliText('importMoreRejected', language, { count: unlisted }));
  if (report.alreadyImported) {
    const { at, by, importId } = report.alreadyImported;
    ctx.out.line(cliText('salesAlreadyImported', language, { at, by, id: importId }));
  }
}

/**
 * `kedang import sales|receipts FILE [--mapping FILE.json] [--dry-run]`:
 * the same dry run and import as the sales screen, with the same automatic
 * column mapping, as the given user. With --dry-run nothing is written and
 * the report is printed; without it every accepted row is imported in one
 * transaction, or none (the same file twice: ALREADY_IMPORTED, exit 1).
 */
export async function importSalesCommand(ctx: CommandContext, command: ImportSalesCommand): Promise<number> {
  const mapping = command.mapping ? await readMappingFile(ctx, command.mapping, SalesMappingSchema) : undefined;
  const input = { kind: command.kind, path: resolve(command.file), ...(mapping ? { mapping } : {}) };
  return asUser(ctx, async () => {
    if (command.dryRun) {
      const report = await ctx.call('sales.importPreview', input);
      printReport(ctx, report);
      ctx.out.line(cliText('importDryRun', ctx.language));
      ctx.out.result({ dryRun: true, report });
      return 0;
    }
    const result = await ctx.call('sales.importCommit', input);
    printReport(ctx, result);
    ctx.out.line(
      cliText('salesDone', ctx.language, {
        kind: cliText(command.kind === 'sales' ? 'kindSales' : 'kindReceipts', ctx.language),
        lines: result.lines,
        amount: formatCents(result.amountCents),
        rejected: result.rejectedCount,
        products: result.newProducts,
        id: result.importId,
      }),
    );
    ctx.out.result({ dryRun: false, result });
    return 0;
  });
}
