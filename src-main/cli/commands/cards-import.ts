import { resolve } from 'node:path';
import type { CardImportReport } from '../../../src-shared/cards/import-report';
import { IMPORT_TARGETS } from '../../../src-shared/cards/import-targets';
import { ImportMappingSchema } from '../../../src-shared/contracts/cards';
import type { CliCommand } from '../args';
import { asUser, type CommandContext } from '../context';
import { cliText } from '../messages';
import { readMappingFile } from './mapping-file';

/** Rejected rows printed for people; --json carries the report's list. */
const PRINTED_REJECTIONS = 50;

type ImportCardsCommand = Extract<CliCommand, { name: 'import-cards' }>;

function printReport(ctx: CommandContext, report: CardImportReport): void {
  const { language } = ctx;
  const label = new Map(IMPORT_TARGETS.map((t) => [t.target, language === 'zh' ? t.zh : t.en]));
  ctx.out.line(
    cliText('importFile', language, {
      file: report.fileName,
      format: report.format,
      encoding: report.encoding ? `, ${report.encoding}` : '',
      row: report.headerRow,
    }),
  );
  for (const c of report.columns) {
    const target = c.target ? (label.get(c.target) ?? c.target) : cliText('importIgnored', language);
    ctx.out.line(cliText('importColumn', language, { header: c.header, target }));
  }
  ctx.out.line(
    cliText('importCounts', language, {
      total: report.totalRows,
      create: report.toCreate,
      update: report.toUpdate,
      unchanged: report.unchanged,
      skip: report.toSkip,
      rejected: report.rejectedCount + report.rejectedPeopleCount,
    }),
  );
  const separator = language === 'zh' ? '；' : '; ';
  for (const r of report.rejected.slice(0, PRINTED_REJECTIONS)) {
    const key = r.sheet === 'people' ? 'importRejectedPerson' : 'importRejectedRow';
    ctx.out.line(cliText(key, language, { row: r.row, reasons: r.reasons.join(separator) }));
  }
  const unlisted =
    report.rejectedCount + report.rejectedPeopleCount - Math.min(report.rejected.length, PRINTED_REJECTIONS);
  if (unlisted > 0) ctx.out.line(cliText('importMoreRejected', language, { count: unlisted }));
  if (report.newDictionaryValues.length > 0) {
    const values = report.newDictionaryValues.map((v) => `${v.axis}:${v.value}`).join(', ');
    ctx.out.line(cliText('importNewValues', language, { values }));
  }
}

/**
 * `kedang import cards FILE [--mapping FILE.json] [--dry-run] [--duplicates skip|update|new]`:
 * the same dry run and import as the import screen, as the given user. With
 * --dry-run nothing is written and the report is printed; without it every
 * accepted row is imported in one transaction, or none.
 */
export async function importCardsCommand(ctx: CommandContext, command: ImportCardsCommand): Promise<number> {
  const mapping = command.mapping ? await readMappingFile(ctx, command.mapping, ImportMappingSchema) : undefined;
  const input = {
    path: resolve(command.file),
    duplicateMode: command.duplicates,
    ...(mapping ? { mapping } : {}),
  };
  return asUser(ctx, async () => {
    if (command.dryRun) {
      const report = await ctx.call('cards.importPreview', input);
      printReport(ctx, report);
      ctx.out.line(cliText('importDryRun', ctx.language));
      ctx.out.result({ dryRun: true, report });
      return 0;
    }
    const result = await ctx.call('cards.importCommit', input);
    printReport(ctx, result);
    ctx.out.line(
      cliText('importDone', ctx.language, {
        created: result.created,
        updated: result.updated,
        skipped: result.skipped,
        rejected: result.rejectedCount,
      }),
    );
    ctx.out.result({ dryRun: false, result });
    return 0;
  });
}
