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
}
