import { posix } from 'node:path';
import { KedangError } from '../../errors';
import { XmlEventReader } from './xml-events';
import { readZipEntry, type ZipEntry } from './zip-check';

/** A sheet of the workbook: its name as the user sees it and the zip entry of its part. */
export interface WorkbookSheet {
  name: string;
  entry: ZipEntry | null;
}

export interface WorkbookParts {
  /** In tab order. */
  sheets: WorkbookSheet[];
  /** Old Mac workbooks count days from 1904. */
  date1904: boolean;
  sharedStrings: ZipEntry | null;
  styles: ZipEntry | null;
}

/** Everything each element of a small part says, in order. */
async function elements(
  path: string,
  entry: ZipEntry,
): Promise<{ name: string; attributes: ReadonlyMap<string, string> }[]> {
  const found: { name: string; attributes: ReadonlyMap<string, string> }[] = [];
  const reader = new XmlEventReader({
    open: (name, attributes) => found.push({ name, attributes: attributes.all() }),
    close() {},
    text() {},
  });
  reader.write((await readZipEntry(path, entry)).toString('utf8'));
  reader.end();
  return found;
}

/**
 * The workbook's parts, read from xl/workbook.xml and its relationships
 * before any sheet is streamed: which sheets there are (so the card sheet
 * can be chosen and the 人员 sheet read first), where the shared strings
 * and styles are, and the date system.
 */
export async function workbookParts(path: string, entries: readonly ZipEntry[]): Promise<WorkbookParts> {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const book = byName.get('xl/workbook.xml');
  if (!book) throw new KedangError('IMPORT_UNREADABLE');
  const rels = new Map<string, { type: string; entry: ZipEntry | null }>();
  const relsEntry = byName.get('xl/_rels/workbook.xml.rels');
  if (relsEntry) {
    for (const { name, attributes } of await elements(path, relsEntry)) {
      if (name !== 'Relationship') continue;
      const target = attributes.get('Target') ?? '';
      const resolved = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target));
      rels.set(attributes.get('Id') ?? '', {
        type: (attributes.get('Type') ?? '').split('/').pop() ?? '',
        entry: byName.get(resolved) ?? null,
      });
    }
  }
  const sheets: WorkbookSheet[] = [];
  let date1904 = false;
  for (const { name, attributes } of await elements(path, book)) {
    if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attributes.get('date1904') ?? '');
    if (name !== 'sheet') continue;
    const rel = rels.get(attributes.get('id') ?? '');
    sheets.push({ name: (attributes.get('name') ?? '').trim(), entry: rel?.entry ?? null });
  }
  if (sheets.length === 0) throw new KedangError('IMPORT_UNREADABLE');
  const part = (type: string, fallback: string) =>
    [...rels.values()].find((r) => r.type === type)?.entry ?? byName.get(fallback) ?? null;
  return {
    sheets,
    date1904,
    sharedStrings: part('sharedStrings', 'xl/sharedStrings.xml'),
    styles: part('styles', 'xl/styles.xml'),
  };
}
