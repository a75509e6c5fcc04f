/**
 * `npm run bench`: the unlock benchmark, then the cards benchmark, then the
 * sales import benchmark (which ends with the analyses, when they are
 * there), each in a process of its own (so that one's memory and page cache
 * state do not colour the other's figures). Arguments after `--` go to the
 * benchmark that takes them: `--cards N` to the cards benchmark,
 * `--customers N` and `--lines M` to the sales benchmark, `--work-dir DIR` to
 * both (they share the card archive there), e.g.
 * `npm run bench -- --cards 20000 --customers 20000 --lines 200000`. Exit code
 * 1 when any fails or misses a target.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// One work folder for the cards and sales benchmarks, so the 100,000-card archive is built once.
const given = process.argv.slice(2);
const ownWorkDir = given.some((a) => a.split('=')[0] === '--work-dir')
  ? null
  : mkdtempSync(join(tmpdir(), 'kedang-bench-'));
const argv = ownWorkDir ? [...given, '--work-dir', ownWorkDir] : given;

const benches = [
  { script: 'unlock.ts', args: [] as string[] },
  { script: 'cards.ts', args: argsFor(['--cards', '--work-dir']) },
  { script: 'sales.ts', args: argsFor(['--customers', '--lines', '--work-dir']) },
];

/** The options after `--` that a benchmark takes (`--name value` or `--name=value`); the others are not its own. */
function argsFor(names: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [name] = argv[i]!.split('=');
    if (!names.includes(name!)) continue;
    out.push(argv[i]!);
    if (!argv[i]!.includes('=') && i + 1 < argv.length) out.push(argv[++i]!);
  }
  return out;
}

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
if (ownWorkDir) rmSync(ownWorkDir, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
