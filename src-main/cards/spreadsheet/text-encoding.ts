import iconv from 'iconv-lite';
import { KedangError } from '../../errors';
import type { ImportEncoding } from './sheet-rows';

/**
 * Chinese offices meet three encodings in CSV files: UTF-8 (with or without
 * the BOM Excel writes), GBK/GB18030 (Excel's "CSV" on a Chinese Windows,
 * and most ERP exports) and UTF-16 (Excel's "Unicode text"). UTF-8 is tried
 * strictly first: GBK text is almost never valid UTF-8, so a failure means
 * GBK (read as GB18030, its superset).
 */
export function encodingOf(head: Buffer, validUtf8: boolean): { encoding: ImportEncoding; bom: number } {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: 'utf-8', bom: 3 };
  return { encoding: validUtf8 ? 'utf-8' : 'gbk', bom: 0 };
}

/** Decodes a byte stream chunk by chunk; a character split between chunks is kept for the next. */
export interface ChunkDecoder {
  write(bytes: Buffer): string;
  end(): string;
}

export function chunkDecoder(encoding: ImportEncoding): ChunkDecoder {
  if (encoding === 'gbk') {
    const decoder = iconv.getDecoder('gb18030');
    return { write: (bytes) => decoder.write(bytes), end: () => decoder.end() ?? '' };
  }
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  return { write: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() };
}

/**
 * Refuses bytes that are not text: a NUL, or more than a trace of other
 * control characters and undecodable bytes (a picture or a program renamed
 * .csv). Counted across chunks, so that it fails on the first chunk of
 * binary data, before anything is imported.
 */
export class TextCheck {
  private seen = 0;
  private odd = 0;

  check(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 0) throw new KedangError('IMPORT_UNREADABLE');
      // Tab, line feed, form feed and carriage return are text; other C0 controls and U+FFFD are not.
      if ((code < 0x20 && code !== 9 && code !== 10 && code !== 12 && code !== 13) || code === 0xfffd) this.odd++;
    }
    this.seen += text.length;
    if (this.odd > 2 + this.seen / 1000) throw new KedangError('IMPORT_UNREADABLE');
  }
}

/** A whole small text file decoded (for tests and short files; imports stream). */
export function decodeText(bytes: Buffer): { text: string; encoding: ImportEncoding } {
  let validUtf8 = true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    validUtf8 = false;
  }
  const { encoding, bom } = encodingOf(bytes, validUtf8);
  const decoder = chunkDecoder(encoding);
  const text = decoder.write(bytes.subarray(bom)) + decoder.end();
  new TextCheck().check(text);
  return { text, encoding };
}
