/**
 * Receivable ageing, oldest sales paid first (FIFO).
 *
 * Up to the as-of date, everything a customer was credited — receipts and returns (negative sales
 * lines) — pays its oldest sales first, whatever the day it came in: a payment before any sale is
 * a credit the next sales use up. So what is still unpaid is always the customer's newest sales
 * adding up to the balance (sales − receipts), and its age follows from the newest sales alone.
 *
 * Age of a sale = whole days from its date to the as-of date: 0–30, 31–60, 61–90 and over 90
 * (91 days and more). A sale on the as-of date is 0 days old.
 */

/** Days from the as-of date back to the first day of each bucket after the first: 31, 61, 91. */
export const BUCKET_STARTS = [31, 61, 91] as const;

/**
 * The unpaid part of a balance in the four buckets, given the customer's positive sales in the
 * first three (newest first). Whatever is owed beyond the sales of the last 90 days is over 90 days.
 * A balance of zero or less (paid up, or a credit) has nothing unpaid.
 */
export function ageBalance(
  balance: number,
  recentSales: readonly [number, number, number],
): [number, number, number, number] {
  let left = Math.max(0, balance);
  const unpaid: [number, number, number, number] = [0, 0, 0, 0];
  for (let bucket = 0; bucket < 3; bucket++) {
    const take = Math.min(left, Math.max(0, recentSales[bucket]!));
    unpaid[bucket] = take;
    left -= take;
  }
  unpaid[3] = left;
  return unpaid;
}
