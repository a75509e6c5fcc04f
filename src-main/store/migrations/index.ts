import type { Kysely } from 'kysely';
import * as m0001 from './0001-foundation';
import * as m0002 from './0002-archive-cards';
import * as m0003 from './0003-sales-and-classification';
import * as m0004 from './0004-visits-and-upkeep';

export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<unknown>): Promise<void>;
}

/**
 * Every migration, in order. A static list rather than a folder scan: the
 * main bundle is packed into an asar and has no migrations folder to read.
 */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'foundation', up: m0001.up },
  { version: 2, name: 'archive-cards', up: m0002.up },
  { version: 3, name: 'sales-and-classification', up: m0003.up },
  { version: 4, name: 'visits-and-upkeep', up: m0004.up },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
