import type { Kysely } from 'kysely';
import { CLASSIFICATION_AXES, SECTION_KEYS, type CardContent } from '../../../src-shared/cards/card';
import { diffCards } from '../../../src-shared/cards/card-diff';
import {
  REPORT_LIST_LIMIT,
  type CardImportReport,
  type DuplicateRow,
  type RejectedRow,
} from '../../../src-shared/cards/import-report';
import type { DuplicateMode } from '../../../src-shared/contracts/cards';
import { errorMessage, type Language } from '../../../src-shared/errors';
import { KedangError } from '../../errors';
import type { ArchiveSchema } from '../../store/schema';
import { DuplicateMatcher, type MatchTarget } from './duplicate-matching';
import { readFileDictionary } from './file-dictionary';
import { findHeaderRow, HEADER_SEARCH_ROWS, resolveColumns, type UserMapping } from './header-mapping';
import { loadReferences, OPEN_AXES, type DictionaryLookup, type NewDictionaryEntry } from './import-references';
import { importText } from './import-texts';
import { codeKey, readPeopleSheet, type PeopleSheet, type SheetPerson } from './people-sheet';
import { buildCard, importedCardDefaults, RowReader } from './row-to-card';
import { cellText, isBlankRow, type CellValue, type ImportWorkbook, type SheetRow } from './sheet-rows';
import type { StoredContents } from './stored-contents';

/** How many data rows the report shows for checking the mapping. */
const PREVIEW_ROWS = 20;

export interface ImportRequest {
  mapping?: UserMapping | undefined;
  duplicateMode: DuplicateMode;
  /** Keep every rejected row's cells, for the rejection workbook; otherwise only the first ones are listed. */
  keepRejectedRows?: boolean;
}

/**
 * Where the planned changes go as each row is decided: nowhere in a dry run,
 * into the archive during a commit. Rows are planned and written one at a
 * time so that 100,000 cards are never all held in memory.
 */
export interface PlanSink {
  /** True when the sink writes: later rows then read the cards they update back from the archive. */
  readonly writes: boolean;
  /** A new card with its code decided; answers its id once it exists. */
  create(content: CardContent): number | null;
  /** A new version of a card; `previous` is its content until now. */
  update(id: number, content: CardContent, previous: CardContent): void;
}

/** A dry run: nothing is written. */
export const DRY_RUN: PlanSink = { writes: false, create: () => null, update: () => undefined };

/** A rejected row with its cells as the file had them, for the rejection workbook. */
export interface RejectedRecord {
  row: number;
  reasons: string[];
  cells: CellValue[];
}

/** What an import does or would do. */
export interface ImportPlan {
  report: CardImportReport;
  /** Region, route and industry values that accepted rows use and the dictionaries do not have yet. */
  newEntries: NewDictionaryEntry[];
  /** Card sheet header and the rejected rows (all of them when keepRejectedRows was asked). */
  headers: string[];
  rejectedCards: RejectedRecord[];
  /** People sheet header, its rows that belong to no card, and the rows that go back with rejected cards. */
  people: { headers: string[]; rejected: RejectedRecord[]; returned: RejectedRecord[] } | null;
}

/**
 * Plans an import: finds the header, maps the columns, reads every row into
 * a card, validates it, and decides create / update / skip / reject by the
 * duplicate mode, handing each change to `sink` as it is decided. The dry
 * run, the rejection workbook and the commit (inside its transaction) all
 * run this, so all three agree.
 */
export async function planImport(
  db: Kysely<ArchiveSchema>,
  stored: StoredContents,
  file: ImportWorkbook,
  request: ImportRequest,
  language: Language,
  sink: PlanSink = DRY_RUN,
): Promise<ImportPlan> {
  const rows = file.cardRows()[Symbol.asyncIterator]();
  try {
    return await planRows(db, stored, file, rows, request, language, sink);
  } finally {
    await rows.return?.();
  }
}

/** A generated code follows the highest card id (KH000123), as nextCustomerCode does, and skips codes in use. */
function generatedCode(matcher: DuplicateMatcher, from: number): { code: string; number: number } {
  for (let n = from; ; n++) {
    const code = `KH${String(n).padStart(6, '0')}`;
    if (!matcher.isCodeTaken(code)) return { code, number: n };
  }
}

