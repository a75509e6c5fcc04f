import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttentionPage, AttentionRow } from '../../src-shared/contracts/upkeep';
import { describeLogDetail } from '../../src-shared/log-details';
import { DEFAULT_UPKEEP_RULES, type AttentionReason, type UpkeepRules } from '../../src-shared/upkeep/upkeep';
import { insertCard } from '../../src-main/cards/card-records';
import type { Connection } from '../../src-main/router/connection';
import {
  classificationOffice,
  classifiedCard,
  type ClassificationOffice,
} from '../classification/classification-office';

/**
 * The needs-attention list on generated cards whose creation, review and
 * visit days sit around every threshold (month ends, a leap day, exactly
 * N days), compared with an independent per-card computation.
 */

// ---- The independent computation: plain Date arithmetic, not the shared module. ----
const utc = (date: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const shift = (date: string, days: number) => iso(utc(date) + days * 86_400_000);
function monthsLater(date: string, months: number): string {
  const y = +date.slice(0, 4);
  const m = +date.slice(5, 7) - 1 + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return iso(Date.UTC(y, m, Math.min(+date.slice(8, 10), lastDay)));
}

interface Seeded {
  id: number;
  code: string;
  grade: string;
  rep: string;
  status: string;
  prospect: number;
  createdOn: string;
  reviewedOn: string | null;
  lastVisitOn: string | null;
  unverified: number;
}

function expected(cards: Seeded[], rules: UpkeepRules, today: string) {
  return cards
    .filter((c) => c.status === 'active')
    .map((c) => {
      const cycle = rules.reviewCycleMonths[c.grade] ?? rules.defaultCycleMonths;
      const due = monthsLater(c.reviewedOn ?? c.createdOn, cycle);
      const days = Math.round((utc(today) - utc(c.lastVisitOn ?? c.createdOn)) / 86_400_000);
      const reasons: AttentionReason[] = [];
      if (due <= today) reasons.push('review');
      if (c.unverified > 0) reasons.push('unverified');
      if (days >= rules.noVisitDays) reasons.push('noVisit');
      return { card: c, due, days, reasons };
    })
    .filter((e) => e.reasons.length > 0)
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.card.code < b.card.code ? -1 : 1));
}

/** A moment of a local day as stored: its first or last millisecond, or noon (the edges of the creation day). */
function localMoment(date: string, which: number): string {
  const [y, m, d] = [+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)];
  const local = [new Date(y, m, d), new Date(y, m, d, 23, 59, 59, 999), new Date(y, m, d, 12)][which]!;
  return local.toISOString();
}

const GRADES = ['A', 'B', 'C', 'D', ''];
const REPS = ['rep.wang', 'rep.li'];
const TODAYS = ['2026-02-28', '2028-02-29', '2026-11-30'];

/** Every day within four days of each threshold of each "today", and some month ends. */
function interestingDays(): string[] {
  const days = new Set<string>();
  for (const today of TODAYS) {
    for (const months of [3, 6, 12]) {
      const anchor = monthsLater(today, -months);
      for (let d = -4; d <= 4; d++) days.add(shift(anchor, d));
    }
    for (let d = -3; d <= 3; d++) days.add(shift(today, -90 + d));
  }
  for (const end of ['2025-01-31', '2025-05-31', '2025-08-31', '2027-02-28', '2027-05-31', '2027-11-30']) days.add(end);
  return [...days].sort();
}

