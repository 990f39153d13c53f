type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * A three-way merge of JSON documents as data: keys the two sides added or changed independently
 * are combined (package.json dependencies, nx.json plugins by key, tsconfig paths). Anything both
 * sides changed differently is a real conflict: the result is undefined, never a guess.
 */
export function mergeJsonText(base: string, ours: string, theirs: string): string | undefined {
  let parsed: [Json, Json, Json];
  try {
    parsed = [JSON.parse(base) as Json, JSON.parse(ours) as Json, JSON.parse(theirs) as Json];
  } catch {
    return undefined;
  }
  const merged = mergeValue(...parsed);
  if (merged === CONFLICT) return undefined;
  const indent = /\n([ \t]+)"/.exec(ours)?.[1] ?? '  ';
  return `${JSON.stringify(merged, null, indent)}${ours.endsWith('\n') ? '\n' : ''}`;
}

const CONFLICT = Symbol('conflict');

function mergeValue(base: Json | undefined, ours: Json | undefined, theirs: Json | undefined): Json | undefined | typeof CONFLICT {
  if (same(ours, theirs)) return ours;
  if (same(base, ours)) return theirs;
  if (same(base, theirs)) return ours;
  if (isObject(ours) && isObject(theirs) && (base === undefined || isObject(base))) {
    const out: { [key: string]: Json } = {};
    // Our key order first, then the keys only they added, in their order.
    const keys = [...Object.keys(ours), ...Object.keys(theirs).filter((key) => !(key in ours))];
    for (const key of keys) {
      const value = mergeValue(base?.[key], ours[key], theirs[key]);
      if (value === CONFLICT) return CONFLICT;
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
  return CONFLICT;
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
