import { sql, type Kysely } from 'kysely';

/**
 * Visit reports with their proposed card changes, the reps' report
 * schedules, recorded card reviews, and the columns that keep the archive
 * current: the last visit and review of each card, and a card's prospect
 * details (潜在客户: origin and next step). Frozen once landed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // A prospect is a card like any other, flagged until it is converted; converting keeps card and history.
  await sql`ALTER TABLE customers ADD COLUMN prospect INTEGER NOT NULL DEFAULT 0`.execute(db);
  await sql`ALTER TABLE customers ADD COLUMN prospect_origin TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE customers ADD COLUMN prospect_note TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE customers ADD COLUMN next_step TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE customers ADD COLUMN next_step_on TEXT`.execute(db);
  await sql`ALTER TABLE customers ADD COLUMN converted_at TEXT`.execute(db);
  // Copies kept by the services that write visit reports and reviews, so the needs-attention list is one
  // indexed scan of the cards rather than a join over every report.
  await sql`ALTER TABLE customers ADD COLUMN last_visit_on TEXT`.execute(db);
  await sql`ALTER TABLE customers ADD COLUMN reviewed_on TEXT`.execute(db);
  await sql`CREATE INDEX customers_prospect ON customers (prospect) WHERE prospect = 1`.execute(db);

  // customer_id is null for a prospect report until the custodian accepts it and its card is created,
  // and for a general (market) report.
  await sql`CREATE TABLE visit_reports (
    id INTEGER PRIMARY KEY,
    rep_username TEXT NOT NULL COLLATE NOCASE,
    rep_name TEXT NOT NULL,
    subject TEXT NOT NULL CHECK (subject IN ('customer', 'prospect', 'general')),
    customer_id INTEGER REFERENCES customers(id),
    prospect_name TEXT NOT NULL DEFAULT '',
    visit_on TEXT NOT NULL,
    period TEXT NOT NULL CHECK (period IN ('daily', 'monthly')),
    urgency TEXT NOT NULL CHECK (urgency IN ('routine', 'urgent', 'periodic')),
    findings TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'closed')),
    submitted_at TEXT NOT NULL,
    reviewed_at TEXT,
    reviewed_by TEXT,
    review_note TEXT NOT NULL DEFAULT '',
    card_version INTEGER
  )`.execute(db);
  await sql`CREATE INDEX visit_reports_inbox ON visit_reports (status, urgency, submitted_at)`.execute(db);
  await sql`CREATE INDEX visit_reports_rep ON visit_reports (rep_username, visit_on)`.execute(db);
  await sql`CREATE INDEX visit_reports_customer ON visit_reports (customer_id, visit_on)`.execute(db);

  // Values are JSON (a string, a number or null), as the card holds them.
  await sql`CREATE TABLE visit_changes (
    report_id INTEGER NOT NULL REFERENCES visit_reports(id),
    seq INTEGER NOT NULL,
    path TEXT NOT NULL,
    proposed TEXT NOT NULL,
    before TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('pending', 'accepted', 'edited', 'rejected')),
    applied TEXT,
    reason TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (report_id, seq)
  )`.execute(db);

  // 日报/月报: which reports the office expects of each rep, from which day.
  await sql`CREATE TABLE rep_schedules (
    username TEXT PRIMARY KEY COLLATE NOCASE,
    period TEXT NOT NULL CHECK (period IN ('daily', 'monthly', 'none')),
    since TEXT NOT NULL,
    set_at TEXT NOT NULL,
    set_by TEXT NOT NULL
  )`.execute(db);

  await sql`CREATE TABLE card_reviews (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    reviewed_on TEXT NOT NULL,
    at TEXT NOT NULL,
    by_username TEXT NOT NULL,
    by_name TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
  )`.execute(db);
  await sql`CREATE INDEX card_reviews_customer ON card_reviews (customer_id, at)`.execute(db);
}
