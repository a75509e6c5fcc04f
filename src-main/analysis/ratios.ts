/**
 * A part of a whole in basis points (1 bp = 0.01 %), rounded half up, computed exactly: amounts
 * in cents times 10,000 can pass 2^53, so the division is done in whole numbers (BigInt).
 * A whole of zero or less gives 0.
 */
export function ratioBp(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return roundedQuotient(BigInt(Math.round(part)) * 10_000n, BigInt(Math.round(whole)));
}

/** round(numerator / denominator), halves away from zero, for whole numbers (denominator > 0). */
function roundedQuotient(numerator: bigint, denominator: bigint): number {
  const twice = numerator * 2n;
  const q = twice >= 0n ? (twice + denominator) / (denominator * 2n) : -((-twice + denominator) / (denominator * 2n));
  return Number(q);
}
