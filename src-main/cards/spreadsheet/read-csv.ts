import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
import { KedangError, toKedangError } from '../../errors';
import { chunkDecoder, encodingOf, TextCheck } from './text-encoding';
import { IMPORT_LIMITS, type ImportEncoding, type ImportLimits, type SheetRow } from './sheet-rows';

/** Text parsed per piece: enough rows to be quick, few enough that 100,000 rows are never all held. */
const PIECE_CHARS = 1024 * 1024;

const QUOTE = 0x22;
const LINE_FEED = 0x0a;

async function* fileChunks(path: string, start = 0): AsyncGenerator<Buffer> {
  const stream = createReadStream(path, { start, highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) yield chunk;
  } catch (error) {
    throw toKedangError(error);
  } finally {
    stream.destroy();
  }
}

/**
 * The first pass over a CSV file: its encoding (UTF-8 only if every byte
 * is valid UTF-8) and its number of records, counting line feeds outside
 * quotes. In UTF-8 and GBK a quote or line feed byte is always that
 * character, so the bytes are counted as they are; UTF-16 is decoded first.
 * More records than `limits.rows` is IMPORT_TOO_LARGE before anything
 * is imported.
 */
export async function inspectCsv(
  path: string,
  limits: ImportLimits = IMPORT_LIMITS,
): Promise<{ encoding: ImportEncoding; bom: number }> {
  const strict = new TextDecoder('utf-8', { fatal: true });
  let validUtf8 = true;
  let head: Buffer | null = null;
  let utf16: TextDecoder | null = null;
  let quoted = false;
  let records = 0;
  const count = (code: number) => {
    if (code === QUOTE) quoted = !quoted;
    else if (code === LINE_FEED && !quoted && ++records > limits.rows) throw new KedangError('IMPORT_TOO_LARGE');
  };
  for await (const chunk of fileChunks(path)) {
    if (!head) {
      head = chunk;
      if (encodingOf(chunk, true).encoding === 'utf-16le') utf16 = new TextDecoder('utf-16le');
    }
    if (utf16) {
      const text = utf16.decode(chunk, { stream: true });
      for (let i = 0; i < text.length; i++) count(text.charCodeAt(i));
      continue;
    }
    // From quote to quote with indexOf, each line feed outside quotes counted once (as `count` would).
    let lineFeed = -2;
    for (let i = 0; i < chunk.length;) {
      const quote = chunk.indexOf(QUOTE, i);
      const end = quote === -1 ? chunk.length : quote;
      if (!quoted) {
        if (lineFeed !== -1 && lineFeed < i) lineFeed = chunk.indexOf(LINE_FEED, i);
        while (lineFeed !== -1 && lineFeed < end) {
          if (++records > limits.rows) throw new KedangError('IMPORT_TOO_LARGE');
          lineFeed = chunk.indexOf(LINE_FEED, lineFeed + 1);
        }
      }
      if (quote === -1) break;
      quoted = !quoted;
      i = quote + 1;
    }
    if (validUtf8) {
      try {
        strict.decode(chunk, { stream: true });
      } catch {
        validUtf8 = false;
      }
    }
  }
  if (validUtf8) {
    try {
      strict.decode();
    } catch {
      validUtf8 = false;
    }
  }
  return encodingOf(head ?? Buffer.alloc(0), validUtf8);
}

/**
 * A CSV (or tab-separated) file's records as rows, read piece by piece:
 * each piece ends at a line feed outside quotes, so quoted fields with
 * commas and line breaks stay whole, and papaparse reads the fields of each
 * piece with the separator it guessed from the first. Row numbers count
 * records, as a spreadsheet program opening the file shows them. A quote
 * left open swallows the rest of the file into one field: that is refused
 * (IMPORT_UNREADABLE) rather than imported garbled.
 */
export async function* csvRows(
  path: string,
  encoding: ImportEncoding,
  bom: number,
  limits: ImportLimits = IMPORT_LIMITS,
): AsyncGenerator<SheetRow> {
  const decoder = chunkDecoder(encoding);
  const textCheck = new TextCheck();
  let delimiter = '';
  let rowNumber = 0;
  let pending = '';
  // Quote parity of `pending` up to `scanned`, so each character is looked at once.
  let scanned = 0;
  let quoted = false;
  let lastBoundary = -1;

  function* parse(piece: string): Generator<SheetRow> {
    const parsed = Papa.parse<string[]>(piece, { delimiter, skipEmptyLines: false });
    if (parsed.errors.some((e) => e.type === 'Quotes')) throw new KedangError('IMPORT_UNREADABLE');
    if (!delimiter) delimiter = parsed.meta.delimiter;
    for (const cells of parsed.data) {
      yield { row: ++rowNumber, cells: cells.length > limits.columns ? cells.slice(0, limits.columns) : cells };
    }
  }

  const pieceEnd = (index: number) => (index > 0 && pending.charCodeAt(index - 1) === 0x0d ? index - 1 : index);

  const take = function* (final: boolean): Generator<SheetRow> {
    // From quote to quote with indexOf rather than character by character (a file of 200 MB is 200
    // million characters); each line feed outside quotes is looked for once, forwards.
    let lineFeed = -2;
    while (scanned < pending.length) {
      const quote = pending.indexOf('"', scanned);
      const end = quote === -1 ? pending.length : quote;
      if (!quoted) {
        if (lineFeed !== -1 && lineFeed < scanned) lineFeed = pending.indexOf('\n', scanned);
        while (lineFeed !== -1 && lineFeed < end) {
          lastBoundary = lineFeed;
          lineFeed = pending.indexOf('\n', lineFeed + 1);
        }
      }
      if (quote === -1) {
        scanned = pending.length;
        break;
      }
      quoted = !quoted;
      scanned = quote + 1;
    }
    if (final) {
      if (pending.length > 0) yield* parse(pending);
      pending = '';
    } else if (lastBoundary >= PIECE_CHARS / 2) {
      yield* parse(pending.slice(0, pieceEnd(lastBoundary)));
      // What follows a boundary outside quotes starts outside quotes: scan it afresh.
      pending = pending.slice(lastBoundary + 1);
      scanned = 0;
      quoted = false;
      lastBoundary = -1;
    }
  };

  for await (const chunk of fileChunks(path, bom)) {
    const text = decoder.write(chunk);
    textCheck.check(text);
    pending += text;
    yield* take(false);
  }
  const rest = decoder.end();
  textCheck.check(rest);
  pending += rest;
  // A file ending in a line break has no record after it.
  if (pending.endsWith('\n')) pending = pending.slice(0, pieceEnd(pending.length - 1));
  yield* take(true);
}
