import { KedangError } from '../errors';
import type { DictionaryCode } from './dictionary';

/**
 * The region tree (dictionary axis 'region', parent_code): provinces, cities and districts, or the
 * office's own areas. A card is filed under any node; a node's figures take in its whole subtree.
 */
export class RegionTree {
  private readonly parentOf = new Map<string, string | null>();
  private readonly childrenOf = new Map<string | null, string[]>();

  constructor(entries: readonly DictionaryCode[]) {
    for (const e of entries) this.parentOf.set(e.code, e.parentCode || null);
    for (const e of entries) {
      // A parent that is not in the dictionary would hide its children: they count as top level.
      const parent = e.parentCode && this.parentOf.has(e.parentCode) ? e.parentCode : null;
      const list = this.childrenOf.get(parent);
      if (list) list.push(e.code);
      else this.childrenOf.set(parent, [e.code]);
    }
  }

  has(code: string): boolean {
    return this.parentOf.has(code);
  }

  /** The children of a region (top level for null), in the dictionary's order. */
  children(parent: string | null): string[] {
    return this.childrenOf.get(parent) ?? [];
  }

  /** The regions from the top down to `code`, both included. */
  path(code: string): string[] {
    const path: string[] = [];
    for (let current: string | null = code; current !== null && path.length < 100;) {
      if (path.includes(current)) break;
      path.unshift(current);
      const parent: string | null = this.parentOf.get(current) ?? null;
      current = parent !== null && this.parentOf.has(parent) ? parent : null;
    }
    return path;
  }

  /**
   * Where a card filed under `code` shows in the breakdown of `parent`'s children: the child whose
   * subtree holds it, `parent` itself for a card filed there, '' for a card without a region (top
   * level only), or null when it lies outside `parent`'s subtree. An unknown code is a top-level
   * region of its own.
   */
  groupUnder(parent: string | null, code: string): string | null {
    if (code === '') return parent === null ? '' : null;
    if (!this.parentOf.has(code)) return parent === null ? code : null;
    const path = this.path(code);
    if (parent === null) return path[0]!;
    const at = path.indexOf(parent);
    if (at < 0) return null;
    return path[at + 1] ?? parent;
  }

  /** Whether a card filed under `code` is in the subtree of `region`. */
  within(region: string, code: string): boolean {
    return code !== '' && (code === region || this.path(code).includes(region));
  }

  /** The parent region of an analysis must exist. */
  requireParent(parent: string | null): void {
    if (parent !== null && !this.has(parent)) throw new KedangError('ENTRY_NOT_FOUND');
  }
}
