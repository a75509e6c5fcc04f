import type { CardPage, CardRow } from '../../src-shared/contracts';
import type { KedangErrorDto } from '../../src-shared/errors';

/** Rows per cards.search call: small enough to answer at once, big enough that a screen needs one or two. */
export const PAGE_SIZE = 100;
/** Pages kept in memory; the ones farthest from the viewport go first (100,000 cards stay out of memory). */
const MAX_PAGES = 60;
/** Calls in flight at once: a fast drag of the scrollbar must not queue hundreds of requests. */
const MAX_IN_FLIGHT = 2;

export type PageResult = { ok: true; value: CardPage } | { ok: false; error: KedangErrorDto };
export type FetchPage = (offset: number, limit: number) => Promise<PageResult>;

/**
 * The rows of one search, fetched a page at a time as the table scrolls.
 * Only the pages the viewport currently wants are requested; pages that
 * scrolled past before their turn came are not fetched at all.
 */
export class CardPageCache {
  private readonly pages = new Map<number, CardRow[]>();
  private readonly inFlight = new Set<number>();
  private wanted: number[] = [];
  private listeners = new Set<() => void>();
  private closed = false;
  private lastRange: [number, number] = [0, 0];
  /** Total rows of the search, known after the first answer. */
  total: number | null = null;
  error: KedangErrorDto | null = null;
  /** Bumped on every change, for React's useSyncExternalStore. */
  revision = 0;

  constructor(
    private readonly fetchPage: FetchPage,
    private readonly pageSize = PAGE_SIZE,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getRevision = (): number => this.revision;

  /** The row at an index, or undefined while its page is not loaded. */
  row(index: number): CardRow | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** Every row loaded so far (for "select all loaded"). */
  loadedRows(): CardRow[] {
    return [...this.pages.keys()].sort((a, b) => a - b).flatMap((p) => this.pages.get(p) ?? []);
  }

  /** Asks for the rows [first, last] (inclusive); missing pages are fetched, at most a few at a time. */
  ensureRange(first: number, last: number): void {
    if (this.closed) return;
    this.lastRange = [first, last];
    const from = Math.max(0, Math.floor(first / this.pageSize));
    const lastIndex = this.total === null ? Math.max(first, last) : Math.min(last, this.total - 1);
    const to = Math.max(from, Math.floor(Math.max(0, lastIndex) / this.pageSize));
    const wanted: number[] = [];
    for (let p = from; p <= to; p++) if (!this.pages.has(p) && !this.inFlight.has(p)) wanted.push(p);
    this.wanted = wanted;
    this.pump();
  }

  /** Forgets a failure so that the next ensureRange tries again. */
  retry(): void {
    this.error = null;
    this.changed();
    this.ensureRange(...this.lastRange);
  }

  /** Stops all further fetching (a new search replaced this one); late answers are ignored. */
  close(): void {
    this.closed = true;
    this.listeners.clear();
  }

  private pump(): void {
    while (!this.closed && !this.error && this.inFlight.size < MAX_IN_FLIGHT && this.wanted.length > 0) {
      const page = this.wanted.shift()!;
      if (this.pages.has(page) || this.inFlight.has(page)) continue;
      this.inFlight.add(page);
      void this.fetchPage(page * this.pageSize, this.pageSize).then((result) => this.received(page, result));
    }
  }

  private received(page: number, result: PageResult): void {
    this.inFlight.delete(page);
    if (this.closed) return;
    if (!result.ok) {
      this.error = result.error;
    } else {
      this.total = result.value.total;
      this.pages.set(page, result.value.rows);
      this.evict();
    }
    this.changed();
    this.pump();
  }

  private evict(): void {
    if (this.pages.size <= MAX_PAGES) return;
    const around = Math.floor(this.lastRange[0] / this.pageSize);
    const far = [...this.pages.keys()].sort((a, b) => Math.abs(b - around) - Math.abs(a - around));
    for (const p of far.slice(0, this.pages.size - MAX_PAGES)) this.pages.delete(p);
  }

  private changed(): void {
    this.revision++;
    for (const listener of this.listeners) listener();
  }
}
