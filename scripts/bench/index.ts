/**
 * `npm run bench`: the unlock benchmark, then the cards benchmark, each in
 * a process of its own (so that one's memory and page cache state do not
 * colour the other's figures). Arguments after `--` go to the cards
 * benchmark, e.g. `npm run bench -- --cards 20000`. Exit code 1 when either
 * fails or misses a target.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const benches = [
  { script: 'unlock.ts', args: [] as string[] },
  { script: 'cards.ts', args: process.argv.slice(2) },
];

let failed = false;
for (const bench of benches) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, bench.script), ...bench.args],
    {
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) {
    failed = true;
    console.error(`${bench.script}: exit ${result.status ?? result.signal}`);
  }
  console.log('');
}
process.exit(failed ? 1 : 0);
