import { createInterface, type Interface } from 'node:readline';
import { Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/** Asks the operator for answers; passwords are never echoed. */
export interface Prompter {
  ask(label: string): Promise<string>;
  askHidden(label: string): Promise<string>;
  close(): void;
}

/** Thrown when the operator ends input (Ctrl+C, Ctrl+D) during a prompt. */
export class PromptCancelled extends Error {}

/**
 * An interactive prompter on a terminal. Prompts go to stderr so stdout
 * stays clean for --json; while a password is typed readline's echo is
 * swallowed by a muted output stream.
 */
export function terminalPrompter(input: NodeJS.ReadableStream, output: { write(text: string): unknown }): Prompter {
  let muted = false;
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      if (!muted) output.write(chunk.toString());
      callback();
    },
  });
  let rl: Interface | null = null;
  let closed = false;
  const reader = (): Interface => {
    if (!rl) {
      rl = createInterface({ input, output: sink, terminal: true });
      rl.on('close', () => {
        closed = true;
      });
      // Ctrl+C ends the prompt instead of hanging the command.
      rl.on('SIGINT', () => rl?.close());
    }
    return rl;
  };
  const question = (label: string, hidden: boolean): Promise<string> =>
    new Promise((resolve, reject) => {
      if (closed) {
        reject(new PromptCancelled());
        return;
      }
      const r = reader();
      output.write(label);
      muted = hidden;
      const onClose = (): void => {
        muted = false;
        reject(new PromptCancelled());
      };
      r.once('close', onClose);
      r.question('', (answer) => {
        r.off('close', onClose);
        if (hidden) output.write('\n');
        muted = false;
        resolve(answer);
      });
    });
  return {
    ask: (label) => question(label, false),
    askHidden: (label) => question(label, true),
    close: () => rl?.close(),
  };
}

/**
 * Reads the first line of a stream (for --password-stdin): the text before
 * the first newline, without a trailing CR; null when the stream ends empty.
 * Stops reading afterwards so the process can exit.
 */
export function readFirstLine(stream: NodeJS.ReadableStream): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const decoder = new StringDecoder('utf8');
    let buffer = '';
    const finish = (value: string | null): void => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      stream.pause();
      resolve(value);
    };
    const onData = (chunk: Buffer | string): void => {
      buffer += typeof chunk === 'string' ? chunk : decoder.write(chunk);
      const newline = buffer.indexOf('\n');
      if (newline >= 0) finish(buffer.slice(0, newline).replace(/\r$/, ''));
    };
    const onEnd = (): void => {
      buffer += decoder.end();
      finish(buffer.length > 0 ? buffer.replace(/\r$/, '') : null);
    };
    const onError = (error: unknown): void => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      reject(error);
    };
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
    stream.resume();
  });
}
