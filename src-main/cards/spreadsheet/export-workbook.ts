import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { CardContent, ClassificationAxis } from '../../../src-shared/cards/card';
import { CARD_FIELDS } from '../../../src-shared/cards/card-fields';
import { KedangError } from '../../errors';
import type { ArchiveSchema } from '../../store/schema';
import { confidentialPages, CONFIDENTIAL, exportedByLine, markConfidential } from './confidential-marks';
import { CARD_SHEET_HEADERS, cardCells, labelKey, PEOPLE_SHEET_HEADERS, personCells } from './export-cells';
import { axisLabel, DICTIONARY_COLUMNS } from './file-dictionary';
import { OPEN_AXES } from './import-references';
import { SHEET_NAMES } from './sheet-rows';
import { writeWorkbookFile } from './workbook-file';

/** Cards read per query while writing; keeps memory flat for 100,000 cards. */
const BATCH = 500;

export interface ExportMeta {
  displayName: string;
  username: string;
  at: Date;
}

/**
 * Writes the cards to an xlsx with exceljs's streaming writer: the 客户档案
 * sheet (banner, header, one row per card), the 人员 sheet (one row per
 * person, by customer code) and the 分类字典 sheet with the region, route
 * and industry entries the cards use, so that importing the file into
 * another archive keeps their codes. Every sheet and the document
 * properties are marked confidential.
 */
export async function writeCardsWorkbook(
  db: Kysely<ArchiveSchema>,
  path: string,
  ids: readonly number[],
  meta: ExportMeta,
): Promise<void> {
  const dictionary = await db
    .selectFrom('dictionary_entries')
    .select(['axis', 'code', 'label', 'label_en', 'parent_code'])
    .orderBy('axis')
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
  const labels = new Map(dictionary.map((d) => [labelKey(d.axis, d.code), d.label]));
  const usedOpenEntries = new Set<string>();
  const exportedBy = exportedByLine(meta.displayName, meta.username, meta.at);
  const banner = `${CONFIDENTIAL} · ${exportedBy}`;

  await writeWorkbookFile(path, async (part) => {
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: part, useStyles: true, useSharedStrings: false });
    markConfidential(book, '客户档案', exportedBy, meta.at);

    const cards = addSheet(book, SHEET_NAMES.cards, banner, exportedBy, CARD_SHEET_HEADERS, (i) =>
      CARD_FIELDS[i]!.kind === 'longText' ? 30 : 14,
    );
    await eachCard(db, ids, (content) => {
      for (const axis of OPEN_AXES) {
        const code = content.classification[axis];
        if (code) usedOpenEntries.add(labelKey(axis, code));
      }
      cards.addRow(cardCells(content, labels)).commit();
    });
    cards.commit();

    const people = addSheet(book, SHEET_NAMES.people, banner, exportedBy, PEOPLE_SHEET_HEADERS, (i) =>
      i >= 5 ? 24 : 14,
    );
    await eachCard(db, ids, (content) => {
      for (const person of content.people) people.addRow(personCells(content.basic.code, person)).commit();
    });
    people.commit();

    const entries = addSheet(book, SHEET_NAMES.dictionary, banner, exportedBy, DICTIONARY_COLUMNS, () => 16);
    for (const d of dictionary) {
      if (!usedOpenEntries.has(labelKey(d.axis, d.code))) continue;
      entries.addRow([axisLabel(d.axis as ClassificationAxis), d.code, d.label, d.label_en, d.parent_code]).commit();
    }
    entries.commit();
    await book.commit();
  });
}

function addSheet(
  book: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  banner: string,
  exportedBy: string,
  headers: readonly string[],
  width: (column: number) => number,
) {
  const sheet = book.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 2 }],
    headerFooter: confidentialPages(exportedBy),
    pageSetup: { orientation: 'landscape', paperSize: 9, printTitlesRow: '2:2' },
  });
  sheet.columns = headers.map((_, i) => ({ width: width(i) }));
  const top = sheet.addRow([banner]);
  top.font = { bold: true, color: { argb: 'FFC00000' } };
  top.commit();
  const head = sheet.addRow([...headers]);
  head.font = { bold: true };
  head.commit();
  return sheet;
}

/** Each card's current content in the order of `ids`; CARD_NOT_FOUND when one does not exist. */
async function eachCard(
  db: Kysely<ArchiveSchema>,
  ids: readonly number[],
  visit: (content: CardContent) => void,
): Promise<void> {
  for (let start = 0; start < ids.length; start += BATCH) {
    const batch = ids.slice(start, start + BATCH);
    const rows = await db
      .selectFrom('customers')
      .innerJoin('card_versions', (join) =>
        join
          .onRef('card_versions.customer_id', '=', 'customers.id')
          .onRef('card_versions.version', '=', 'customers.version'),
      )
      .select(['customers.id', 'card_versions.content'])
      .where('customers.id', 'in', batch)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r.content]));
    for (const id of batch) {
      const content = byId.get(id);
      if (content === undefined) throw new KedangError('CARD_NOT_FOUND');
      visit(JSON.parse(content) as CardContent);
    }
  }
}
