import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw, crc32 } from 'node:zlib';
import { KedangError } from '../../errors';

/** Unpacked size beyond which a workbook is refused as too large (a compressed sheet can unpack a hundredfold). */
const MAX_UNPACKED_BYTES = 2 * 1024 ** 3;

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  packedSize: number;
  size: number;
  localOffset: number;
  /** Where the packed data begins (after the local header); set once the entry is checked. */
  dataStart: number;
}

const unreadable = () => new KedangError('IMPORT_UNREADABLE');

/**
 * Checks that an xlsx file is a whole, undamaged zip holding a workbook
 * before the streaming reader sees it: every entry is unpacked once and its
 * CRC compared. The reader itself stalls without an error on a truncated
 * file, and a damaged one must be refused before anything is imported.
 * Returns the entries, for reading the small ones (the sheet list).
 */
export async function checkWorkbookZip(path: string): Promise<ZipEntry[]> {
  const entries = await readCentralDirectory(path);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('xl/workbook.xml') || !entries.some((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name))) {
    throw unreadable();
  }
  let unpacked = 0;
  for (const entry of entries) {
    unpacked += entry.size;
    if (unpacked > MAX_UNPACKED_BYTES) throw new KedangError('IMPORT_TOO_LARGE');
  }
  const file = await open(path, 'r');
  try {
    for (const entry of entries) {
      const header = Buffer.alloc(30);
      await file.read(header, 0, 30, entry.localOffset);
      if (header.readUInt32LE(0) !== 0x04034b50) throw unreadable();
      entry.dataStart = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
      await checkEntryData(path, entry, entry.dataStart);
    }
  } finally {
    await file.close();
  }
  return entries;
}

/** The unpacked bytes of a small entry (at most 16 MiB) of a zip already checked. */
export async function readZipEntry(path: string, entry: ZipEntry): Promise<Buffer> {
  if (entry.size > 16 * 1024 ** 2) throw new KedangError('IMPORT_TOO_LARGE');
  if (entry.packedSize === 0) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  const source = createReadStream(path, { start: entry.dataStart, end: entry.dataStart + entry.packedSize - 1 });
  const collect = async (data: AsyncIterable<Buffer>) => {
    for await (const chunk of data) chunks.push(chunk);
  };
  if (entry.method === 0) await pipeline(source, collect);
  else await pipeline(source, createInflateRaw(), collect);
  return Buffer.concat(chunks);
}

async function checkEntryData(path: string, entry: ZipEntry, start: number): Promise<void> {
  if (entry.packedSize === 0) {
    if (entry.size !== 0) throw unreadable();
    return;
  }
  const source = createReadStream(path, { start, end: start + entry.packedSize - 1 });
  let crc = 0;
  let size = 0;
  const count = async (chunks: AsyncIterable<Buffer>) => {
    for await (const chunk of chunks) {
      crc = crc32(chunk, crc);
      size += chunk.length;
      if (size > entry.size) throw unreadable();
    }
  };
  try {
    if (entry.method === 0) await pipeline(source, count);
    else if (entry.method === 8) await pipeline(source, createInflateRaw(), count);
    else throw unreadable();
  } catch (error) {
    if (error instanceof KedangError) throw error;
    throw unreadable();
  }
  if (crc !== entry.crc || size !== entry.size) throw unreadable();
}

async function readCentralDirectory(path: string): Promise<ZipEntry[]> {
  const file = await open(path, 'r');
  try {
    const { size: fileSize } = await file.stat();
    if (fileSize < 22) throw unreadable();
    const tailSize = Math.min(fileSize, 22 + 65535);
    const tail = Buffer.alloc(tailSize);
    await file.read(tail, 0, tailSize, fileSize - tailSize);
    let eocd = -1;
    for (let i = tailSize - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw unreadable();
    let count = tail.readUInt16LE(eocd + 10);
    let dirSize = tail.readUInt32LE(eocd + 12);
    let dirOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
      // ZIP64: the real figures are in the ZIP64 end record the locator points at.
      const locator = eocd - 20;
      if (locator < 0 || tail.readUInt32LE(locator) !== 0x07064b50) throw unreadable();
      const recordOffset = Number(tail.readBigUInt64LE(locator + 8));
      const record = Buffer.alloc(56);
      if (recordOffset + 56 > fileSize) throw unreadable();
      await file.read(record, 0, 56, recordOffset);
      if (record.readUInt32LE(0) !== 0x06064b50) throw unreadable();
      count = Number(record.readBigUInt64LE(32));
      dirSize = Number(record.readBigUInt64LE(40));
      dirOffset = Number(record.readBigUInt64LE(48));
    }
    if (dirOffset + dirSize > fileSize || count > 100_000) throw unreadable();
    const dir = Buffer.alloc(dirSize);
    await file.read(dir, 0, dirSize, dirOffset);
    const entries: ZipEntry[] = [];
    let at = 0;
    for (let i = 0; i < count; i++) {
      if (at + 46 > dir.length || dir.readUInt32LE(at) !== 0x02014b50) throw unreadable();
      const nameLength = dir.readUInt16LE(at + 28);
      const extraLength = dir.readUInt16LE(at + 30);
      const commentLength = dir.readUInt16LE(at + 32);
      if (at + 46 + nameLength + extraLength > dir.length) throw unreadable();
      const entry: ZipEntry = {
        name: dir.toString('utf8', at + 46, at + 46 + nameLength).replace(/^\/+/, ''),
        method: dir.readUInt16LE(at + 10),
        crc: dir.readUInt32LE(at + 16),
        packedSize: dir.readUInt32LE(at + 20),
        size: dir.readUInt32LE(at + 24),
        localOffset: dir.readUInt32LE(at + 42),
        dataStart: -1,
      };
      readZip64Sizes(entry, dir.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
      if (entry.localOffset + 30 + entry.packedSize > fileSize) throw unreadable();
      entries.push(entry);
      at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    await file.close();
  }
}

/** Sizes and offsets too big for 32 bits are in the ZIP64 extra field, in this order, only where marked. */
function readZip64Sizes(entry: ZipEntry, extra: Buffer): void {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        if (field + 8 > at + 4 + length) throw unreadable();
        const value = Number(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.packedSize === 0xffffffff) entry.packedSize = next();
      if (entry.localOffset === 0xffffffff) entry.localOffset = next();
      return;
    }
    at += 4 + length;
  }
}
