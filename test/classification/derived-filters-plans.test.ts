import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardQuery } from '../../src-shared/contracts/cards';
import { openArchive, type OpenArchive } from '../../src-main/archive/open-archive';
import { pageStatement, searchCards } from '../../src-main/cards/card-search';
import { BulkCardWriter } from '../../src-main/cards/spreadsheet/bulk-card-writer';
import { storedContents } from '../../src-main/cards/spreadsheet/stored-contents';
import { namedCard } from '../support/card-samples';

const EVERY_CARD = { repUsername: null };
const LIFECYCLES = ['active', 'active', 'active', 'active', 'active', 'active', 'new', 'lapsed', 'potential'] as const;
const TIERS = ['scattered', 'scattered', 'general', 'key'] as const;

/**
 * The derived-class filters are column conditions beside the index match. Above 2,000 matches the
 * list walks the sort index instead of sorting every match; both plans must give the same cards
 * in the same order as plain SQL, and the large one must not sort.
 */
describe('derived-class filters in the card list, small and large results', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kedang-filters-'));
  let archive: OpenArchive;

  beforeAll(async () => {
    archive = await openArchive(join(dir, 'a.kedang'), randomBytes(32), 'id', () => new Date(), { create: true });
    const raw = archive.raw;
    raw
      .prepare(
        "INSERT INTO dictionary_entries (axis, code, label, parent_code, sort_order) VALUES ('region', 'HD', '华东区', NULL, 1), ('region', 'SH', '上海', 'HD', 1), ('region', 'BJ', '北京', NULL, 2)",
      )
      .run();
    const writer = new BulkCardWriter(
      raw,
      storedContents(raw),
      { username: 'keeper', displayName: '张档案' },
      '2026-11-27T09:00:00.000Z',
      'create',
      '',
    );
    const setClasses = raw.prepare('UPDATE customers SET lifecycle = ?, volume_tier = ? WHERE id = ?');
    raw.transaction(() => {
      for (let i = 0; i < 3300; i++) {
        const card = namedCard(`客户${(i * 7919) % 3300}号商行`, { code: `F${String(i).padStart(5, '0')}` });
        card.classification.region = ['SH', 'BJ', 'HD'][i % 3]!;
        const id = writer.insert(card);
        setClasses.run(LIFECYCLES[(i * 31) % LIFECYCLES.length], TIERS[(i * 17) % TIERS.length], id);
      }
    })();
  });
  afterAll(async () => {
    await archive?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const reference = (where: string, order: string, offset: number, limit: number) =>
    (
      archive.raw
        .prepare(`SELECT id FROM customers WHERE ${where} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`)
        .all() as { id: number }[]
    ).map((r) => r.id);
  const count = (where: string) =>
    (archive.raw.prepare(`SELECT count(*) AS n FROM customers WHERE ${where}`).get() as { n: number }).n;

  const cases: [string, CardQuery['filters'], string, string][] = [
    ['large, by name', { lifecycle: ['active'] }, '', "lifecycle = 'active'"],
    ['large, with the search box', { lifecycle: ['active', 'new'] }, '商行', "lifecycle IN ('active', 'new')"],
    ['small, by name', { lifecycle: ['lapsed'] }, '', "lifecycle = 'lapsed'"],
    [
      'small, two filters and a region subtree',
      { volumeTier: ['key'], lifecycle: ['new', 'potential'], region: ['HD'] },
      '',
      "volume_tier = 'key' AND lifecycle IN ('new', 'potential') AND region IN ('HD', 'SH')",
    ],
    ['tier only, large', { volumeTier: ['scattered', 'general'] }, '', "volume_tier IN ('scattered', 'general')"],
  ];

  for (const [name, filters, text, where] of cases) {
    it(`${name}: same cards and order as plain SQL, counted alike`, async () => {
      for (const [column, order] of [
        ['name', 'name_sort ASC, id ASC'],
        ['code', 'code ASC, id ASC'],
        ['lifecycle', 'lifecycle ASC, id ASC'],
      ] as const) {
        for (const offset of [0, 1500]) {
          const query: CardQuery = { query: text, filters, sort: { column, direction: 'asc' } };
          const page = await searchCards(archive.db, query, EVERY_CARD, offset, 100);
          expect(page.total, `${name} total`).toBe(count(where));
          expect(
            page.rows.map((r) => r.id),
            `${name} by ${column} from ${offset}`,
          ).toEqual(reference(where, order, offset, 100));
        }
      }
    });
  }

  it('walks the sort index for a large filtered result instead of sorting it', () => {
    const total = count("lifecycle = 'active'");
    expect(total).toBeGreaterThan(2000);
    const query: CardQuery = {
      query: '',
      filters: { lifecycle: ['active'] },
      sort: { column: 'name', direction: 'asc' },
    };
    const statement = pageStatement(query, EVERY_CARD, 0, 100, total);
    const plan = (
      archive.raw.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...statement.parameters) as { detail: string }[]
    ).map((p) => p.detail);
    expect(plan.join(' | ')).toContain('customers_by_name_sort');
    expect(plan.join(' | ')).not.toContain('TEMP B-TREE');
    // A small result is driven by the lifecycle index instead.
    const small = pageStatement({ ...query, filters: { lifecycle: ['lapsed'] } }, EVERY_CARD, 0, 100, 300);
    const smallPlan = (
      archive.raw.prepare(`EXPLAIN QUERY PLAN ${small.sql}`).all(...small.parameters) as { detail: string }[]
    ).map((p) => p.detail);
    expect(smallPlan.join(' | ')).toContain('customers_by_lifecycle');
  });
});
