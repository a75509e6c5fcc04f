import type { CardContent, CardStatus } from '../../../src-shared/cards/card';
import { diffCards, type FieldChange } from '../../../src-shared/cards/card-diff';
import type { VersionKind } from '../../../src-shared/contracts/cards';
import { KedangError } from '../../errors';
import type { CipherDatabase } from '../../store/cipher-database';
import { listColumns, type Author } from '../card-records';
import { indexTerms } from '../search-index';
import type { NewDictionaryEntry } from './import-references';
import type { StoredContents } from './stored-contents';

/**
 * Writes many cards through prepared statements on the archive's own
 * connection, inside the transaction the caller holds. It writes exactly
 * the rows insertCard and saveVersion write (the customers row from
 * listColumns, the version with its field-level changes, the search index
 * entry with its filter terms), without Kysely compiling and SQLite preparing each statement
 * again for every card: 100,000 cards must import within a minute.
 */
export class BulkCardWriter {
  private readonly insertVersionRow;
  private readonly dropIndex;
  private readonly addIndex;
  private readonly selectRow;
  private readonly codeInUse;
  private insertCustomer: ReturnType<CipherDatabase['prepare']> | null = null;
  private updateCustomer: ReturnType<CipherDatabase['prepare']> | null = null;

  constructor(
    private readonly raw: CipherDatabase,
    private readonly stored: StoredContents,
    private readonly author: Author,
    private readonly at: string,
    private readonly kind: VersionKind,
    private readonly note: string,
  ) {
    this.insertVersionRow = raw.prepare(
      `INSERT INTO card_versions (customer_id, version, at, by_username, by_name, kind, note, changes, content)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.dropIndex = raw.prepare('DELETE FROM card_search WHERE rowid = ?');
    this.addIndex = raw.prepare('INSERT INTO card_search (rowid, terms) VALUES (?, ?)');
    this.selectRow = raw.prepare<[number], { version: number; status: string; code: string }>(
      'SELECT version, status, code FROM customers WHERE id = ?',
    );
    this.codeInUse = raw.prepare<[string, number], { id: number }>(
      'SELECT id FROM customers WHERE code = ? AND id <> ?',
    );
  }

  /**
   * A new card, its content validated and stamped and its code decided (the
   * import plan generates codes, so that a dry run shows the same outcome).
   */
  insert(card: CardContent): number {
    if (!card.basic.code) throw new Error('an imported card needs its code decided');
    if (this.codeInUse.get(card.basic.code, 0)) throw new KedangError('CARD_CODE_TAKEN');
    const row = {
      ...listColumns(card),
      status: 'active',
      version: 1,
      created_at: this.at,
      created_by: this.author.displayName,
      updated_at: this.at,
      updated_by: this.author.displayName,
      merged_into: null,
    };
    this.insertCustomer ??= this.raw.prepare(
      `INSERT INTO customers (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row)
        .map((k) => `@${k}`)
        .join(', ')})`,
    );
    const id = Number(this.insertCustomer.run(row).lastInsertRowid);
    // As insertCard: the first version's changes are its whole content, worked out when history is read.
    this.writeVersion(id, 1, card, []);
    this.index(id, card, 'active');
    return id;
  }

  /** A new version of a card when anything changed, as saveVersion writes it (no version check: same transaction). */
  update(id: number, next: CardContent): { version: number; changed: boolean; content: CardContent } {
    const row = this.selectRow.get(id);
    if (!row) throw new KedangError('CARD_NOT_FOUND');
    if (row.status === 'merged') throw new KedangError('CARD_MERGED');
    const before = this.stored.current(id);
    const code = next.basic.code || row.code;
    if (code !== row.code && this.codeInUse.get(code, id)) throw new KedangError('CARD_CODE_TAKEN');
    const card: CardContent = { ...next, basic: { ...next.basic, code } };
    const changes = diffCards(before, card);
    if (changes.length === 0) return { version: row.version, changed: false, content: before };
    const version = row.version + 1;
    const values = { ...listColumns(card), version, updated_at: this.at, updated_by: this.author.displayName };
    this.updateCustomer ??= this.raw.prepare(
      `UPDATE customers SET ${Object.keys(values)
        .map((k) => `${k} = @${k}`)
        .join(', ')} WHERE id = @id`,
    );
    this.updateCustomer.run({ ...values, id });
    this.writeVersion(id, version, card, changes);
    this.index(id, card, row.status as CardStatus);
    return { version, changed: true, content: card };
  }

  /** Dictionary values the import brings, each after the last of its axis. */
  addDictionaryEntries(entries: readonly NewDictionaryEntry[]): void {
    const add = this.raw.prepare(
      `INSERT INTO dictionary_entries (axis, code, label, label_en, parent_code, sort_order, active)
       VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(sort_order), 0) + 1 FROM dictionary_entries WHERE axis = ?), 1)`,
    );
    for (const e of entries) add.run(e.axis, e.code, e.label, e.labelEn, e.parentCode, e.axis);
  }

  private writeVersion(id: number, version: number, card: CardContent, changes: FieldChange[]): void {
    this.insertVersionRow.run(
      id,
      version,
      this.at,
      this.author.username,
      this.author.displayName,
      this.kind,
      this.note,
      JSON.stringify(changes),
      JSON.stringify(card),
    );
  }

  private index(id: number, card: CardContent, status: CardStatus): void {
    this.dropIndex.run(id);
    this.addIndex.run(id, indexTerms(card, status));
  }
}
