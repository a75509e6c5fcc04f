import type { CardContent, CardStatus, Classification } from '../../src-shared/cards/card';
import { CARD_FIELDS, fieldValue } from '../../src-shared/cards/card-fields';
import type { FieldChange } from '../../src-shared/cards/card-diff';
import { indexTerms } from '../cards/search-index';
import { KedangError } from '../errors';
import type { CipherDatabase } from '../store/cipher-database';
import { AXIS_COLUMNS } from './axis-columns';

/** The card fields a reclassification may change, in the order diffCards lists them. */
const CLASSIFICATION_FIELDS = CARD_FIELDS.filter((f) => f.section === 'classification');

type Scalar = string | number | boolean | null;
const isEmpty = (v: Scalar) => v === null || v === '';

/** diffCards restricted to the classification: the other fields are the same objects, so they cannot differ. */
function classificationChanges(before: CardContent, after: CardContent): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of CLASSIFICATION_FIELDS) {
    const from = fieldValue(before, field.path);
    const to = fieldValue(after, field.path);
    if (!(from === to || (isEmpty(from) && isEmpty(to)))) changes.push({ path: field.path, from, to });
  }
  return changes;
}

/** The list columns a classification implies (what listColumns gives for these fields). */
function classificationColumns(c: Classification) {
  return {
    ...Object.fromEntries(
      Object.entries(AXIS_COLUMNS).map(([axis, column]) => [column, c[axis as keyof typeof AXIS_COLUMNS]]),
    ),
    route_order: c.routeOrder,
    assigned_rep: c.assignedRep,
  };
}

/**
 * Writes a change of cards' classification only (a bulk reassignment, a route reorder) as a new
 * version of each card: exactly the rows saveVersion writes for such a change (the list row, the
 * version with its field changes and full content, the search-index entry with its filter terms;
 * test/classification/reclassify-writer.test.ts compares them row for row), through statements
 * prepared once on the archive's own connection, inside the caller's transaction. Because only the
 * classification can change, only its list columns are rewritten and only its fields are diffed:
 * 10,000 cards are reclassified in seconds, where a full card save each would take much longer.
 */
export class ReclassifyWriter {
  private readonly current;
  private readonly updateRow;
  private readonly insertVersion;
  private readonly dropIndex;
  private readonly addIndex;

  constructor(
    raw: CipherDatabase,
    private readonly author: { username: string; displayName: string },
    private readonly at: string,
    private readonly note: string,
  ) {
    this.current = raw.prepare<[number], { version: number; status: string; content: string }>(
      `SELECT c.version, c.status, v.content FROM customers c
         JOIN card_versions v ON v.customer_id = c.id AND v.version = c.version
        WHERE c.id = ?`,
    );
    const columns = [...Object.values(AXIS_COLUMNS), 'route_order', 'assigned_rep'];
    this.updateRow = raw.prepare(
      `UPDATE customers SET ${[...columns, 'version', 'updated_at', 'updated_by'].map((k) => `${k} = @${k}`).join(', ')}
        WHERE id = @id`,
    );
    this.insertVersion = raw.prepare(
      `INSERT INTO card_versions (customer_id, version, at, by_username, by_name, kind, note, changes, content)
       VALUES (?, ?, ?, ?, ?, 'reclassify', ?, ?, ?)`,
    );
    this.dropIndex = raw.prepare('DELETE FROM card_search WHERE rowid = ?');
    this.addIndex = raw.prepare('INSERT INTO card_search (rowid, terms) VALUES (?, ?)');
  }

  /**
   * Gives the card the classification `change` returns for its current one, as a new version
   * (kind reclassify) when anything changed; returns whether it did. A merged card never changes.
   */
  update(id: number, change: (current: Classification) => Classification): boolean {
    const row = this.current.get(id);
    if (!row) throw new KedangError('CARD_NOT_FOUND');
    if (row.status === 'merged') throw new KedangError('CARD_MERGED');
    const before = JSON.parse(row.content) as CardContent;
    const card: CardContent = { ...before, classification: change({ ...before.classification }) };
    const changes = classificationChanges(before, card);
    if (changes.length === 0) return false;
    const version = row.version + 1;
    this.updateRow.run({
      ...classificationColumns(card.classification),
      version,
      updated_at: this.at,
      updated_by: this.author.displayName,
      id,
    });
    this.insertVersion.run(
      id,
      version,
      this.at,
      this.author.username,
      this.author.displayName,
      this.note,
      JSON.stringify(changes),
      JSON.stringify(card),
    );
    this.dropIndex.run(id);
    this.addIndex.run(id, indexTerms(card, row.status as CardStatus));
    return true;
  }
}
