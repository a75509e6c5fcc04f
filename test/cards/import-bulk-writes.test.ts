import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CardContent } from '../../src-shared/cards/card';
import { openArchive, type OpenArchive } from '../../src-main/archive/open-archive';
import { insertCard, saveVersion, stampVerification, type Author } from '../../src-main/cards/card-records';
import { BulkCardWriter } from '../../src-main/cards/spreadsheet/bulk-card-writer';
import { storedContents } from '../../src-main/cards/spreadsheet/stored-contents';
import { fullCard, namedCard } from '../support/card-samples';

const AUTHOR: Author = { username: 'keeper', displayName: '张档案' };
const AT = '2026-11-27T09:00:00.000Z';
const LATER = '2026-11-28T10:00:00.000Z';

/**
 * The import writes cards through prepared statements for speed; what it
 * writes must be exactly what insertCard and saveVersion write, row for row
 * and index term for index term, or imported cards would search, sort and
 * diff differently from cards entered by hand.
 */
describe('bulk card writes are the card records’ own rows', () => {
  const dirs: string[] = [];
  const archives: OpenArchive[] = [];
  afterEach(async () => {
    for (const a of archives.splice(0)) await a.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  async function freshArchive(): Promise<OpenArchive> {
    const dir = mkdtempSync(join(tmpdir(), 'kedang-bulk-'));
    dirs.push(dir);
    const archive = await openArchive(join(dir, 'a.kedang'), randomBytes(32), 'id', () => new Date(AT), {
      create: true,
    });
    archives.push(archive);
    return archive;
  }

  function rowsOf(archive: OpenArchive) {
    const raw = archive.raw;
    raw.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.terms USING fts5vocab(main, 'card_search', 'instance')");
    return {
      customers: raw.prepare('SELECT * FROM customers ORDER BY id').all(),
      versions: raw.prepare('SELECT * FROM card_versions ORDER BY customer_id, version').all(),
      terms: raw.prepare('SELECT term, doc, col, offset FROM temp.terms ORDER BY doc, offset').all(),
    };
  }

  const stamped = (content: CardContent, previous: CardContent | null = null, at = AT) =>
    stampVerification(previous, content, AUTHOR, at);

  it('a new card: customers row, first version with its changes, and index entry', async () => {
    const byRecords = await freshArchive();
    const byImport = await freshArchive();
    const cards = [stamped(fullCard()), stamped(namedCard('个体户陈记杂货', { code: 'KH000002' }))];
    for (const card of cards) await insertCard(byRecords.db, card, AUTHOR, AT, 'import', '客户.xlsx');
    const writer = new BulkCardWriter(byImport.raw, storedContents(byImport.raw), AUTHOR, AT, 'import', '客户.xlsx');
    for (const card of cards) writer.insert(card);
    const expected = rowsOf(byRecords);
    expect(expected.customers).toHaveLength(2);
    expect(expected.terms.length).toBeGreaterThan(50);
    expect(rowsOf(byImport)).toEqual(expected);
  });

  it('a changed card: updated row, next version with the field changes, and re-indexed', async () => {
    const byRecords = await freshArchive();
    const byImport = await freshArchive();
    const first = stamped(fullCard());
    const next: CardContent = {
      ...first,
      basic: { ...first.basic, name: '北京华信科技集团有限公司', phone: '010-6666 8888' },
      people: first.people.slice(1),
      sources: { ...first.sources, people: { ...first.sources.people, verified: true } },
    };
    for (const archive of [byRecords, byImport]) await insertCard(archive.db, first, AUTHOR, AT, 'create');
    const saved = await saveVersion(byRecords.db, 1, null, stamped(next, first, LATER), AUTHOR, LATER, 'import', 'f');
    expect(saved.version).toBe(2);
    const writer = new BulkCardWriter(byImport.raw, storedContents(byImport.raw), AUTHOR, LATER, 'import', 'f');
    expect(writer.update(1, stamped(next, first, LATER))).toMatchObject({ version: 2, changed: true });
    expect(rowsOf(byImport)).toEqual(rowsOf(byRecords));
  });

  it('an unchanged card writes nothing, as saveVersion does', async () => {
    const archive = await freshArchive();
    const card = stamped(fullCard());
    await insertCard(archive.db, card, AUTHOR, AT, 'create');
    const before = rowsOf(archive);
    const writer = new BulkCardWriter(archive.raw, storedContents(archive.raw), AUTHOR, LATER, 'import', 'f');
    expect(writer.update(1, card)).toMatchObject({ version: 1, changed: false });
    expect(rowsOf(archive)).toEqual(before);
  });

  it('refuses a code another card has, in any case', async () => {
    const archive = await freshArchive();
    await insertCard(archive.db, stamped(namedCard('甲', { code: 'ab-1' })), AUTHOR, AT, 'create');
    const writer = new BulkCardWriter(archive.raw, storedContents(archive.raw), AUTHOR, AT, 'import', 'f');
    expect(() => writer.insert(stamped(namedCard('乙', { code: 'AB-1' })))).toThrow('CARD_CODE_TAKEN');
  });
});
