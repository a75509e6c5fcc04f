import { foldText } from './normalize';

/**
 * The search index tokenises like a CJK bigram analyser: every folded field
 * becomes its overlapping two-character pieces plus its last character
 * alone. A query of two or more characters becomes the phrase of its own
 * pieces, which matches exactly the fields that contain it as a substring —
 * so 华信 (two characters, below FTS5's trigram minimum) is one index lookup,
 * and a phrase never spans two fields because the piece across the border
 * is never indexed. One character is a prefix lookup.
 */
export function fieldTokens(raw: string): string[] {
  const text = [...foldText(raw)];
  if (text.length === 0) return [];
  const tokens: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) tokens.push(text[i]! + text[i + 1]!);
  tokens.push(text[text.length - 1]!);
  return tokens;
}

/** The FTS5 document for a card: each field's tokens, fields separated so that no piece crosses a border. */
export function indexDocument(fields: readonly string[]): string {
  return fields
    .map((f) => fieldTokens(f).join(' '))
    .filter((f) => f.length > 0)
    .join(' ');
}

/**
 * The FTS5 MATCH expression for a user's query, or null when nothing
 * searchable is left after folding. Several words (separated by spaces) must
 * all match, each anywhere.
 */
export function matchExpression(query: string): string | null {
  const words = query
    .split(/[\s,，;；]+/u)
    .map((w) => [...foldText(w)])
    .filter((w) => w.length > 0);
  if (words.length === 0) return null;
  const parts = words.map((chars) => {
    if (chars.length === 1) return `"${chars[0]}"*`;
    const pieces: string[] = [];
    for (let i = 0; i + 1 < chars.length; i++) pieces.push(chars[i]! + chars[i + 1]!);
    return `"${pieces.join(' ')}"`;
  });
  return parts.join(' AND ');
}
