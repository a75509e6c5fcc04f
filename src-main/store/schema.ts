import type { Generated } from 'kysely';

/** The archive's tables as Kysely sees them. Nullable columns are `T | null`. */
export interface ArchiveSchema {
  schema_migrations: { version: number; name: string; applied_at: string };
  archive_meta: { key: string; value: string };
  settings: { key: string; value: string };
  users: {
    id: Generated<number>;
    username: string;
    display_name: string;
    active: number;
    must_change_password: number;
    created_at: string;
    updated_at: string;
    password_changed_at: string | null;
  };
  user_roles: { user_id: number; role: string };
  access_log: {
    seq: number;
    at: string;
    user_id: number | null;
    username: string | null;
    role: string | null;
    action: string;
    target: string | null;
    outcome: string;
    device: string | null;
    detail: string | null;
    hash: string;
  };
  log_verifications: {
    id: Generated<number>;
    at: string;
    by_user_id: number;
    ok: number;
    checked_rows: number;
    first_bad_seq: number | null;
    problem: string | null;
    last_seq: number;
    head_seq: number;
  };
  backups: { id: Generated<number>; at: string; path: string; bytes: number; by_user_id: number };
  dictionary_entries: {
    axis: string;
    code: string;
    label: string;
    label_en: string;
    parent_code: string | null;
    sort_order: number;
    active: number;
  };
  customers: CustomersTable;
  visit_reports: {
    id: Generated<number>;
    rep_username: string;
    rep_name: string;
    subject: string;
    customer_id: number | null;
    prospect_name: string;
    visit_on: string;
    period: string;
    urgency: string;
    findings: string;
    status: string;
    submitted_at: string;
    reviewed_at: string | null;
    reviewed_by: string | null;
    review_note: string;
    card_version: number | null;
  };
  visit_changes: {
    report_id: number;
    seq: number;
    path: string;
    proposed: string;
    before: string;
    decision: string;
    applied: string | null;
    reason: string;
  };
  rep_schedules: { username: string; period: string; since: string; set_at: string; set_by: string };
  card_reviews: {
    id: Generated<number>;
    customer_id: number;
    reviewed_on: string;
    at: string;
    by_username: string;
    by_name: string;
    note: string;
  };
  card_versions: {
    customer_id: number;
    version: number;
    at: string;
    by_username: string;
    by_name: string;
    kind: string;
    note: string;
    changes: string;
    content: string;
  };
  card_prints: { customer_id: number; copy_no: number; at: string; by_username: string };
  card_search: { rowid: number; terms: string };
  products: { id: Generated<number>; code: string; name: string; category: string; created_at: string };
  sales_imports: {
    id: Generated<number>;
    kind: 'sales' | 'receipts';
    file_name: string;
    file_hash: string;
    lines: number;
    amount_cents: number;
    first_date: string | null;
    last_date: string | null;
    at: string;
    by_username: string;
  };
  sales_lines: {
    id: Generated<number>;
    customer_id: number;
    product_id: number;
    sold_on: string;
    quantity: number;
    amount_cents: number;
    doc_ref: string;
    import_id: number;
  };
  receipts: {
    id: Generated<number>;
    customer_id: number;
    received_on: string;
    amount_cents: number;
    doc_ref: string;
    import_id: number;
  };
  class_overrides: {
    id: Generated<number>;
    customer_id: number;
    axis: 'lifecycle' | 'volumeTier';
    value: string;
    note: string;
    at: string;
    by_username: string;
  };
}

/** One archive card's list columns (copies of its current version's content, for search, sort and filters). */
export interface CustomersTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_sort: string;
  short_name: string;
  credit_code: string;
  phone: string;
  address: string;
  contact: string;
  status: string;
  nature: string;
  ownership: string;
  business_type: string;
  location_type: string;
  grade: string;
  credit_grade: string;
  industry: string;
  region: string;
  route: string;
  route_order: number | null;
  assigned_rep: string;
  credit_limit: number | null;
  unverified: number;
  name_key: string;
  phone_key: string;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  merged_into: number | null;
  /** Derived classes (migration 0003): effective value, computed value and manual override ('' = none). */
  lifecycle: Generated<string>;
  lifecycle_derived: Generated<string>;
  lifecycle_override: Generated<string>;
  volume_tier: Generated<string>;
  volume_tier_derived: Generated<string>;
  volume_tier_override: Generated<string>;
  first_sale_on: Generated<string | null>;
  last_sale_on: Generated<string | null>;
  sales_12m_cents: Generated<number>;
  /** Prospect details and upkeep copies (migration 0004). */
  prospect: Generated<number>;
  prospect_origin: Generated<string>;
  prospect_note: Generated<string>;
  next_step: Generated<string>;
  next_step_on: Generated<string | null>;
  converted_at: Generated<string | null>;
  last_visit_on: Generated<string | null>;
  reviewed_on: Generated<string | null>;
}
