import { KedangError } from '../../errors';
import { workbookParts, type WorkbookSheet } from './workbook-sheets';
import { readDateStyles, readSharedStrings, worksheetRows, type SheetContext } from './xlsx-parts';
import { checkWorkbookZip } from './zip-check';
import { IMPORT_LIMITS, SHEET_NAMES, type ImportLimits, type ImportSheet, type SheetRow } from './sheet-rows';

/** An xlsx import: the small sheets read whole, the card sheet read as its rows are used. */
export interface XlsxWorkbook {
  cardSheetName: string;
  people: ImportSheet | null;
  dictionary: ImportSheet | null;
  /** The card sheet's rows, streamed afresh from the file on every call. */
  cardRows(): AsyncIterable<SheetRow>;
}

/**
 * Opens an xlsx import. The zip is checked whole first (a truncated or
 * damaged file is refused before anything is read); then the shared
 * strings and the cell styles (to tell date cells) are read, and the sheets
 * are streamed straight from their zip entries, so that a 100,000-row
 * workbook is never held as an object model nor as a whole array of rows.
 * The card sheet is the one named 客户档案, else the first sheet; the 人员 and
 * 分类字典 sheets are read whole beside it unless `sideSheets` is false (a
 * sales import reads its first sheet only).
 */
export async function openXlsx(
  path: string,
  options: { limits?: ImportLimits; sideSheets?: boolean } = {},
): Promise<XlsxWorkbook> {
  const limits = options.limits ?? IMPORT_LIMITS;
  const entries = await checkWorkbookZip(path);
  const parts = await workbookParts(path, entries);
  const context: SheetContext = {
    sharedStrings: await readSharedStrings(path, parts.sharedStrings),
    dateStyles: await readDateStyles(path, parts.styles),
    date1904: parts.date1904,
  };
  const sheetNamed = (name: string) => parts.sheets.find((s) => s.name === name);
  const cardSheet = sheetNamed(SHEET_NAMES.cards) ?? parts.sheets[0]!;
  if (!cardSheet.entry) throw new KedangError('IMPORT_UNREADABLE');
  const budget = { rows: 0 };
  const readWhole = async (sheet: WorkbookSheet | undefined): Promise<ImportSheet | null> => {
    if (!sheet?.entry || sheet === cardSheet || options.sideSheets === false) return null;
    const rows: SheetRow[] = [];
    for await (const row of worksheetRows(path, sheet.entry, context, budget, limits)) rows.push(row);
    return { name: sheet.name, rows };
  };
  const people = await readWhole(sheetNamed(SHEET_NAMES.people));
  const dictionary = await readWhole(sheetNamed(SHEET_NAMES.dictionary));
  const sideRows = budget.rows;
  return {
    cardSheetName: cardSheet.name,
    people,
    dictionary,
    cardRows: () => worksheetRows(path, cardSheet.entry!, context, { rows: sideRows }, limits),
  };
}

/** The whole workbook in memory, the card sheet's rows collected. For small files and checks, not for imports. */
export async function readXlsx(
  path: string,
): Promise<{ cards: ImportSheet; people: ImportSheet | null; dictionary: ImportSheet | null }> {
  const book = await openXlsx(path);
  const rows: SheetRow[] = [];
  for await (const row of book.cardRows()) rows.push(row);
  return { cards: { name: book.cardSheetName, rows }, people: book.people, dictionary: book.dictionary };
}
