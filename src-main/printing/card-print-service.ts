import type { CardContent } from '../../src-shared/cards/card';
import type { ParsedInputOf } from '../../src-shared/contracts';
import type { CardPrintJob } from '../../src-shared/contracts/cards';
import { logDetail } from '../../src-shared/log-details';
import { rolesGrant } from '../../src-shared/permissions';
import { toCardDto } from '../cards/card-dto';
import { loadCard, type CustomerRow } from '../cards/card-records';
import { inScope, scopeOf } from '../cards/card-search';
import { KedangError } from '../errors';
import { sessionOf, type Call } from '../router/call';

/**
 * Prepares a print: each card gets its next copy number and a log row, and
 * the session may then print once (app.print). Personal notes are printed
 * only for readers who may reveal them.
 */
export async function printCards(call: Call, input: ParsedInputOf<'cards.print'>): Promise<CardPrintJob> {
  const { office, connection } = call;
  const session = sessionOf(call);
  const reveal = rolesGrant(session.roles, 'cards.revealPersonal');
  const scope = scopeOf(session);
  const at = office.now().toISOString();
  const ids = [...new Set(input.ids)];
  const copies = await office.transaction(async (trx, log) => {
    const out: { copyNo: number; row: CustomerRow; content: CardContent }[] = [];
    for (const id of ids) {
      const { row, content } = await loadCard(trx, id);
      // Printing is a read: a card outside the reader's scope does not exist for them.
      if (!inScope(row.assigned_rep, scope)) throw new KedangError('CARD_NOT_FOUND');
      const last = await trx
        .selectFrom('card_prints')
        .select((eb) => eb.fn.max('copy_no').as('last'))
        .where('customer_id', '=', id)
        .executeTakeFirst();
      const copyNo = Number(last?.last ?? 0) + 1;
      await trx
        .insertInto('card_prints')
        .values({ customer_id: id, copy_no: copyNo, at, by_username: session.username })
        .execute();
      await log(
        trx,
        office.entry(connection, session, {
          action: 'card_print',
          target: row.code,
          outcome: 'success',
          detail: logDetail(['cardVersion', { version: row.version }], ['printCopy', { copy: copyNo }]),
        }),
      );
      out.push({ copyNo, row, content });
    }
    return out;
  });
  session.pendingPrintAt = office.now();
  const db = office.requireArchive().db;
  return {
    printedBy: session.displayName,
    printedAt: at,
    copies: await Promise.all(
      copies.map(async (c) => ({
        copyNo: c.copyNo,
        card: await toCardDto(db, c.row, c.content, c.row.version, reveal),
      })),
    ),
  };
}
