import { join } from 'node:path';
import type { CardContent } from '../../src-shared/cards/card';
import type { AccessLogRowDto } from '../../src-shared/contracts/access-log';
import type { Connection } from '../../src-main/router/connection';
import { namedCard } from '../support/card-samples';
import { ADMIN, loggedIn, makeFixture, userWithRole, type Fixture } from '../support/office-fixture';

export const SALES_FIXTURES = join(__dirname, '..', 'fixtures', 'sales');
export const CUSTODIAN = { username: 'keeper', password: 'keeper-Pass-2026' };

/** The test office's cards, by code: what each one is there to show. */
export const CREDIT = {
  huaxin: '91110105MA01B2C3DL',
  hengtong: '91310115MA1K4Q7R8R',
  /** Held by two separate cards (KH006, KH007): ambiguous. */
  shared: '92330106MA2H5N6P0P',
  archived: '91440300MA5F8G9H1G',
};

export interface SalesOffice {
  fx: Fixture;
  admin: Connection;
  custodian: Connection;
  manager: Connection;
  rep: Connection;
  auditor: Connection;
  /** Card id by code. */
  ids: Map<string, number>;
}

/**
 * An archive with one user per role and ten cards: KH001 北京华信 (credit code), KH002 上海恒通
 * (credit code), KH003 杭州宏达超市 (name only), KH004 and KH005 both named 湖滨茶庄, KH006 and
 * KH007 sharing one credit code, KH009 merged into KH008 merged into KH001 (a chain), and KH010
 * archived (credit code). The clock says 2026-11-27.
 */
export async function salesOffice(): Promise<SalesOffice> {
  const fx = await makeFixture();
  const admin = await loggedIn(fx, ADMIN.username, ADMIN.password);
  const custodian = await userWithRole(fx, admin, CUSTODIAN.username, ['custodian'], CUSTODIAN.password);
  const manager = await userWithRole(fx, admin, 'boss', ['manager']);
  const rep = await userWithRole(fx, admin, 'rep.wang', ['rep']);
  const auditor = await userWithRole(fx, admin, 'checker', ['auditor']);
  const ids = new Map<string, number>();
  const versions = new Map<string, number>();
  const create = async (code: string, name: string, creditCode = '') => {
    const content: CardContent = namedCard(name, { code, creditCode });
    const card = await fx.ok(custodian, 'cards.create', { content, acceptDuplicates: true });
    ids.set(code, card.id);
    versions.set(code, card.version);
  };
  await create('KH001', '北京华信商贸有限公司', CREDIT.huaxin);
  await create('KH002', '上海恒通物流有限公司', CREDIT.hengtong);
  await create('KH003', '杭州宏达超市');
  await create('KH004', '湖滨茶庄');
  await create('KH005', '湖滨茶庄');
  await create('KH006', '西湖茶叶有限公司', CREDIT.shared);
  await create('KH007', '西湖茶叶商行', CREDIT.shared);
  await create('KH008', '华信商贸北京分公司');
  await create('KH009', '华信旧号');
  await create('KH010', '深圳停用客户有限公司', CREDIT.archived);
  const merge = async (keep: string, other: string) => {
    const kept = await fx.ok(custodian, 'cards.merge', {
      keepId: ids.get(keep)!,
      keepVersion: versions.get(keep)!,
      mergeId: ids.get(other)!,
      mergeVersion: versions.get(other)!,
    });
    versions.set(keep, kept.version);
  };
  await merge('KH008', 'KH009');
  await merge('KH001', 'KH008');
  await fx.ok(custodian, 'cards.setArchived', {
    id: ids.get('KH010')!,
    expectedVersion: versions.get('KH010')!,
    archived: true,
  });
  return { fx, admin, custodian, manager, rep, auditor, ids };
}

/** The sales_import rows of the access log, oldest first. */
export async function salesLogRows(office: SalesOffice): Promise<AccessLogRowDto[]> {
  const result = await office.fx.ok(office.auditor, 'accessLog.query', {
    filter: { action: 'sales_import' },
    offset: 0,
    limit: 500,
  });
  return [...result.rows].sort((a, b) => a.seq - b.seq);
}