async function planRows(
  db: Kysely<ArchiveSchema>,
  stored: StoredContents,
  file: ImportWorkbook,
  rows: AsyncIterator<SheetRow>,
  request: ImportRequest,
  language: Language,
  sink: PlanSink,
): Promise<ImportPlan> {
  // Only the top rows are held to find the header; the rest are planned as they are read.
  const top: SheetRow[] = [];
  while (top.length < HEADER_SEARCH_ROWS) {
    const next = await rows.next();
    if (next.done) break;
    top.push(next.value);
  }
  if (top.every((r) => isBlankRow(r.cells))) throw new KedangError('IMPORT_NO_ROWS');
  const headerIndex = findHeaderRow(top, request.mapping);
  const headerRow = top[headerIndex]!;
  const headers = headerRow.cells.map(cellText);
  const columns = resolveColumns(headers, request.mapping);
  async function* dataRows(): AsyncGenerator<SheetRow> {
    yield* top.slice(headerIndex + 1);
    for (let next = await rows.next(); !next.done; next = await rows.next()) yield next.value;
  }
  const people = readPeopleSheet(file.people);
  const references = await loadReferences(db, readFileDictionary(file.dictionary));
  const matcher = await DuplicateMatcher.load(db);
  const reader = new RowReader(columns, references, language);

  const mode = request.duplicateMode;
  const rejectedCards: RejectedRecord[] = [];
  let rejectedCount = 0;
  const duplicates: DuplicateRow[] = [];
  let duplicateCount = 0;
  const noteDuplicate = (d: DuplicateRow) => {
    duplicateCount++;
    if (duplicates.length < REPORT_LIST_LIMIT) duplicates.push(d);
  };
  const counts = { toCreate: 0, toUpdate: 0, unchanged: 0, toSkip: 0 };
  // In a dry run nothing is written, so the cards this import changes are kept here for later rows
  // that update them again (only in update mode: no other mode builds on a matched card). A commit
  // reads them back from the archive instead.
  const latest = new Map<string, CardContent>();
  const keyOf = (t: MatchTarget) => (t.kind === 'existing' ? `e${t.id}` : `f${t.row}`);
  const currentOf = (t: MatchTarget): CardContent => {
    const kept = latest.get(keyOf(t));
    if (kept) return kept;
    if (t.id === null) throw new Error('a card of this file is not known to the plan');
    return stored.current(t.id);
  };
  const keep = (t: MatchTarget, content: CardContent) => {
    if (!sink.writes && request.duplicateMode === 'update') latest.set(keyOf(t), content);
  };
  const usedEntries = new Map<string, NewDictionaryEntry>();
  const noteEntries = (content: CardContent) => noteNewEntries(content, references.dictionary, usedEntries);
  let nextId = matcher.maxId + 1;
  let lastGenerated = 0;
  const codesInSheet = new Set<string>();
  const rejectedCodes = new Map<string, number>();
  let totalRows = 0;
  const preview: string[][] = [];

  for await (const { row, cells } of dataRows()) {
    if (isBlankRow(cells)) continue;
    totalRows++;
    if (preview.length < PREVIEW_ROWS) preview.push(headers.map((_, i) => cellText(cells[i] ?? null)));
    const patch = reader.read(row, cells);
    if (patch.code) codesInSheet.add(codeKey(patch.code));
    const sheetPeople = patch.code ? people?.byCode.get(codeKey(patch.code)) : undefined;
    const reject = (reasons: string[]) => {
      rejectedCount++;
      if (request.keepRejectedRows || rejectedCards.length < REPORT_LIST_LIMIT)
        rejectedCards.push({ row, reasons, cells });
      if (patch.code && !rejectedCodes.has(codeKey(patch.code))) rejectedCodes.set(codeKey(patch.code), row);
    };
    const match = matcher.find(patch);
    if (match) {
      const t = match.target;
      const duplicate: DuplicateRow = {
        row,
        cardId: t.kind === 'existing' ? t.id : null,
        cardCode: t.code,
        matchedRow: t.kind === 'file' ? t.row : null,
        matchedBy: match.by,
      };
      if (mode === 'skip') {
        noteDuplicate(duplicate);
        counts.toSkip++;
        continue;
      }
      if (mode === 'update') {
        if (t.kind === 'existing' && t.merged) {
          reject([errorMessage('CARD_MERGED', language)]);
          continue;
        }
        const current = currentOf(t);
        const built = buildCard(withoutStamps(current), patch, sheetPeople, language);
        if ('reasons' in built) {
          reject(built.reasons);
          continue;
        }
        noteDuplicate(duplicate);
        if (diffCards(current, built.content).length === 0) {
          counts.unchanged++;
          continue;
        }
        if (t.id !== null) sink.update(t.id, built.content, current);
        keep(t, built.content);
        matcher.remember(built.content, t);
        noteEntries(built.content);
        counts.toUpdate++;
        continue;
      }
      noteDuplicate(duplicate);
    }
    const built = buildCard(importedCardDefaults(), patch, sheetPeople, language);
    if ('reasons' in built) {
      reject(built.reasons);
      continue;
    }
    const content = built.content;
    if (content.basic.code && matcher.isCodeTaken(content.basic.code)) {
      reject([errorMessage('CARD_CODE_TAKEN', language)]);
      continue;
    }
    if (!content.basic.code) {
      const generated = generatedCode(matcher, Math.max(nextId, lastGenerated + 1));
      lastGenerated = generated.number;
      content.basic.code = generated.code;
    }
    const id = sink.create(content);
    nextId++;
    const target: MatchTarget = { kind: 'file', row, code: content.basic.code, id };
    keep(target, content);
    matcher.remember(content, target);
    noteEntries(content);
    counts.toCreate++;
  }
  if (totalRows === 0) throw new KedangError('IMPORT_NO_ROWS');

  const peoplePlan = people ? planPeople(people, codesInSheet, rejectedCodes, language) : null;
  const newEntries = [...usedEntries.values()];
  const rejectedRows: RejectedRow[] = [
    ...rejectedCards.slice(0, REPORT_LIST_LIMIT).map(({ row, reasons }) => ({ row, reasons })),
    ...(peoplePlan?.rejected
      .slice(0, REPORT_LIST_LIMIT)
      .map(({ row, reasons }) => ({ row, reasons, sheet: 'people' as const })) ?? []),
  ];
  const report: CardImportReport = {
    fileName: file.fileName,
    format: file.format,
    encoding: file.encoding,
    headerRow: headerRow.row,
    columns,
    preview,
    duplicateMode: mode,
    totalRows,
    acceptedRows: counts.toCreate + counts.toUpdate + counts.unchanged + counts.toSkip,
    ...counts,
    rejected: rejectedRows.slice(0, REPORT_LIST_LIMIT),
    rejectedCount,
    rejectedPeopleCount: peoplePlan?.rejected.length ?? 0,
    duplicates,
    duplicateCount,
    newDictionaryValues: newEntries.map((e) => ({ axis: e.axis, value: e.label })),
  };
  return {
    report,
    newEntries,
    headers,
    rejectedCards,
    people: peoplePlan ? { headers: people!.headers, ...peoplePlan } : null,
  };
}

