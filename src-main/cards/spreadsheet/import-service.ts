import type { CardImportReport, CardImportResult } from '../../../src-shared/cards/import-report';
import type { ParsedInputOf } from '../../../src-shared/contracts';
import { logDetail } from '../../../src-shared/log-details';
import { askForPath } from '../../app/app-service';
import { isKedangError, toKedangError } from '../../errors';
import { sessionOf, type Call } from '../../router/call';
import { stampVerification, unverifyChangedCustomerForms, type Author } from '../card-records';
import { BulkCardWriter } from './bulk-card-writer';
import { planImport, type ImportPlan } from './import-plan';
import { openImportFile } from './open-import-file';
import { writeRejectionsWorkbook } from './rejections-workbook';
import type { ImportWorkbook } from './sheet-rows';
import { storedContents } from './stored-contents';
import { writeTemplateWorkbook } from './template-workbook';

type ImportInput = ParsedInputOf<'cards.importPreview'>;

async function plannedImport(
  call: Call,
  input: ImportInput,
  keepRejectedRows = false,
): Promise<{ file: ImportWorkbook; plan: ImportPlan }> {
  const file = await openImportFile(input.path);
  const archive = call.office.requireArchive();
  const plan = await planImport(
    archive.db,
    storedContents(archive.raw),
    file,
    { mapping: input.mapping, duplicateMode: input.duplicateMode, keepRejectedRows },
    call.connection.language,
  );
  return { file, plan };
}

/** The dry run: what an import of the file would do, with every rejected row's reasons. Writes nothing. */
export async function importPreview(call: Call, input: ImportInput): Promise<CardImportReport> {
  return (await plannedImport(call, input)).plan.report;
}

/**
 * Imports every accepted row in one transaction with its one access-log
 * row, or nothing at all. The file is planned again inside the transaction,
 * so what is written matches the archive as it is at that moment. A
 * refused or failed import is logged as such, after the rollback.
 */
export async function importCommit(call: Call, input: ParsedInputOf<'cards.importCommit'>): Promise<CardImportResult> {
  const { office, connection } = call;
  const session = sessionOf(call);
  const author: Author = { username: session.username, displayName: session.displayName };
  const fileName = input.path.split(/[\\/]/).pop() ?? input.path;
  try {
    const file = await openImportFile(input.path);
    const archive = office.requireArchive();
    const stored = storedContents(archive.raw);
    return await office.transaction(async (trx, log) => {
      const at = office.now().toISOString();
      const writer = new BulkCardWriter(archive.raw, stored, author, at, 'import', file.fileName);
      let updated = 0;
      let unchanged = 0;
      const plan = await planImport(
        trx,
        stored,
        file,
        { mapping: input.mapping, duplicateMode: input.duplicateMode },
        connection.language,
        {
          writes: true,
          create: (content) => writer.insert(stampVerification(null, content, author, at)),
          update: (id, content, previous) => {
            // Changed customer-filled data loses its verification here too, as in the card form.
            const checked = unverifyChangedCustomerForms(previous, content);
            if (writer.update(id, stampVerification(previous, checked, author, at)).changed) updated++;
            else unchanged++;
          },
        },
      );
      writer.addDictionaryEntries(plan.newEntries);
      const created = plan.report.toCreate;
      const skipped = plan.report.toSkip + plan.report.unchanged + unchanged;
      await log(
        trx,
        office.entry(connection, session, {
          action: 'card_import',
          target: input.path,
          outcome: 'success',
          detail: logDetail([
            'importDone',
            { file: file.fileName, created, updated, skipped, rejected: plan.report.rejectedCount },
          ]),
        }),
      );
      return { ...plan.report, created, updated, skipped };
    });
  } catch (error) {
    const known = toKedangError(error);
    const reason = isKedangError(known) ? known.code : 'INTERNAL';
    if (reason !== 'NOT_LOGGED_IN') {
      await office
        .logAlone(connection, session, {
          action: 'card_import',
          target: input.path,
          outcome: 'failure',
          detail: logDetail(['importRefused', { file: fileName, reason }]),
        })
        .catch(() => undefined);
    }
    throw known;
  }
}

/** Saves the rejected rows (with their people) to a workbook the user chooses, to fix and import again. */
export async function importRejections(
  call: Call,
  input: ParsedInputOf<'cards.importRejections'>,
): Promise<{ path: string; rows: number }> {
  const session = sessionOf(call);
  const { file, plan } = await plannedImport(call, input, true);
  const path = await askForPath(call, 'importRejections', 'save');
  const rows = await writeRejectionsWorkbook(path, plan, call.connection.language);
  await call.office.logAlone(call.connection, session, {
    action: 'card_import',
    target: path,
    outcome: 'success',
    detail: logDetail(['rejectionsSaved', { file: file.fileName, rows }]),
  });
  return { path, rows };
}

/** Saves the import template with the current dictionary values in its instructions. */
export async function importTemplate(call: Call): Promise<{ path: string }> {
  const session = sessionOf(call);
  const dictionary = await call.office
    .requireArchive()
    .db.selectFrom('dictionary_entries')
    .select(['axis', 'code', 'label'])
    .where('active', '=', 1)
    .orderBy('axis')
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
  const path = await askForPath(call, 'cardTemplate', 'save');
  await writeTemplateWorkbook(path, dictionary, call.connection.language);
  await call.office.logAlone(call.connection, session, {
    action: 'card_import',
    target: path,
    outcome: 'success',
    detail: logDetail(['templateSaved']),
  });
  return { path };
}
