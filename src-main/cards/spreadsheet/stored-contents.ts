import type { CardContent } from '../../../src-shared/cards/card';
import type { CipherDatabase } from '../../store/cipher-database';

/** Reads cards' current content one by one through a prepared statement (an import may touch 100,000 of them). */
export interface StoredContents {
  current(id: number): CardContent;
}

/**
 * The current version's content, as loadCard reads it. Runs on the raw
 * handle, so inside an import's transaction it sees that transaction's
 * writes.
 */
export function storedContents(raw: CipherDatabase): StoredContents {
  const select = raw.prepare<[number], { content: string }>(
    `SELECT v.content FROM customers c
       JOIN card_versions v ON v.customer_id = c.id AND v.version = c.version
      WHERE c.id = ?`,
  );
  return {
    current(id) {
      const row = select.get(id);
      if (!row) throw new Error('card without its current version');
      return JSON.parse(row.content) as CardContent;
    },
  };
}