/**
 * The card as the import builds on it: who verified a section and when are
 * not the file's to say, and are set again from the saved card when the
 * new version is stamped.
 */
function withoutStamps(content: CardContent): CardContent {
  const copy = structuredClone(content);
  for (const key of SECTION_KEYS) copy.sources[key] = { ...copy.sources[key], verifiedBy: null, verifiedAt: null };
  return copy;
}

/** People rows that belong to no card row, and those that go back with a rejected card. */
function planPeople(
  people: PeopleSheet,
  codesInSheet: ReadonlySet<string>,
  rejectedCodes: ReadonlyMap<string, number>,
  language: Language,
) {
  const rejected: RejectedRecord[] = [];
  const returned: RejectedRecord[] = [];
  for (const p of people.rows) {
    const key = codeKey(p.code);
    if (!p.code) rejected.push(record(p, importText('personWithoutCode', language)));
    else if (!codesInSheet.has(key)) rejected.push(record(p, importText('orphanPerson', language, { code: p.code })));
    else if (rejectedCodes.has(key)) {
      returned.push(record(p, importText('peopleOfRejectedCard', language, { row: rejectedCodes.get(key)! })));
    }
  }
  return { rejected, returned };
}

const record = (p: SheetPerson, reason: string): RejectedRecord => ({ row: p.row, reasons: [reason], cells: p.cells });

/** Notes the dictionary values this import adds that an accepted card uses. */
function noteNewEntries(
  content: CardContent,
  dictionary: Pick<DictionaryLookup, 'addedEntry'>,
  used: Map<string, NewDictionaryEntry>,
): void {
  for (const axis of CLASSIFICATION_AXES) {
    if (!OPEN_AXES.has(axis)) continue;
    const code = content.classification[axis];
    const entry = code ? dictionary.addedEntry(axis, code) : undefined;
    if (entry) used.set(`${axis}\u0000${code}`, entry);
  }
}
