import { describe, expect, it } from 'vitest';
import type { CardRow } from '../../../src-shared/contracts';
import { CardPageCache, type PageResult } from '../../../src-renderer/cards/page-cache';

const TOTAL = 1000;
const row = (i: number) => ({ id: i + 1, name: `客户${i}` }) as CardRow;

/** A fake cards.search: answers when the test releases it, and records every offset asked for. */
function fakeSearch() {
  const asked: number[] = [];
  const waiting: Array<() => void> = [];
  const fetch = (offset: number, limit: number) =>
    new Promise<PageResult>((resolve) => {
      asked.push(offset);
      waiting.push(() =>
        resolve({
          ok: true,
          value: {
            total: TOTAL,
            offset,
            rows: Array.from({ length: Math.min(limit, TOTAL - offset) }, (_, k) => row(offset + k)),
          },
        }),
      );
    });
  const releaseAll = async () => {
    while (waiting.length > 0) {
      waiting.shift()!();
      await Promise.resolve();
      await Promise.resolve();
    }
  };
  return { asked, fetch, releaseAll };
}

describe('CardPageCache', () => {
  it('reads only the pages a range needs, once each', async () => {
    const search = fakeSearch();
    const cache = new CardPageCache(search.fetch, 100);
    cache.ensureRange(0, 30);
    cache.ensureRange(0, 30);
    expect(search.asked).toEqual([0]);
    await search.releaseAll();
    expect(cache.total).toBe(TOTAL);
    expect(cache.row(30)?.name).toBe('客户30');
    cache.ensureRange(190, 230);
    await search.releaseAll();
    expect(search.asked).toEqual([0, 100, 200]);
    expect(cache.row(230)?.id).toBe(231);
  });

  it('skips pages that scrolled past before their turn came', async () => {
    const search = fakeSearch();
    const cache = new CardPageCache(search.fetch, 100);
    cache.ensureRange(0, 30);
    await search.releaseAll();
    // A fast drag: many ranges while two requests are in flight; only the last range is read next.
    cache.ensureRange(300, 330);
    cache.ensureRange(400, 430);
    cache.ensureRange(500, 530);
    cache.ensureRange(900, 930);
    await search.releaseAll();
    expect(search.asked).toEqual([0, 300, 400, 900]);
    expect(cache.row(920)).toBeDefined();
    expect(cache.row(520)).toBeUndefined();
  });

  it('stops on an error until retried, and ignores answers after close', async () => {
    let fail = true;
    const asked: number[] = [];
    const cache = new CardPageCache(async (offset) => {
      asked.push(offset);
      return fail
        ? { ok: false, error: { code: 'INTERNAL', message: '发生内部错误' } }
        : { ok: true, value: { total: TOTAL, offset, rows: [row(offset)] } };
    }, 100);
    cache.ensureRange(0, 10);
    await new Promise((r) => setTimeout(r, 0));
    expect(cache.error?.code).toBe('INTERNAL');
    cache.ensureRange(0, 10);
    expect(asked).toEqual([0]);
    fail = false;
    cache.retry();
    await new Promise((r) => setTimeout(r, 0));
    expect(cache.error).toBeNull();
    expect(cache.row(0)?.id).toBe(1);
    cache.close();
    cache.ensureRange(500, 510);
    expect(asked).toEqual([0, 0]);
  });

  it('keeps memory bounded when scrolling through a large archive', async () => {
    const total = 100_000;
    const cache = new CardPageCache(
      async (offset, limit) => ({
        ok: true,
        value: { total, offset, rows: Array.from({ length: limit }, (_, k) => row(offset + k)) },
      }),
      100,
    );
    for (let first = 0; first < total; first += 100) {
      cache.ensureRange(first, first + 30);
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(cache.loadedRows().length).toBeLessThanOrEqual(60 * 100);
    expect(cache.row(total - 1)?.id).toBe(total);
    expect(cache.row(0)).toBeUndefined();
  });
});
