import type { Kysely } from 'kysely';
import type { ClassificationAxis } from '../../../src-shared/cards/card';
import { foldText } from '../../../src-shared/cards/normalize';
import type { ArchiveSchema } from '../../store/schema';
import type { Parsed } from './cell-parsing';
import { cellText, type CellValue } from './sheet-rows';

/**
 * The axes whose values belong to the office itself (its regions, routes
 * and industries): a value the dictionary does not know yet is added with
 * the import. On every other axis (nature, ownership, grade, …) the values
 * are the method's and the administrator's, and an unknown one rejects the
 * row.
 */
export const OPEN_AXES: ReadonlySet<ClassificationAxis> = new Set(['region', 'route', 'industry']);

/** Longest label a card's classification field can hold (the schema's limit). */
const MAX_LABEL = 40;

/** A dictionary value an import adds. */
export interface NewDictionaryEntry {
  axis: ClassificationAxis;
  code: string;
  label: string;
  labelEn: string;
  parentCode: string | null;
}

interface Known {
  code: string;
  active: boolean;
}

export interface DictionaryRow {
  axis: string;
  code: string;
  label: string;
  label_en: string;
  parent_code: string | null;
  active: number;
}

/**
 * Turns what a file says for a classification into the code a card keeps:
 * the label (either language) or the code itself, exactly or after folding
 * width, case and spaces. Unknown values on an open axis become new
 * entries: with the code an exported 分类字典 sheet gives for them (so a
 * card moved to another archive keeps its codes), else the label as code.
 */
export class DictionaryLookup {
  private readonly exact = new Map<string, Known>();
  private readonly fold = new Map<string, Known>();
  private readonly codes = new Set<string>();
  private readonly fromFile = new Map<string, NewDictionaryEntry>();
  private readonly added = new Map<string, NewDictionaryEntry>();

  constructor(rows: readonly DictionaryRow[], fileEntries: readonly NewDictionaryEntry[] = []) {
    // Labels first, so that a label wins over another entry's code of the same spelling.
    for (const r of rows) this.remember(r.axis, r.label, r.code, r.active === 1);
    for (const r of rows) this.remember(r.axis, r.code, r.code, r.active === 1);
    for (const r of rows) if (r.label_en) this.remember(r.axis, r.label_en, r.code, r.active === 1);
    for (const r of rows) this.codes.add(`${r.axis}\u0000${r.code}`);
    for (const e of fileEntries) {
      if (!OPEN_AXES.has(e.axis)) continue;
      this.fromFile.set(`${e.axis}\u0000${e.label}`, e);
      this.fromFile.set(`${e.axis}\u0000${e.code}`, e);
    }
  }

  private remember(axis: string, word: string, code: string, active: boolean): void {
    const exactKey = `${axis}\u0000${word.trim()}`;
    if (!this.exact.has(exactKey)) this.exact.set(exactKey, { code, active });
    const foldKey = `${axis}\u0000${foldText(word)}`;
    if (foldText(word) && !this.fold.has(foldKey)) this.fold.set(foldKey, { code, active });
  }

  /**
   * The code for a cell; on an open axis an unknown value is added (a route
   * under `regionCode`). Which added values are kept is decided by the
   * accepted rows that use them ({@link addedEntry}).
   */
  resolve(axis: ClassificationAxis, cell: CellValue, regionCode: string): Parsed<string> {
    const text = cellText(cell).normalize('NFKC').replace(/\s+/g, ' ').trim();
    if (text === '') return { empty: true };
    const known = this.exact.get(`${axis}\u0000${text}`) ?? this.fold.get(`${axis}\u0000${foldText(text)}`);
    if (known) return known.active ? { value: known.code } : { problem: 'unknownValue' };
    if (!OPEN_AXES.has(axis)) return { problem: 'unknownValue' };
    if (text.length > MAX_LABEL) return { problem: 'tooLong' };
    const given = this.fromFile.get(`${axis}\u0000${text}`);
    const code = given && !this.codes.has(`${axis}\u0000${given.code}`) ? given.code : text;
    const entry: NewDictionaryEntry = {
      axis,
      code,
      label: given?.label ?? text,
      labelEn: given?.labelEn ?? '',
      parentCode: axis === 'route' ? given?.parentCode || regionCode || null : null,
    };
    this.added.set(`${axis}\u0000${code}`, entry);
    this.codes.add(`${axis}\u0000${code}`);
    this.remember(axis, text, code, true);
    if (entry.label !== text) this.remember(axis, entry.label, code, true);
    return { value: code };
  }

  /** The entry this import adds for a code, if it is one. */
  addedEntry(axis: ClassificationAxis, code: string): NewDictionaryEntry | undefined {
    return this.added.get(`${axis}\u0000${code}`);
  }
}

/** User names of active reps, found by user name (any case) or by display name when that is unambiguous. */
export class RepLookup {
  private readonly names = new Map<string, string>();

  constructor(reps: readonly { username: string; display_name: string }[]) {
    const byDisplay = new Map<string, string[]>();
    for (const r of reps) {
      this.names.set(r.username.toLowerCase(), r.username);
      byDisplay.set(r.display_name, [...(byDisplay.get(r.display_name) ?? []), r.username]);
    }
    for (const [display, users] of byDisplay) {
      if (users.length === 1 && !this.names.has(display.toLowerCase()))
        this.names.set(display.toLowerCase(), users[0]!);
    }
  }

  resolve(cell: CellValue): Parsed<string> {
    const text = cellText(cell).normalize('NFKC').trim();
    if (text === '') return { empty: true };
    const username = this.names.get(text.toLowerCase());
    return username ? { value: username } : { problem: 'unknownValue' };
  }
}

/** The dictionaries and the active reps, read once per import. */
export async function loadReferences(db: Kysely<ArchiveSchema>, fileEntries: readonly NewDictionaryEntry[]) {
  const dictionary = await db
    .selectFrom('dictionary_entries')
    .select(['axis', 'code', 'label', 'label_en', 'parent_code', 'active'])
    .orderBy('axis')
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
  const reps = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.username', 'users.display_name'])
    .where('user_roles.role', '=', 'rep')
    .where('users.active', '=', 1)
    .execute();
  return { dictionary: new DictionaryLookup(dictionary, fileEntries), reps: new RepLookup(reps) };
}
