import type { ClassificationAxis } from '../../src-shared/cards/card';
import type { DictionaryEntry } from '../../src-shared/cards/dictionaries';
import type { Language } from '../../src-shared/errors';

/** One region of the tree with its sub-regions and the routes filed under it, each list in display order. */
export interface RegionNode {
  entry: DictionaryEntry;
  depth: number;
  children: RegionNode[];
  routes: DictionaryEntry[];
}

const byOrder = (a: DictionaryEntry, b: DictionaryEntry) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code);

/** The entries of one axis under one parent (null: the top level, or an axis without parents), in display order. */
export function siblingsOf(
  entries: readonly DictionaryEntry[],
  axis: ClassificationAxis,
  parentCode: string | null,
): DictionaryEntry[] {
  return entries.filter((e) => e.axis === axis && e.parentCode === parentCode).sort(byOrder);
}

/**
 * The region tree. A region whose parent is missing (or that sits in a loop, which main refuses
 * but an old archive might hold) is shown at the top level, so that no region is ever hidden.
 */
export function regionTree(entries: readonly DictionaryEntry[]): RegionNode[] {
  const regions = entries.filter((e) => e.axis === 'region');
  const codes = new Set(regions.map((r) => r.code));
  const placed = new Set<string>();
  const build = (entry: DictionaryEntry, depth: number): RegionNode => {
    placed.add(entry.code);
    return {
      entry,
      depth,
      children: regions
        .filter((r) => r.parentCode === entry.code && !placed.has(r.code))
        .sort(byOrder)
        .map((r) => build(r, depth + 1)),
      routes: siblingsOf(entries, 'route', entry.code),
    };
  };
  const roots = regions.filter((r) => r.parentCode === null || !codes.has(r.parentCode)).sort(byOrder);
  const tree = roots.map((r) => build(r, 0));
  // Regions caught in a loop were never reached from a root: list them at the top so they can be fixed.
  for (const r of [...regions].sort(byOrder)) if (!placed.has(r.code)) tree.push(build(r, 0));
  return tree;
}

/** Every region of the tree, depth first (the order of the region lists and of the classification view). */
export function flattenTree(tree: readonly RegionNode[]): RegionNode[] {
  return tree.flatMap((node) => [node, ...flattenTree(node.children)]);
}

/** The region and its ancestors, top first. Stops at a missing parent or a loop. */
export function regionPath(entries: readonly DictionaryEntry[], code: string): DictionaryEntry[] {
  const byCode = new Map(entries.filter((e) => e.axis === 'region').map((e) => [e.code, e]));
  const path: DictionaryEntry[] = [];
  const seen = new Set<string>();
  let current = byCode.get(code);
  while (current && !seen.has(current.code)) {
    seen.add(current.code);
    path.unshift(current);
    current = current.parentCode === null ? undefined : byCode.get(current.parentCode);
  }
  return path;
}

/** An entry's label in the reader's language (the Chinese label when no English one is set). */
export function entryLabel(entry: DictionaryEntry, language: Language): string {
  return language === 'en' && entry.labelEn ? entry.labelEn : entry.label;
}

/** 华北区 › 北京 › 朝阳: a region with its ancestors, as headings and group labels show it. */
export function regionPathLabel(entries: readonly DictionaryEntry[], code: string, language: Language): string {
  const path = regionPath(entries, code);
  return path.length === 0 ? code : path.map((e) => entryLabel(e, language)).join(' › ');
}

/** The region itself and every region below it: none of them may become its parent. */
export function regionAndDescendants(entries: readonly DictionaryEntry[], code: string): Set<string> {
  const found = new Set([code]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const e of entries) {
      if (e.axis === 'region' && e.parentCode !== null && found.has(e.parentCode) && !found.has(e.code)) {
        found.add(e.code);
        grew = true;
      }
    }
  }
  return found;
}

/**
 * A code for a new entry: under a parent, the parent's code with the next free two-digit number
 * (HB → HB-01, HB-02 …), as the demo and most offices number their areas and routes; at the
 * top level of an axis, the next free number.
 */
export function suggestCode(entries: readonly DictionaryEntry[], axis: ClassificationAxis, parentCode: string | null) {
  // Regions and routes are numbered from the same parents: a suggestion is free on both, so that a
  // printed code (HB-03) never means a region on one sheet and a route on another.
  const place = axis === 'region' || axis === 'route' ? ['region', 'route'] : [axis];
  const taken = new Set(entries.filter((e) => place.includes(e.axis)).map((e) => e.code.toLowerCase()));
  for (let n = 1; n < 1000; n++) {
    const number = String(n).padStart(2, '0');
    const code = parentCode ? `${parentCode}-${number}` : `${axis === 'region' ? 'R' : ''}${number}`;
    if (code.length <= 40 && !taken.has(code.toLowerCase())) return code;
  }
  return '';
}

/** The same letters, digits and _ . - the main process accepts for a code (contracts/classification.ts). */
export const CODE_PATTERN = /^[\p{L}\p{N}_.-]+$/u;

/** Moves one item of a list to another position; the list itself is not changed. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  if (from < 0 || from >= next.length || to < 0 || to >= next.length || from === to) return next;
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}
