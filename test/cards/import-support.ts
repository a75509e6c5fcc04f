import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { CardContent } from '../../src-shared/cards/card';
import type { AccessLogRowDto } from '../../src-shared/contracts/access-log';
import type { CardQuery, DuplicateMode } from '../../src-shared/contracts/cards';
import type { Connection } from '../../src-main/router/connection';
import { ADMIN, loggedIn, makeFixture, userWithRole, type Fixture } from '../support/office-fixture';
import type Database from 'better-sqlite3-multiple-ciphers';
import { archiveKeyOf, openRaw } from '../support/raw-archive';

export const FIXTURES = join(__dirname, '..', 'fixtures', 'import');
export const CUSTODIAN = { username: 'keeper', password: 'keeper-Pass-2026' };
export const AUDITOR = { username: 'checker', password: 'checker-Pass-2026' };

/** An archive with an administrator, a custodian (who imports), a rep to assign cards to, and an auditor. */
export interface ImportOffice {
  fx: Fixture;
  custodian: Connection;
  auditor: Connection;
  admin: Connection;
}

export async function importOffice(): Promise<ImportOffice> {
  const fx = await makeFixture();
  const admin = await loggedIn(fx, ADMIN.username, ADMIN.password);
  const custodian = await userWithRole(fx, admin, CUSTODIAN.username, ['custodian']);
  await userWithRole(fx, admin, 'rep.wang', ['rep']);
  const auditor = await userWithRole(fx, admin, AUDITOR.username, ['auditor']);
  return { fx, custodian, auditor, admin };
}

const ALL: CardQuery = { query: '', filters: {}, sort: { column: 'code', direction: 'asc' } };

/** Every card's content by code, as a custodian (who may see personal notes) reads it. */
export async function cardsByCode(office: ImportOffice): Promise<Map<string, CardContent>> {
  const { fx, custodian } = office;
  const page = await fx.ok(custodian, 'cards.search', { ...ALL, offset: 0, limit: 500 });
  const cards = new Map<string, CardContent>();
  for (const row of page.rows) cards.set(row.code, (await fx.ok(custodian, 'cards.reveal', { id: row.id })).content);
  return cards;
}

export async function cardCount(office: ImportOffice): Promise<number> {
  return (await office.fx.ok(office.custodian, 'cards.search', { ...ALL, offset: 0, limit: 1 })).total;
}

export async function importRows(office: ImportOffice): Promise<AccessLogRowDto[]> {
  const result = await office.fx.ok(office.auditor, 'accessLog.query', {
    filter: { action: 'card_import' },
    offset: 0,
    limit: 500,
  });
  // Oldest first, whatever order the log screen uses.
  return [...result.rows].sort((a, b) => a.seq - b.seq);
}

export const importInput = (path: string, duplicateMode: DuplicateMode = 'skip', mapping?: Record<string, string>) => ({
  path,
  duplicateMode,
  ...(mapping ? { mapping } : {}),
});

/** What lies in the archive file itself: counts of every table an import writes to. */
export interface StoredCounts {
  customers: number;
  versions: number;
  indexed: number;
  dictionary: number;
  importLogRows: number;
  successfulImports: number;
}

/**
 * Counts rows straight from the encrypted file, bypassing Kedang. The
 * fixture is closed for it and reopened after; connections must log in again.
 */
export async function storedCounts(office: ImportOffice): Promise<StoredCounts> {
  return withRawArchive(office, (raw) => {
    const count = (sql: string) => (raw.prepare(sql).get() as { n: number }).n;
    return {
      customers: count('SELECT count(*) AS n FROM customers'),
      versions: count('SELECT count(*) AS n FROM card_versions'),
      indexed: count('SELECT count(*) AS n FROM card_search'),
      dictionary: count('SELECT count(*) AS n FROM dictionary_entries'),
      importLogRows: count("SELECT count(*) AS n FROM access_log WHERE action = 'card_import'"),
      successfulImports: count(
        "SELECT count(*) AS n FROM access_log WHERE action = 'card_import' AND outcome = 'success'",
      ),
    };
  });
}

/**
 * Works on the encrypted file straight through SQLite with its key, as an
 * administrator's tool would; Kedang is closed meanwhile and reopened after,
 * with the office's users logged in again.
 */
export async function withRawArchive<T>(office: ImportOffice, work: (raw: Database.Database) => T): Promise<T> {
  const { fx } = office;
  await fx.kedang.close();
  const raw = openRaw(fx.dir, await archiveKeyOf(fx.dir, ADMIN.username, ADMIN.password));
  try {
    return work(raw);
  } finally {
    raw.close();
    await fx.reopen();
    office.admin = await loggedIn(fx, ADMIN.username, ADMIN.password);
    office.custodian = await loggedIn(fx, CUSTODIAN.username, CUSTODIAN.password);
    office.auditor = await loggedIn(fx, AUDITOR.username, AUDITOR.password);
  }
}

/** A zip of the given text entries, stored uncompressed: enough to hand-craft an xlsx for the reader. */
export function zipOf(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(data.length, 24);
    header.writeUInt16LE(nameBytes.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    central.push(header, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The parts of a minimal workbook around the given sheet XML (sheetData inner XML) and shared strings. */
export function workbookParts(
  sheets: { name: string; rows: string }[],
  options: { sharedStrings?: string[]; styles?: string; date1904?: boolean; prefix?: string } = {},
): Record<string, string> {
  const p = options.prefix ? `${options.prefix}:` : '';
  const ns = options.prefix ? `xmlns:${options.prefix}` : 'xmlns';
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const parts: Record<string, string> = {
    '[Content_Types].xml': '<?xml version="1.0"?><Types/>',
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><${p}workbook ${ns}="${main}" xmlns:r="${rel}"><${p}workbookPr date1904="${options.date1904 ? 1 : 0}"/><${p}sheets>${sheets
      .map((s, i) => `<${p}sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</${p}sheets></${p}workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join(
        '',
      )}<Relationship Id="rS" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rT" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': options.styles ?? `<?xml version="1.0"?><styleSheet xmlns="${main}"/>`,
    'xl/sharedStrings.xml': `<?xml version="1.0"?><sst xmlns="${main}">${(options.sharedStrings ?? [])
      .map((s) => (s.startsWith('<') ? `<si>${s}</si>` : `<si><t>${s}</t></si>`))
      .join('')}</sst>`,
  };
  sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] =
      `<?xml version="1.0" encoding="UTF-8"?><${p}worksheet ${ns}="${main}"><${p}sheetData>${s.rows}</${p}sheetData></${p}worksheet>`;
  });
  return parts;
}
