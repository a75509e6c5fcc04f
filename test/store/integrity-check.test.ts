import { openSync, readSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, loggedIn, makeFixture, userWithRole, type Fixture } from '../support/office-fixture';
import { archiveKeyOf, openRaw } from '../support/raw-archive';
import { namedCard } from '../support/card-samples';

const PAGE = 4096;

/** Flips one byte in the middle of each given page of the closed archive file. */
function damagePages(path: string, pages: number[]): void {
  const fd = openSync(path, 'r+');
  try {
    for (const page of pages) {
      const offset = (page - 1) * PAGE + PAGE / 2;
      const byte = Buffer.alloc(1);
      readSync(fd, byte, 0, 1, offset);
      byte[0] = byte[0]! ^ 0xff;
      writeSync(fd, byte, 0, 1, offset);
    }
  } finally {
    closeSync(fd);
  }
}

describe('the integrity check at unlock', () => {
  let fx: Fixture;
  let cardId: number;

  beforeAll(async () => {
    fx = await makeFixture();
    const admin = await loggedIn(fx, ADMIN.username, ADMIN.password);
    const custodian = await userWithRole(fx, admin, 'keeper', ['custodian']);
    const card = await fx.ok(custodian, 'cards.create', { content: namedCard('完整性测试有限公司') });
    cardId = card.id;
    await fx.ok(custodian, 'auth.logout', {});
    await fx.ok(admin, 'auth.logout', {});
  });
  afterAll(async () => fx?.cleanup());

  it('runs at the first unlock and then daily; between checks a damaged page is refused when read', async () => {
    // The archive is closed (everyone logged out); damage every page of the card versions.
    const key = await archiveKeyOf(fx.dir, 'keeper', 'keeper-Pass-2026');
    const raw = openRaw(fx.dir, key);
    const pages = (
      raw.prepare("SELECT pageno FROM dbstat WHERE name = 'card_versions' AND pagetype = 'leaf'").all() as Array<{
        pageno: number;
      }>
    ).map((p) => p.pageno);
    raw.close();
    expect(pages.length).toBeGreaterThan(0);
    damagePages(join(fx.dir, 'archive.kedang'), pages);

    // Same day, same process: the login does not read those pages and is not delayed by a full check…
    const custodian = await loggedIn(fx, 'keeper', 'keeper-Pass-2026');
    // …but reading the card hits the damaged page and is refused, not shown garbled.
    const read = await fx.call(custodian, 'cards.get', { id: cardId });
    expect(read.ok ? 'OK' : read.error.code).toBe('ARCHIVE_DAMAGED');
    await fx.ok(custodian, 'auth.logout', {});

    // A day later the full check runs again at unlock and refuses the damaged archive.
    fx.clock.advanceMinutes(24 * 60 + 1);
    const next = await fx.call(fx.connection(), 'auth.login', { username: 'keeper', password: 'keeper-Pass-2026' });
    expect(next.ok ? 'OK' : next.error.code).toBe('ARCHIVE_DAMAGED');

    // A freshly started process checks at its first unlock as well.
    await fx.reopen();
    const fresh = await fx.call(fx.connection(), 'auth.login', { username: 'keeper', password: 'keeper-Pass-2026' });
    expect(fresh.ok ? 'OK' : fresh.error.code).toBe('ARCHIVE_DAMAGED');
  });
});
