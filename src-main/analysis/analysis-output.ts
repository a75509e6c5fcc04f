import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { CompiledQuery } from 'kysely';
import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import { logDetail } from '../../src-shared/log-details';
import { KedangError, toKedangError } from '../errors';
import { sessionOf, type Call } from '../router/call';
import { analysisOf, readFigures, requestLogParts } from './analysis-requests';
import { writeAnalysisWorkbook, type Labels } from './analysis-workbook';

/**
 * Export and print of an analysis. The table is computed again here from the archive (never
 * taken from the window), the chart is the image the window drew; each is written where the
 * user chose and logged as `analysis_export`. Printing logs `analysis_print` and lets the
 * session print once (app.print), as a card print does.
 */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Signature, IHDR chunk and IEND chunk: nothing smaller is a picture. */
const PNG_MIN_BYTES = 8 + 25 + 12;
/** A chart at print resolution is well under this. */
export const PNG_MAX_BYTES = 12 * 1024 * 1024;

/**
 * A path the user chose: absolute, not a folder, and never the live archive, its keyring or
 * their companions. Other problems (no such folder, read-only, disk full) are found when
 * writing and reported as the card export reports them.
 */
async function checkedPath(call: Call, path: string): Promise<string> {
  if (!isAbsolute(path)) throw new KedangError('INVALID_INPUT', undefined, { path: 'absolute path required' });
  const full = resolve(path);
  const { archivePath, keyringPath } = call.office.location;
  if (full === resolve(archivePath) || full.startsWith(`${resolve(archivePath)}-`) || full === resolve(keyringPath)) {
    throw new KedangError('INVALID_INPUT', undefined, { path: 'this is the live archive' });
  }
  const existing = await stat(full).catch(() => null);
  if (existing?.isDirectory()) throw new KedangError('INVALID_INPUT', undefined, { path: 'this is a folder' });
  return full;
}

/** Logs the export; a file the log does not record must not stay on disk. */
async function logExport(call: Call, path: string, detail: string): Promise<void> {
  try {
    await call.office.logAlone(call.connection, sessionOf(call), {
      action: 'analysis_export',
      target: path,
      outcome: 'success',
      detail,
    });
  } catch (error) {
    await rm(path, { force: true }).catch(() => undefined);
    throw error;
  }
}

const LABELS = CompiledQuery.raw(
  "SELECT axis, code, label, label_en AS labelEn FROM dictionary_entries WHERE axis IN ('grade', 'creditGrade', 'region')",
);

/** Writes the analysis's data tables as an xlsx file marked confidential. */
export async function exportAnalysisTable(
  call: Call,
  input: ParsedInputOf<'analysis.exportTable'>,
): Promise<OutputOf<'analysis.exportTable'>> {
  const session = sessionOf(call);
  const path = await checkedPath(call, input.path);
  const language = call.connection.language;
  const { result, labels } = await readFigures(call.office.requireArchive(), async (source, db) => {
    const entries = await source.rows<{ axis: string; code: string; label: string; labelEn: string }>(LABELS);
    const byKey = new Map(
      entries.map((e) => [`${e.axis}:${e.code}`, language === 'en' && e.labelEn ? e.labelEn : e.label]),
    );
    const labelOf: Labels = (axis, code) => byKey.get(`${axis}:${code}`) ?? code;
    return { result: await analysisOf(source, db, input.request), labels: labelOf };
  });
  const rows = await writeAnalysisWorkbook(path, result, {
    displayName: session.displayName,
    username: session.username,
    at: call.office.now(),
    language,
    labels,
  });
  await logExport(call, path, logDetail(...requestLogParts(input.request), ['analysisTableExported', { rows }]));
  return { path, rows };
}

/** Saves the chart image the window rendered, after checking that it is a PNG of a sensible size. */
export async function exportAnalysisChart(
  call: Call,
  input: ParsedInputOf<'analysis.exportChart'>,
): Promise<OutputOf<'analysis.exportChart'>> {
  sessionOf(call);
  const bytes = Buffer.from(input.pngBase64, 'base64');
  if (bytes.length < PNG_MIN_BYTES || bytes.length > PNG_MAX_BYTES || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new KedangError('INVALID_INPUT', undefined, { pngBase64: 'not a PNG image' });
  }
  // The first chunk of a PNG is its header (IHDR): a truncated or forged file fails here.
  if (bytes.readUInt32BE(8) !== 13 || bytes.subarray(12, 16).toString('latin1') !== 'IHDR') {
    throw new KedangError('INVALID_INPUT', undefined, { pngBase64: 'not a PNG image' });
  }
  const path = await checkedPath(call, input.path);
  const part = `${path}.part`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(part, bytes);
    await rename(part, path);
  } catch (error) {
    await rm(part, { force: true }).catch(() => undefined);
    throw toKedangError(error);
  }
  await logExport(
    call,
    path,
    logDetail(...requestLogParts(input.request), ['analysisChartExported', { bytes: bytes.length }]),
  );
  return { path, bytes: bytes.length };
}

/** Logs the print of an analysis report; the window may then print it once (app.print). */
export async function printAnalysis(
  call: Call,
  input: ParsedInputOf<'analysis.print'>,
): Promise<OutputOf<'analysis.print'>> {
  const { office, connection } = call;
  const session = sessionOf(call);
  const at = office.now();
  await office.logAlone(connection, session, {
    action: 'analysis_print',
    target: input.request.kind,
    outcome: 'success',
    detail: logDetail(...requestLogParts(input.request)),
  });
  session.pendingPrintAt = office.now();
  return { printedBy: session.displayName, printedAt: at.toISOString() };
}
