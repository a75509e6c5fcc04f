import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { isKedangError, toKedangError } from '../../errors';
import { CliFailure, type CommandContext } from '../context';
import { cliText } from '../messages';

/**
 * An import's --mapping file: a JSON object of column name → target ('' ignores the column),
 * checked with the import's own mapping schema. An unreadable file or one that is not such an
 * object is refused before anything is read from the archive.
 */
export async function readMappingFile(
  ctx: CommandContext,
  path: string,
  schema: z.ZodType<Record<string, string>>,
): Promise<Record<string, string>> {
  let text: string;
  try {
    text = await readFile(resolve(path), 'utf8');
  } catch (error) {
    const known = toKedangError(error);
    throw CliFailure.of(isKedangError(known) ? known.code : 'FILE_NOT_FOUND', ctx.language);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const mapping = schema.safeParse(parsed);
  if (!mapping.success) throw CliFailure.of('INVALID_INPUT', ctx.language, cliText('mappingUnreadable', ctx.language));
  return mapping.data;
}
