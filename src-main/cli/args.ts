import { parseArgs } from 'node:util';
import { DUPLICATE_MODES, type DuplicateMode } from '../../src-shared/contracts/cards';
import type { SalesImportKind } from '../../src-shared/sales/sales';
import type { Language } from '../../src-shared/errors';
import { CROSS_TAB_BY, type CrossTabBy } from '../../src-shared/analysis/analysis';

/** The analyses the CLI runs (method 三.3 ①–④). */
export const CLI_ANALYSES = ['grade', 'product', 'region', 'credit'] as const;
export type CliAnalysisKind = (typeof CLI_ANALYSES)[number];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
import { cliText } from './messages';

export type CliCommand =
  | { name: 'init' }
  | { name: 'backup'; out: string }
  | { name: 'restore'; file: string }
  | { name: 'verify-log' }
  | { name: 'users-list' }
  | { name: 'import-cards'; file: string; mapping: string | null; dryRun: boolean; duplicates: DuplicateMode }
  | { name: 'import-sales'; kind: SalesImportKind; file: string; mapping: string | null; dryRun: boolean }
  | { name: 'export-cards'; out: string }
  | {
      name: 'analysis';
      kind: CliAnalysisKind;
      /** Period start; for credit optional (the as-of date is --to). */
      from: string | null;
      to: string;
      by: CrossTabBy;
      parent: string | null;
    }
  | { name: 'help' };

/** A parsed command line. */
export interface CliArgs {
  command: CliCommand;
  dataDir: string | null;
  user: string | null;
  passwordStdin: boolean;
  json: boolean;
  language: Language;
  archiveName: string | null;
  displayName: string | null;
}

/** A command line that cannot run: exit code 2, `detail` and the usage text on stderr. */
export class UsageError extends Error {
  constructor(
    readonly detail: string,
    readonly language: Language = 'zh',
    readonly json = false,
  ) {
    super(detail);
  }
}

const OPTIONS = {
  'data-dir': { type: 'string' },
  user: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  out: { type: 'string' },
  yes: { type: 'boolean' },
  'archive-name': { type: 'string' },
  'display-name': { type: 'string' },
  mapping: { type: 'string' },
  'dry-run': { type: 'boolean' },
  duplicates: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  by: { type: 'string' },
  parent: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * Parses argv (without node and the script). Unknown options, missing
 * values, a wrong number of positionals or `restore` without `--yes` are
 * usage errors.
 */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  // Language and --json are looked up first so even a usage error speaks the asked language and format.
  const langIndex = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const langValue =
    langIndex < 0 ? undefined : argv[langIndex]!.includes('=') ? argv[langIndex]!.split('=')[1] : argv[langIndex + 1];
  const language: Language = langValue === 'en' ? 'en' : 'zh';
  const json = argv.includes('--json');

  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), language, json);
  }
  const { values, positionals } = parsed;
  const fail = (detail: string): never => {
    throw new UsageError(detail, language, json);
  };
  if (values.lang !== undefined && values.lang !== 'zh' && values.lang !== 'en') fail(`--lang must be zh or en`);

  const common = {
    dataDir: values['data-dir'] ?? null,
    user: values.user ?? null,
    passwordStdin: values['password-stdin'] ?? false,
    json,
    language,
    archiveName: values['archive-name'] ?? null,
    displayName: values['display-name'] ?? null,
  };
  if (values.help) return { ...common, command: { name: 'help' } };

  const [word, ...rest] = positionals;
  let command: CliCommand;
  switch (word) {
    case 'init':
      if (rest.length) fail(`init takes no arguments`);
      command = { name: 'init' };
      break;
    case 'backup':
      if (rest.length) fail(`backup takes no arguments; use --out FILE`);
      if (!values.out) fail(`backup needs --out FILE`);
      command = { name: 'backup', out: values.out! };
      break;
    case 'restore':
      if (rest.length !== 1 || !rest[0]) fail(`restore needs exactly one FILE`);
      if (!values.yes) fail(cliText('restoreNeedsYes', language));
      command = { name: 'restore', file: rest[0]! };
      break;
    case 'verify-log':
      if (rest.length) fail(`verify-log takes no arguments`);
      command = { name: 'verify-log' };
      break;
    case 'users':
      if (rest.length !== 1 || rest[0] !== 'list') fail(`unknown users command; try "users list"`);
      command = { name: 'users-list' };
      break;
    case 'import': {
      if (rest.length === 2 && (rest[0] === 'sales' || rest[0] === 'receipts') && rest[1]) {
        command = {
          name: 'import-sales',
          kind: rest[0],
          file: rest[1],
          mapping: values.mapping ?? null,
          dryRun: values['dry-run'] ?? false,
        };
        break;
      }
      if (rest.length !== 2 || rest[0] !== 'cards' || !rest[1]) fail(`import needs "cards|sales|receipts FILE"`);
      const duplicates = values.duplicates ?? 'skip';
      if (!(DUPLICATE_MODES as readonly string[]).includes(duplicates))
        fail(`--duplicates must be skip, update or new`);
      command = {
        name: 'import-cards',
        file: rest[1]!,
        mapping: values.mapping ?? null,
        dryRun: values['dry-run'] ?? false,
        duplicates: duplicates as DuplicateMode,
      };
      break;
    }
    case 'export':
      if (rest.length !== 1 || rest[0] !== 'cards') fail(`export needs "cards"; use --out FILE.xlsx`);
      if (!values.out) fail(`export cards needs --out FILE.xlsx`);
      command = { name: 'export-cards', out: values.out! };
      break;
    case 'analysis': {
      const kind = rest[0] as CliAnalysisKind;
      if (rest.length !== 1 || !CLI_ANALYSES.includes(kind)) fail(`analysis needs one of ${CLI_ANALYSES.join(', ')}`);
      if (!values.to) fail(cliText('analysisNeedsTo', language));
      if (!values.from && kind !== 'credit') fail(cliText('analysisNeedsFrom', language));
      for (const date of [values.from, values.to]) {
        if (date !== undefined && !ISO_DATE.test(date)) fail(cliText('analysisDate', language, { date }));
      }
      const by = values.by ?? 'grade';
      if (!(CROSS_TAB_BY as readonly string[]).includes(by)) fail('--by must be grade or region');
      if (values.by !== undefined && kind !== 'product') fail('--by is only for analysis product');
      if (values.parent !== undefined && kind !== 'region') fail('--parent is only for analysis region');
      command = {
        name: 'analysis',
        kind,
        from: values.from ?? null,
        to: values.to!,
        by: by as CrossTabBy,
        parent: values.parent ?? null,
      };
      break;
    }
    case undefined:
      return fail('missing command');
    default:
      return fail(`unknown command: ${word}`);
  }
  if (values.out !== undefined && command.name !== 'backup' && command.name !== 'export-cards') {
    fail('--out is only for backup and export cards');
  }
  for (const option of ['mapping', 'dry-run'] as const) {
    if (values[option] !== undefined && command.name !== 'import-cards' && command.name !== 'import-sales') {
      fail(`--${option} is only for import`);
    }
  }
  if (values.duplicates !== undefined && command.name !== 'import-cards') fail('--duplicates is only for import cards');
  if (values.yes !== undefined && command.name !== 'restore') fail('--yes is only for restore');
  for (const option of ['from', 'to', 'by', 'parent'] as const) {
    if (values[option] !== undefined && command.name !== 'analysis') fail(`--${option} is only for analysis`);
  }
  return { ...common, command };
}
