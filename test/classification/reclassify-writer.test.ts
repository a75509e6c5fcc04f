import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CardContent, Classification } from '../../src-shared/cards/card';
import { openArchive, type OpenArchive } from '../../src-main/archive/open-archive';
import { insertCard, loadCard, saveVersion, stampVerification, type Author } from '../../src-main/cards/card-records';
import { ReclassifyWriter } from '../../src-main/classification/reclassify-writer';
import { fullCard, namedCard } from '../support/card-samples';

const AUTHOR: Author = { username: 'keeper', displayName: '张档案' };
const AT = '2026-11-27T09:00:00.000Z';
const LATER = '2026-11-28T10:00:00.000Z';
const NOTE = '批量改类：客户等级 → B 级';

/**
 * Bulk reclassification writes through its own prepared statements for speed; what it writes must
 * be exactly what saveVersion writes for the same change, row for row and index term for index
 * term, or a reclassified card would list, search and show its history differently from one
 * edited by hand.
 */
describe('reclassification writes the card records’ own rows', () => {
  const dirs: string[] = [];
  const archives: OpenArchive[] = [];
  afterEach(async () => {
    for (const a of archives.splice(0)) await a.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  async function freshArchive(cards: CardContent[]): Promise<OpenArchive> {
    const dir = mkdtempSync(join(tmpdir(), 'kedang-reclassify-'));
    dirs.push(dir);
    const archive = await openArchive(join(dir, 'a.kedang'), randomBytes(32), 'id', () => new Date(AT), {
      create: true,
    });
    archives.push(archive);
    for (const card of cards) await insertCard(archive.db, stampVerification(null, card, AUTHOR, AT), AUTHOR, AT);
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

  const cards = () => {
    const full = fullCard();
    full.classification = { ...full.classification, region: 'PD', route: 'PD-1', routeOrder: 3, assignedRep: 'rep.li' };
    const plain = namedCard('个体户陈记杂货', { code: 'KH000002' });
    return [full, plain];
  };

  const changes: [string, (c: Classification) => Classification][] = [
    ['grade', (c) => ({ ...c, grade: 'B' })],
    ['route, region and order', (c) => ({ ...c, region: 'XH', route: 'XH-2', routeOrder: 7 })],
    ['rep cleared and industry set', (c) => ({ ...c, assignedRep: '', industry: 'food' })],
    ['route order only', (c) => ({ ...c, routeOrder: c.routeOrder === null ? 1 : c.routeOrder + 1 })],
    ['route cleared', (c) => ({ ...c, route: '', routeOrder: null })],
  ];

  for (const [name, change] of changes) {
    it(`${name}: the same customers row, version and index entry as saveVersion`, async () => {
      const byRecords = await freshArchive(cards());
      const byWriter = await freshArchive(cards());
      for (const id of [1, 2]) {
        const { content } = await loadCard(byRecords.db, id);
        const next = { ...content, classification: change({ ...content.classification }) };
        await saveVersion(byRecords.db, id, null, next, AUTHOR, LATER, 'reclassify', NOTE);
      }
      const writer = new ReclassifyWriter(byWriter.raw, AUTHOR, LATER, NOTE);
      const written = byWriter.raw.transaction(() => [1, 2].map((id) => writer.update(id, change)))();
      const expected = rowsOf(byRecords);
      expect(expected.versions.length).toBeGreaterThan(2);
      expect(written.filter(Boolean).length).toBe(expected.versions.length - 2);
      expect(rowsOf(byWriter)).toEqual(expected);
    });
  }

  it('writes nothing when nothing changes, and never changes a merged card', async () => {
    const archive = await freshArchive(cards());
    const before = rowsOf(archive);
    const writer = new ReclassifyWriter(archive.raw, AUTHOR, LATER, NOTE);
    expect(writer.update(1, (c) => ({ ...c }))).toBe(false);
    expect(writer.update(2, (c) => ({ ...c, routeOrder: null, grade: '' }))).toBe(false);
    expect(rowsOf(archive)).toEqual(before);
    archive.raw.prepare("UPDATE customers SET status = 'merged', merged_into = 1 WHERE id = 2").run();
    expect(() => writer.update(2, (c) => ({ ...c, grade: 'A' }))).toThrow('CARD_MERGED');
    expect(() => writer.update(99, (c) => ({ ...c, grade: 'A' }))).toThrow('CARD_NOT_FOUND');
  });
});
