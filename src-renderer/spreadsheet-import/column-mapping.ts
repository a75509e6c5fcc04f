/** The select's value for "not imported": Mantine's Select treats '' as no value, the contracts use ''. */
export const IGNORE = '__ignore__';

/** The mapping as the import contracts take it: file column header → target ('' = ignored). */
export function mappingOf(columns: readonly { header: string }[], targets: readonly string[]): Record<string, string> {
  return Object.fromEntries(columns.map((c, i) => [c.header, targets[i] ?? '']));
}

/** Whether two mappings (one target per file column) are the same. */
export function sameTargets(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Which columns share a target with an earlier column: index → the earlier column's header. */
export function duplicateTargets(headers: readonly string[], targets: readonly string[]): Map<number, string> {
  const first = new Map<string, number>();
  const clashes = new Map<number, string>();
  targets.forEach((target, i) => {
    if (target === '') return;
    const earlier = first.get(target);
    if (earlier === undefined) first.set(target, i);
    else clashes.set(i, headers[earlier] ?? '');
  });
  return clashes;
}
