import { Readable } from 'node:stream';
import type { CliIo } from '../../src-main/cli/run';

/** Captured CLI streams; stdin holds the given text (e.g. a password line). */
export function captureIo(stdinText = '', isTTY = false): CliIo & { out(): string; err(): string; json(): unknown } {
  let out = '';
  let err = '';
  return {
    stdin: Readable.from(stdinText ? [Buffer.from(stdinText)] : []),
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    isTTY,
    out: () => out,
    err: () => err,
    json: () => JSON.parse(out.trim().split('\n').pop()!),
  };
}
