import { rm } from 'node:fs/promises';
import type { ParsedInputOf } from '../../../src-shared/contracts';
import { logDetail } from '../../../src-shared/log-details';
import { askForPath } from '../../app/app-service';
import { sessionOf, type Call } from '../../router/call';
import { scopeOf, selectCardIds } from '../card-search';
import { writeCardsWorkbook } from './export-workbook';

/**
 * Exports the chosen cards, or all cards of the list's query in its order,
 * to an xlsx marked confidential at a path the user chooses, and logs the
 * export with its card count. Personal notes are included: exporting is a
 * custodian's right (cards.export), and the file must re-import whole.
 */
export async function exportCards(
  call: Call,
  input: ParsedInputOf<'cards.export'>,
): Promise<{ path: string; rows: number }> {
  const { office, connection } = call;
  const session = sessionOf(call);
  const db = office.requireArchive().db;
  const scope = scopeOf(session);
  const inQuery = await selectCardIds(db, input, scope);
  // Chosen ids are exported only where the reader may see them and in the list's order.
  const chosen = input.ids ? new Set(input.ids) : null;
  const ids = chosen ? inQuery.filter((id) => chosen.has(id)) : inQuery;
  const path = await askForPath(call, 'cardExport', 'save');
  await writeCardsWorkbook(db, path, ids, {
    displayName: session.displayName,
    username: session.username,
    at: office.now(),
  });
  try {
    await office.logAlone(connection, session, {
      action: 'card_export',
      target: path,
      outcome: 'success',
      detail: logDetail(['cardsExported', { rows: ids.length }]),
    });
  } catch (error) {
    // An export the log does not record must not stay on disk.
    await rm(path, { force: true }).catch(() => undefined);
    throw error;
  }
  return { path, rows: ids.length };
}
