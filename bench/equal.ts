// Structural equality of JSON-like values that ignores prototypes (JSONata
// builds null-prototype objects) and key order, but not undefined-valued
// keys: `{ a: undefined }` and `{}` differ.

/** The JSON Pointer of the first difference between `a` and `b`, or undefined when they are equal. */
export function firstDifference(a: unknown, b: unknown, path = ""): string | undefined {
  if (a === b) return undefined;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return path || "/";
  if (Array.isArray(a) !== Array.isArray(b)) return path || "/";
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}/length`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}/${i}`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  const ra = a as Record<string, unknown>, rb = b as Record<string, unknown>;
  const ka = Object.keys(ra), kb = Object.keys(rb);
  for (const key of ka) if (!Object.prototype.hasOwnProperty.call(rb, key)) return `${path}/${key}`;
  if (ka.length !== kb.length) return `${path}/${kb.find((k) => !Object.prototype.hasOwnProperty.call(ra, k)) ?? ""}`;
  for (const key of ka) {
    const d = firstDifference(ra[key], rb[key], `${path}/${key}`);
    if (d !== undefined) return d;
  }
  return undefined;
}

/** Throws, naming the first difference, unless `actual` and `expected` are the same JSON. */
export function assertSameJson(actual: unknown, expected: unknown, what: string): void {
  const d = firstDifference(actual, expected);
  if (d !== undefined) {
    const at = (v: unknown) => d.split("/").slice(1).reduce<unknown>((x, k) => (x !== null && typeof x === "object" ? (x as Record<string, unknown>)[k] : undefined), v);
    throw new Error(`${what}: outputs differ at ${d}: ${JSON.stringify(at(actual))} vs ${JSON.stringify(at(expected))}`);
  }
}
