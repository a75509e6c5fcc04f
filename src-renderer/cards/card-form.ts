import { SECTION_KEYS, type CardContent, type Person, type SectionKey } from '../../src-shared/cards/card';
import { CARD_FIELDS, setFieldValue } from '../../src-shared/cards/card-fields';
import { CardContentSchema } from '../../src-shared/cards/card-schema';

/**
 * The tabs of the card, in order; the five content sections, then classification, the
 * customer's dealings with the office (往来概况) and history.
 */
export const CARD_TABS = [
  'basic',
  'people',
  'characteristics',
  'business',
  'trading',
  'classification',
  'overview',
  'history',
] as const;
export type CardTab = (typeof CARD_TABS)[number];

/** Field path → problem code (CardContentSchema's messages, or main's for INVALID_INPUT). */
export type Problems = Record<string, string>;

const FIELD_SECTION = new Map(CARD_FIELDS.map((f) => [f.path, f.section]));

/** The tab a field path lives on: `people.2.name` → people, `sources.trading.verified` → trading. */
export function tabOfPath(path: string): CardTab {
  const [head, second] = path.split('.');
  if (head === 'sources' && second && (SECTION_KEYS as readonly string[]).includes(second)) return second as CardTab;
  if (head && (CARD_TABS as readonly string[]).includes(head)) return head as CardTab;
  return 'basic';
}

/** Runs the shared card schema; every problem keyed by its dotted path (the first problem of a field wins). */
export function validateCard(content: CardContent): Problems {
  const parsed = CardContentSchema.safeParse(content);
  if (parsed.success) return {};
  const problems: Problems = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    problems[path] ??= issue.message;
  }
  return problems;
}

/**
 * Main's INVALID_INPUT fields for a card call: schema paths come as
 * `content.basic.name`, reference checks as `classification.region`; both
 * become the form's own paths.
 */
export function serverProblems(fields: Record<string, string> | undefined): Problems {
  const problems: Problems = {};
  for (const [path, problem] of Object.entries(fields ?? {})) {
    problems[path.startsWith('content.') ? path.slice('content.'.length) : path] = problem;
  }
  return problems;
}

/** Problems counted per tab, for the red count on each tab. */
export function problemsPerTab(problems: Problems): Partial<Record<CardTab, number>> {
  const counts: Partial<Record<CardTab, number>> = {};
  for (const path of Object.keys(problems)) {
    const tab = tabOfPath(path);
    counts[tab] = (counts[tab] ?? 0) + 1;
  }
  return counts;
}

/**
 * Data a customer filled in is unverified until a custodian checks it
 * (method 三.1 ②): changing any field of such a section clears its mark.
 */
function unverifyIfCustomerForm(content: CardContent, section: SectionKey): void {
  if (content.sources[section].source === 'customer_form') content.sources[section].verified = false;
}

/** A copy of the card with one scalar field changed, and the verification rule applied. */
export function withField(content: CardContent, path: string, value: string | number | boolean | null): CardContent {
  const next = structuredClone(content);
  setFieldValue(next, path, value);
  const section = FIELD_SECTION.get(path);
  if (path.startsWith('sources.')) {
    // A section newly said to come from a customer-filled form starts unverified.
    const key = path.split('.')[1] as SectionKey;
    if (path.endsWith('.source') && value === 'customer_form') next.sources[key].verified = false;
  } else if (section && section !== 'classification') {
    unverifyIfCustomerForm(next, section);
  }
  return next;
}

/** A copy of the card with the people list replaced (add, remove or change a person). */
export function withPeople(content: CardContent, people: Person[]): CardContent {
  const next = structuredClone(content);
  next.people = people;
  unverifyIfCustomerForm(next, 'people');
  return next;
}

/** NaN (a number field holding text that is not a number) must count as a change, and JSON would make it null. */
function stableJson(content: CardContent): string {
  return JSON.stringify(content, (_key, value: unknown) =>
    typeof value === 'number' && Number.isNaN(value) ? 'NaN' : value,
  );
}

/** Whether the draft differs from what was loaded. */
export function isDirty(base: CardContent, draft: CardContent): boolean {
  return stableJson(base) !== stableJson(draft);
}

/**
 * What a number field's text means: '' is empty (null), a number is that
 * number (全角 digits and thousands separators accepted), anything else is
 * NaN so that the schema reports "must be a number" rather than dropping it.
 */
export function parseNumberText(text: string): number | null {
  const folded = text.normalize('NFKC').replace(/[,\s]/g, '');
  if (folded === '') return null;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(folded)) return Number.NaN;
  return Number(folded);
}

/** The text a number field starts with. */
export function numberText(value: number | null): string {
  return value === null || Number.isNaN(value) ? '' : String(value);
}
