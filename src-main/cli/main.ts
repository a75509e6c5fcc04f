/**
 * Entry of the `kedang` admin CLI (out/main/cli.js, started by bin/kedang.cjs).
 * All logic is in runCli so tests call it in-process.
 */
import { runCli } from './run';

runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: Boolean(process.stdin.isTTY),
}).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.stderr.write('kedang: internal error\n');
    process.exitCode = 1;
  },
);
