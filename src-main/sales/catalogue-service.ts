import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import { logDetail, type LogDetailPart } from '../../src-shared/log-details';
import type { ProductDto, SalesImportDto } from '../../src-shared/sales/sales';
import { KedangError } from '../errors';
import { sessionOf, type Call } from '../router/call';

/**
 * The files imported so far, newest first (`sales.imports`): the import
 * history of the sales screen. Reading it is not logged, like the card
 * list: it shows counts and totals, no customer.
 */
export async function listImports(
  call: Call,
  _input: ParsedInputOf<'sales.imports'>,
): Promise<OutputOf<'sales.imports'>> {
  sessionOf(call);
  const rows = await call.office
    .requireArchive()
    .db.selectFrom('sales_imports')
    .select(['id', 'kind', 'file_name', 'lines', 'amount_cents', 'first_date', 'last_date', 'at', 'by_username'])
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r): SalesImportDto => ({
    id: r.id,
    kind: r.kind,
    fileName: r.file_name,
    lines: r.lines,
    amountCents: r.amount_cents,
    firstDate: r.first_date,
    lastDate: r.last_date,
    at: r.at,
    by: r.by_username,
  }));
}

/** The product catalogue by category, then code (`sales.products`). */
export async function listProducts(
  call: Call,
  _input: ParsedInputOf<'sales.products'>,
): Promise<OutputOf<'sales.products'>> {
  sessionOf(call);
  return call.office
    .requireArchive()
    .db.selectFrom('products')
    .select(['id', 'code', 'name', 'category'])
    .orderBy('category')
    .orderBy('code')
    .execute();
}

/**
 * Renames a product or sets its category (`sales.saveProduct`). The code
 * never changes: it is the ERP's key, and later imports find the product by
 * it (and keep the name and category set here). A change is logged as a
 * `dictionary_change` (the catalogue is the office's own reference list,
 * like the classification dictionaries) with the old and new values; a save
 * that changes nothing writes nothing. PRODUCT_NOT_FOUND for an unknown id.
 */
export async function saveProduct(
  call: Call,
  input: ParsedInputOf<'sales.saveProduct'>,
): Promise<OutputOf<'sales.saveProduct'>> {
  const session = sessionOf(call);
  const { office, connection } = call;
  return office.transaction(async (trx, log) => {
    const before = await trx
      .selectFrom('products')
      .select(['id', 'code', 'name', 'category'])
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!before) throw new KedangError('PRODUCT_NOT_FOUND');
    const after: ProductDto = { ...before, name: input.name, category: input.category };
    const parts: LogDetailPart[] = [];
    if (after.name !== before.name) {
      parts.push(['productRenamed', { code: before.code, before: before.name, after: after.name }]);
    }
    if (after.category !== before.category) {
      parts.push([
        'productCategorySet',
        { code: before.code, before: before.category || '—', after: after.category || '—' },
      ]);
    }
    if (parts.length === 0) return before;
    await trx
      .updateTable('products')
      .set({ name: after.name, category: after.category })
      .where('id', '=', input.id)
      .execute();
    await log(
      trx,
      office.entry(connection, session, {
        action: 'dictionary_change',
        target: before.code,
        outcome: 'success',
        detail: logDetail(...parts),
      }),
    );
    return after;
  });
}