describe('needs attention', () => {
  let co: ClassificationOffice;
  const seeded: Seeded[] = [];

  const loginsAt = async (today: string) => {
    co.fixture.clock.time = new Date(`${today}T10:00:00Z`);
    return {
      keeper: await co.login('keeper'),
      wang: await co.login('rep.wang'),
      boss: await co.login('boss'),
    };
  };

  const allPages = async (connection: Connection, input: Record<string, string | undefined>) => {
    const rows: AttentionRow[] = [];
    let first: AttentionPage | undefined;
    for (let offset = 0; ; offset += 50) {
      const page = await co.ok(connection, 'upkeep.needsAttention', { ...input, offset, limit: 50 });
      first ??= page;
      rows.push(...page.rows);
      if (page.rows.length < 50) break;
    }
    return { rows, total: first!.total, counts: first!.counts, today: first!.today };
  };

  beforeAll(async () => {
    co = await classificationOffice();
    // Logging in opens the archive.
    await co.login('keeper');
    const db = co.db();
    const days = interestingDays();
    const author = { username: 'keeper', displayName: '档案员' };
    // Cards are written straight into the archive (as an import would): the list reads only their columns.
    await db.transaction().execute(async (trx) => {
      let n = 0;
      // Every interesting day as the review day and as the creation day (never reviewed), for every grade.
      for (const reviewDay of days) {
        for (const [gradeIndex, grade] of GRADES.entries()) {
          for (const reviewed of [true, false]) {
            n += 1;
            const rep = REPS[Math.floor(n / 2) % 2]!;
            const card = classifiedCard(`测试客户${n}`, { grade, assignedRep: rep });
            const { id, content } = await insertCard(trx, card, author, '2024-01-01T12:00:00.000Z');
            const visitDay = days[(n * 7 + gradeIndex) % days.length]!;
            const seed: Seeded = {
              id,
              code: content.basic.code,
              grade,
              rep,
              status: n % 17 === 0 ? 'archived' : 'active',
              prospect: n % 11 === 0 ? 1 : 0,
              createdOn: reviewed ? '2024-01-01' : reviewDay,
              reviewedOn: reviewed ? reviewDay : null,
              lastVisitOn: n % 4 === 0 ? null : visitDay,
              unverified: n % 6 === 0 ? 2 : 0,
            };
            await trx
              .updateTable('customers')
              .set({
                created_at: localMoment(seed.createdOn, n % 3),
                reviewed_on: seed.reviewedOn,
                last_visit_on: seed.lastVisitOn,
                unverified: seed.unverified,
                status: seed.status,
                prospect: seed.prospect,
              })
              .where('id', '=', id)
              .execute();
            seeded.push(seed);
          }
        }
      }
    });
  });
  afterAll(async () => co?.close());

  it.each(TODAYS)('lists exactly the right cards, in order, with the right counts, on %s', async (today) => {
    const users = await loginsAt(today);
    const all = expected(seeded, DEFAULT_UPKEEP_RULES, today);
    expect(all.length).toBeGreaterThan(20);
    for (const reason of [undefined, 'review', 'unverified', 'noVisit'] as const) {
      const want = all.filter((e) => reason === undefined || e.reasons.includes(reason));
      const got = await allPages(users.keeper, { reason });
      expect(got.today).toBe(today);
      expect(got.rows.map((r) => r.code)).toEqual(want.map((e) => e.card.code));
      expect(got.total).toBe(want.length);
      expect(got.counts).toEqual({
        review: all.filter((e) => e.reasons.includes('review')).length,
        unverified: all.filter((e) => e.reasons.includes('unverified')).length,
        noVisit: all.filter((e) => e.reasons.includes('noVisit')).length,
      });
      expect(got.rows.map((r) => [r.reasons, r.reviewDueOn, r.daysWithoutVisit, r.lastReviewedOn, r.prospect])).toEqual(
        want.map((e) => [e.reasons, e.due, e.days, e.card.reviewedOn, e.card.prospect === 1]),
      );
    }
    // Filters: a rep, a grade (the default cycle's grade D and the ungraded cards too).
    for (const grade of GRADES.filter((g) => g !== '')) {
      const want = all.filter((e) => e.card.grade === grade);
      const got = await allPages(users.boss, { grade });
      expect(got.rows.map((r) => r.code)).toEqual(want.map((e) => e.card.code));
    }
    const liCards = all.filter((e) => e.card.rep === 'rep.li');
    expect((await allPages(users.keeper, { rep: 'rep.li' })).rows.map((r) => r.code)).toEqual(
      liCards.map((e) => e.card.code),
    );
    // A rep sees only their own cards, and asking for another rep's gives nothing.
    const mine = all.filter((e) => e.card.rep === 'rep.wang');
    const wang = await allPages(users.wang, {});
    expect(wang.rows.map((r) => r.code)).toEqual(mine.map((e) => e.card.code));
    expect(wang.counts.review).toBe(mine.filter((e) => e.reasons.includes('review')).length);
    expect((await allPages(users.wang, { rep: 'rep.li' })).total).toBe(0);
  });

  it('marks a card reviewed: off the review reason, recorded as a review and a log row, no new version', async () => {
    const today = '2026-11-30';
    const users = await loginsAt(today);
    const before = await allPages(users.keeper, { reason: 'review' });
    const target = before.rows.find((r) => r.reasons.length === 1)!;
    const version = (
      await co.db().selectFrom('customers').select('version').where('id', '=', target.id).executeTakeFirstOrThrow()
    ).version;
    const review = await co.ok(users.keeper, 'upkeep.markReviewed', { id: target.id, note: '电话核对' });
    expect(review).toEqual({
      reviewedOn: today,
      at: `${today}T10:00:00.000Z`,
      byName: expect.any(String),
      note: '电话核对',
    });
    const after = await allPages(users.keeper, {});
    expect(after.rows.some((r) => r.id === target.id)).toBe(false);
    expect(after.counts.review).toBe(before.counts.review - 1);
    const row = await co.db().selectFrom('customers').selectAll().where('id', '=', target.id).executeTakeFirstOrThrow();
    expect(row.reviewed_on).toBe(today);
    expect(row.version).toBe(version);
    expect(await co.db().selectFrom('card_reviews').selectAll().where('customer_id', '=', target.id).execute()).toEqual(
      [expect.objectContaining({ reviewed_on: today, by_username: 'keeper', note: '电话核对' })],
    );
    const log = await co.db().selectFrom('access_log').selectAll().where('action', '=', 'card_review').execute();
    expect(log.map((l) => [l.target, l.username, describeLogDetail(l.detail, 'zh')])).toEqual([
      [target.code, 'keeper', `复核日期 ${today}`],
    ]);
    expect(await co.ok(users.keeper, 'upkeep.reviews', { id: target.id })).toEqual([review]);
    // The rep whose card it is reads the reviews; the other rep is told the card does not exist.
    const owner = seeded.find((s) => s.id === target.id)!.rep;
    const ownerConnection = owner === 'rep.wang' ? users.wang : await co.login('rep.li');
    const otherConnection = owner === 'rep.wang' ? await co.login('rep.li') : users.wang;
    expect(await co.ok(ownerConnection, 'upkeep.reviews', { id: target.id })).toEqual([review]);
    expect(await co.fails(otherConnection, 'upkeep.reviews', { id: target.id })).toBe('CARD_NOT_FOUND');
    expect(await co.fails(users.wang, 'upkeep.markReviewed', { id: target.id })).toBe('FORBIDDEN');
    expect(await co.fails(users.keeper, 'upkeep.markReviewed', { id: 999_999 })).toBe('CARD_NOT_FOUND');
  });

  it('keeps the custodian’s rules: grades must exist, a change is logged, the list follows it', async () => {
    const today = '2026-02-28';
    const users = await loginsAt(today);
    expect(await co.ok(users.wang, 'upkeep.rules', {})).toEqual(DEFAULT_UPKEEP_RULES);
    const bad = await co.call(users.keeper, 'upkeep.saveRules', {
      rules: { reviewCycleMonths: { A: 2, Z: 4 }, defaultCycleMonths: 12, noVisitDays: 60 },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('INVALID_INPUT');
      expect(bad.error.fields).toEqual({ 'rules.reviewCycleMonths.Z': 'unknownValue' });
    }
    expect(await co.fails(users.boss, 'upkeep.saveRules', { rules: DEFAULT_UPKEEP_RULES })).toBe('FORBIDDEN');
    const rules: UpkeepRules = { reviewCycleMonths: { A: 2, B: 6, D: 1 }, defaultCycleMonths: 24, noVisitDays: 60 };
    expect(await co.ok(users.keeper, 'upkeep.saveRules', { rules })).toEqual(rules);
    // Saving the same rules again writes nothing.
    await co.ok(users.keeper, 'upkeep.saveRules', { rules: { ...rules } });
    const log = await co
      .db()
      .selectFrom('access_log')
      .selectAll()
      .where('action', '=', 'upkeep_rules_change')
      .execute();
    expect(log.map((l) => describeLogDetail(l.detail, 'zh'))).toEqual([
      '复核周期：A 2, B 6, D 1；其他等级 24 个月；60 天未拜访需关注',
    ]);
    const reviewed = await co.db().selectFrom('card_reviews').select(['customer_id', 'reviewed_on']).execute();
    const current = seeded.map((s) => {
      const r = reviewed.find((x) => x.customer_id === s.id);
      return r ? { ...s, reviewedOn: r.reviewed_on } : s;
    });
    const want = expected(current, rules, today);
    const got = await allPages(users.keeper, {});
    expect(got.rows.map((r) => r.code)).toEqual(want.map((e) => e.card.code));
    // A stored value that no longer parses falls back to the defaults.
    await co
      .db()
      .updateTable('settings')
      .set({ value: '{"reviewCycleMonths":5}' })
      .where('key', '=', 'upkeep_rules')
      .execute();
    expect(await co.ok(users.keeper, 'upkeep.rules', {})).toEqual(DEFAULT_UPKEEP_RULES);
  });
});
