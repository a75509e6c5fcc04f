/**
 * The peak resident memory of a benchmark child while it works: sampled every 25 ms whenever the
 * event loop is free (process.resourceUsage().maxRSS gives the kernel's peak over the whole life).
 */
export class RssSampler {
  peak = process.memoryUsage().rss;
  private readonly timer = setInterval(() => this.sample(), 25);
  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage().rss);
  }
  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peak;
  }
}
