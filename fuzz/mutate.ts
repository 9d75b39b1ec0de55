// Mutations of JSON seeds (vendor fixtures, canonical examples) as fast-check
// arbitraries. A mutation is plain data (which node, what to do, with which
// value); `applyMutations` turns it into a changed copy of the seed. Big
// values (long strings, deep nesting, long arrays) are described by their size
// and built only when applied, so that fast-check never generates or keeps them.
import * as fc from "fast-check";

/** Keys that attack object prototypes or the mapping core's bookkeeping. */
export const HOSTILE_KEYS = [
  "__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "__defineGetter__", "isPrototypeOf",
  "__metadata", "__deferred", "__count", "__next", "d", "results", "items", "value", "@odata.etag", "@odata.context", "links",
  "extensions", "mfgsync", "sap", "oracle", "d365", "kind", "schemaVersion", "id", "", " ", "a/b", "a~b", "~1", "%", "\uD800", "\uDFFF", "é", "\u0000",
] as const;

/** Values at the edges of dates, times, numbers and decimals, as vendors and canonical objects spell them. */
export const BOUNDARY_VALUES: readonly unknown[] = [
  // OData V2 dates and times
  "/Date(0)/", "/Date(-0)/", "/Date(01474416000000)/", "/Date(-62135596800000)/", "/Date(253402300799999)/", "/Date(253402300800000)/",
  "/Date(8640000000000000)/", "/Date(8640000000000001)/", "/Date(-8640000000000001)/", "/Date(1474416000000+0000)/", "/Date(1474416000000-1440)/",
  "/Date(1474416000000+1441)/", "/Date(99999999999999999999)/", "/Date(1.5)/", "/Date()/", "/Date(1711846800000)/", "/Date(1729990800000)/",
  "PT00H00M00S", "PT23H59M59S", "PT24H00M00S", "PT23H59M60S", "PT02H30M00S", "PT1H", "P1DT00H00M00S", "PT-1H00M00S", "PT99999999H00M00S",
  "20200723125718", "00000000000000", "99991231235959", "20201301000000", "20200230120000",
  // ISO dates and times
  "1970-01-01", "0000-01-01", "9999-12-31", "10000-01-01", "-000001-01-01", "2024-02-29", "2023-02-29", "2024-03-31T02:30:00", "2024-10-27T02:30:00",
  "2024-01-01T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T23:59:60Z", "9999-12-31T23:59:59.999999999+14:00", "0001-01-01T00:00:00-14:00",
  "2024-01-01T00:00:00+25:00", "2024-01-01T00:00:00.1234567Z", "2024-01-01T00:00:00z", "2024-01-01 00:00:00Z", "T00:00:00",
  // numbers and decimals
  0, -0, 1, -1, 0.1, 1e21, 1e-7, 1e308, -1e308, 5e-324, 2147483647, 2147483648, -2147483649, 9007199254740991, 9007199254740993, Number.MAX_VALUE,
  "0", "-0", "+1", "00", "0.0", ".5", "5.", "1e3", "1E+2", "-1e-7", "12,5", "1 000", "0x10", "Infinity", "NaN", "9007199254740993",
  "99999999999999999999999999999999.999999999999999", "0.0000000000000000000000000000001", "-0.000", "1.0000000000000000E+00", "-1.7976931348623157E+308",
  "0.0000000000000000E+00", "1.7976931348623157E+309",
  // flags, codes, units
  "X", "x", "", " ", "  X", true, false, null, "true", "null", "C62", "PCE", "PC", "ST", "KGM", "EA", "%", "\u00B0C",
];

/** A hostile replacement value, described (big ones by their size). */
export type ValueSpec =
  | { readonly t: "json"; readonly v: unknown }
  | { readonly t: "long-string"; readonly size: number; readonly char: string }
  | { readonly t: "deep"; readonly depth: number; readonly array: boolean }
  | { readonly t: "long-array"; readonly size: number }
  | { readonly t: "wide-object"; readonly size: number }
  | { readonly t: "nonjson"; readonly v: "NaN" | "Infinity" | "-Infinity" | "undefined" | "function" | "symbol" | "bigint" | "date" | "map" | "cycle" };

const LONE = ["\uD800", "\uDBFF", "\uDC00", "\uDFFF", "a\uD800b", "\uDC00\uD800"];

const stringSpec: fc.Arbitrary<ValueSpec> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 16 }).map((v) => ({ t: "json", v }) as const) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }).map((v) => ({ t: "json", v }) as const) },
  { weight: 2, arbitrary: fc.constantFrom(...LONE).map((v) => ({ t: "json", v }) as const) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 8 }).map((v) => ({ t: "json", v }) as const) },
);

/** Replacement values: boundary values, type changes, lone surrogates, big and deep values (about 1 in 18: they are slow), a few non-JSON values. */
export function valueSpec(extra: readonly unknown[] = []): fc.Arbitrary<ValueSpec> {
  const constants = [...BOUNDARY_VALUES, ...extra];
  return fc.oneof(
    { weight: 32, arbitrary: fc.constantFrom(...constants).map((v) => ({ t: "json", v }) as const) },
    { weight: 16, arbitrary: stringSpec },
    { weight: 8, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)).map((v) => ({ t: "json", v }) as const) },
    { weight: 8, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => ({ t: "json", v }) as const) },
    { weight: 1, arbitrary: fc.record({ size: fc.constantFrom(1_000, 10_000, 100_000, 1_000_000), char: fc.constantFrom("x", "9", " ", "\uD800", "é", "\uD83D\uDE00") }).map((r) => ({ t: "long-string", ...r }) as const) },
    { weight: 1, arbitrary: fc.record({ depth: fc.constantFrom(20, 63, 64, 65, 200, 3_000), array: fc.boolean() }).map((r) => ({ t: "deep", ...r }) as const) },
    { weight: 1, arbitrary: fc.constantFrom(1_000, 20_000).map((size) => ({ t: "long-array", size }) as const) },
    { weight: 1, arbitrary: fc.constantFrom(500, 5_000).map((size) => ({ t: "wide-object", size }) as const) },
    { weight: 3, arbitrary: fc.constantFrom("NaN", "Infinity", "-Infinity", "undefined", "function", "symbol", "bigint", "date", "map", "cycle").map((v) => ({ t: "nonjson", v }) as const) },
  );
}

/** A deep copy, or the value itself when it cannot be cloned (functions, symbols). */
function safeClone<T>(value: T): T {
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}

/** Builds the value a spec describes. */
export function buildValue(spec: ValueSpec): unknown {
  switch (spec.t) {
    case "json":
      return typeof spec.v === "object" && spec.v !== null ? safeClone(spec.v) : spec.v;
    case "long-string":
      return spec.char.repeat(Math.ceil(spec.size / spec.char.length));
    case "deep": {
      let v: unknown = "leaf";
      for (let i = 0; i < spec.depth; i++) v = spec.array ? [v] : { a: v };
      return v;
    }
    case "long-array":
      return Array.from({ length: spec.size }, (_, i) => (i % 3 === 0 ? i : i % 3 === 1 ? String(i) : { k: i }));
    case "wide-object": {
      const o: Record<string, unknown> = {};
      for (let i = 0; i < spec.size; i++) o[`P${i}`] = i % 2 === 0 ? "" : i;
      return o;
    }
    case "nonjson":
      switch (spec.v) {
        case "NaN": return NaN;
        case "Infinity": return Infinity;
        case "-Infinity": return -Infinity;
        case "undefined": return undefined;
        case "function": return () => "f";
        case "symbol": return Symbol("s");
        case "bigint": return 10n ** 30n;
        case "date": return new Date(0);
        case "map": return new Map([["a", 1]]);
        case "cycle": {
          const o: Record<string, unknown> = { a: 1 };
          o["self"] = o;
          return o;
        }
      }
  }
}

/** What one mutation does; `at` picks a node (modulo the nodes of the value at the time it applies). */
export type Mutation =
  | { readonly op: "set"; readonly at: number; readonly value: ValueSpec }
  | { readonly op: "delete"; readonly at: number }
  | { readonly op: "add"; readonly at: number; readonly key: string; readonly value: ValueSpec }
  | { readonly op: "retype"; readonly at: number; readonly how: number }
  | { readonly op: "edit-string"; readonly at: number; readonly how: number; readonly text: string }
  | { readonly op: "copy"; readonly at: number; readonly from: number }
  | { readonly op: "duplicate-row"; readonly at: number; readonly times: number };

const keySpec: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom("x".repeat(129), "K".repeat(10_000), "a\uD800", "\uDC00key") },
);

/** One mutation. `extraValues` adds values typical of a wire profile (its `mutations`). */
export function mutation(extraValues: readonly unknown[] = []): fc.Arbitrary<Mutation> {
  const at = fc.nat();
  const value = valueSpec(extraValues);
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ op: fc.constant("set" as const), at, value }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant("delete" as const), at }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant("add" as const), at, key: keySpec, value }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant("retype" as const), at, how: fc.nat({ max: 11 }) }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant("edit-string" as const), at, how: fc.nat({ max: 9 }), text: fc.oneof(fc.constantFrom(...LONE, "/", "~", "'", "\"", "\\", "%", " ", "0", "-", "\u0000"), fc.string({ maxLength: 4 })) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant("copy" as const), at, from: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant("duplicate-row" as const), at, times: fc.constantFrom(1, 1, 2, 3, 10, 50) }) },
  );
}

/** One to `max` mutations. */
export function mutations(extraValues: readonly unknown[] = [], max = 3): fc.Arbitrary<readonly Mutation[]> {
  return fc.array(mutation(extraValues), { minLength: 1, maxLength: max });
}

type Path = readonly (string | number)[];
type Kind = "object" | "array" | "string" | "other";

const MAX_NODES = 4_000;

/** The paths of a seed's nodes by kind, root first, breadth-first, bounded in number (cached: seeds are frozen). */
const pathCache = new WeakMap<object, { all: Path[]; byKind: Record<Kind, Path[]> }>();

function kindOf(v: unknown): Kind {
  if (typeof v === "string") return "string";
  if (Array.isArray(v)) return "array";
  return typeof v === "object" && v !== null ? "object" : "other";
}

function pathsOf(root: unknown): { all: Path[]; byKind: Record<Kind, Path[]> } {
  const cached = typeof root === "object" && root !== null ? pathCache.get(root) : undefined;
  if (cached !== undefined) return cached;
  const all: Path[] = [[]];
  const values: unknown[] = [root];
  const byKind: Record<Kind, Path[]> = { object: [], array: [], string: [], other: [] };
  for (let i = 0; i < all.length && all.length < MAX_NODES; i++) {
    const path = all[i] as Path;
    const v = values[i];
    byKind[kindOf(v)].push(path);
    if (typeof v !== "object" || v === null) continue;
    if (Array.isArray(v)) {
      for (let j = 0; j < v.length && j < 64; j++) all.push([...path, j]), values.push(v[j]);
    } else if (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null) {
      const keys = Object.keys(v);
      for (let j = 0; j < keys.length && j < 256; j++) all.push([...path, keys[j] as string]), values.push((v as Record<string, unknown>)[keys[j] as string]);
    }
  }
  const out = { all, byKind };
  if (typeof root === "object" && root !== null) pathCache.set(root, out);
  return out;
}

/** Freezes a seed deeply: mutations copy what they change, so a mapper that writes into its input throws (and is counted). */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== "object" || v === null || Object.isFrozen(v)) continue;
    Object.freeze(v);
    for (const k of Object.keys(v)) stack.push((v as Record<string, unknown>)[k]);
  }
  return value;
}

/** Sets an own property, `__proto__` included (a plain assignment would change the prototype instead). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function shallowCopy(v: unknown): Record<string, unknown> | unknown[] {
  if (Array.isArray(v)) return [...v];
  const copy: Record<string, unknown> = {};
  for (const k of Object.keys(v as object)) setOwn(copy, k, (v as Record<string, unknown>)[k]);
  return copy;
}

const MISSING: unique symbol = Symbol("missing");
const DELETE: unique symbol = Symbol("delete");

/** The value at a path, or MISSING. */
function getIn(root: unknown, path: Path): unknown {
  let v = root;
  for (const k of path) {
    if (typeof v !== "object" || v === null || !Object.prototype.hasOwnProperty.call(v, k)) return MISSING;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

/** A copy of root with the value at path replaced by f(old) (copy on write along the path; DELETE removes it). */
function updateIn(root: unknown, path: Path, f: (old: unknown) => unknown): unknown {
  if (path.length === 0) {
    const r = f(root);
    return r === DELETE ? undefined : r;
  }
  if (typeof root !== "object" || root === null) return root;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (!Object.prototype.hasOwnProperty.call(root, head)) return root;
  const copy = shallowCopy(root);
  const next = rest.length === 0 ? f((root as Record<string | number, unknown>)[head]) : updateIn((root as Record<string | number, unknown>)[head], rest, f);
  if (next === DELETE) {
    if (Array.isArray(copy)) copy.splice(head as number, 1);
    else delete copy[head as string];
  } else if (Array.isArray(copy)) copy[head as number] = next;
  else setOwn(copy, head as string, next);
  return copy;
}

function retype(value: unknown, how: number): unknown {
  switch (how) {
    case 0: return typeof value === "string" ? (value === "" ? 0 : Number.isNaN(Number(value)) ? value.length : Number(value)) : typeof value === "number" ? String(value) : value;
    case 1: return typeof value === "boolean" ? (value ? "X" : "") : value === "X" ? true : value === "" ? false : !value;
    case 2: return [value];
    case 3: return { results: [value] };
    case 4: return Array.isArray(value) ? Object.fromEntries(value.map((v, i) => [String(i), v])) : typeof value === "object" && value !== null ? Object.values(value) : { value };
    case 5: return value === null ? "" : null;
    case 6: return typeof value === "string" ? value.toUpperCase() === value ? value.toLowerCase() : value.toUpperCase() : String(value);
    case 7: return typeof value === "number" ? -value : typeof value === "string" ? `-${value}` : value;
    case 8: return typeof value === "number" ? value + 0.5 : typeof value === "string" ? `${value}.0` : value;
    case 9: return typeof value === "object" && value !== null ? {} : "";
    case 10: return { __deferred: { uri: "x" } };
    default: return typeof value === "number" ? value * 1e6 : typeof value === "string" ? `0${value}` : 0;
  }
}

function editString(value: string, how: number, text: string): string {
  const at = value.length === 0 ? 0 : (how * 7919) % (value.length + 1);
  switch (how % 10) {
    case 0: return value.slice(0, at) + text + value.slice(at);
    case 1: return text + value;
    case 2: return value + text;
    case 3: return value.slice(0, at);
    case 4: return value.slice(at);
    case 5: return ` ${value} `;
    case 6: return value.normalize("NFD");
    case 7: return value.replace(/\d/g, (d) => String((Number(d) + 1) % 10));
    case 8: return value + value;
    default: return value.split("").reverse().join("");
  }
}

function pick(list: readonly Path[], at: number): Path | undefined {
  return list.length === 0 ? undefined : list[at % list.length];
}

/**
 * `seed` with the mutations applied in order, as a new value that shares the
 * unchanged parts with the (frozen) seed. Nodes are picked among the seed's
 * own; a node a previous mutation removed is left alone.
 */
export function applyMutations(seed: unknown, list: readonly Mutation[]): unknown {
  const { all, byKind } = pathsOf(seed);
  let root: unknown = seed;
  for (const m of list) {
    switch (m.op) {
      case "set": {
        const path = pick(all, m.at) as Path;
        root = updateIn(root, path, () => buildValue(m.value));
        break;
      }
      case "delete": {
        const path = pick(all, m.at) as Path;
        root = updateIn(root, path, () => DELETE);
        break;
      }
      case "add": {
        const path = pick(byKind.object, m.at);
        if (path === undefined) break;
        root = updateIn(root, path, (old) => {
          if (typeof old !== "object" || old === null || Array.isArray(old)) return old;
          const copy = shallowCopy(old) as Record<string, unknown>;
          setOwn(copy, m.key, buildValue(m.value));
          return copy;
        });
        break;
      }
      case "retype": {
        const path = pick(all, m.at) as Path;
        root = updateIn(root, path, (old) => retype(old, m.how));
        break;
      }
      case "edit-string": {
        const path = pick(byKind.string, m.at);
        if (path !== undefined) root = updateIn(root, path, (old) => (typeof old === "string" ? editString(old, m.how, m.text) : old));
        break;
      }
      case "copy": {
        // Another node's value in this place: right type, wrong property (a unit where a quantity goes).
        const from = getIn(root, pick(all, m.from) as Path);
        if (from !== MISSING) root = updateIn(root, pick(all, m.at) as Path, () => from);
        break;
      }
      case "duplicate-row": {
        const path = pick(byKind.array, m.at);
        if (path === undefined) break;
        root = updateIn(root, path, (old) => {
          if (!Array.isArray(old) || old.length === 0) return old;
          const row = old[m.at % old.length];
          return [...old, ...Array.from({ length: m.times }, () => row)];
        });
        break;
      }
    }
  }
  return root;
}

/** Text-level mutations of a JSON payload: what a parser sees and an object never shows. */
export type TextMutation = { readonly how: number; readonly at: number; readonly text: string };

export const textMutation: fc.Arbitrary<TextMutation> = fc.record({
  how: fc.nat({ max: 7 }),
  at: fc.nat(),
  text: fc.constantFrom("1e400", "-0", "1.0", "0.10000000000000000000001", "9007199254740993", "\"\\ud800\"", "\"\\u0000\"", "{}", "[]", "null", ",", "\uFEFF", "\"dup\""),
});

/** Applies a text mutation: a duplicate key, a raw number literal, a truncation, a BOM, trailing garbage. */
export function applyTextMutation(json: string, m: TextMutation): string {
  const keys = [...json.matchAll(/"([^"\\]{1,60})":/g)];
  switch (m.how) {
    case 0: {
      // Duplicate a key inside its object: `"K":` → `"K":<value>,"K":`.
      const k = keys[m.at % Math.max(1, keys.length)];
      if (k === undefined || k.index === undefined) return json;
      return `${json.slice(0, k.index)}"${k[1]}":"dup",${json.slice(k.index)}`;
    }
    case 1: {
      // A raw literal as some property's value.
      const k = keys[m.at % Math.max(1, keys.length)];
      if (k === undefined || k.index === undefined) return json;
      const start = k.index + k[0].length;
      const rest = json.slice(start);
      const end = rest.search(/[,}\]]/);
      if (end < 0 || rest.startsWith("{") || rest.startsWith("[")) return json;
      return json.slice(0, start) + m.text + rest.slice(end);
    }
    case 2: return json.slice(0, m.at % (json.length + 1));
    case 3: return "\uFEFF" + json;
    case 4: return json + " x";
    case 5: return json.replace(/"\s*:\s*/, "\":");
    case 6: return ` \n\t${json}\n `;
    default: return json.slice(0, m.at % (json.length + 1)) + m.text + json.slice(m.at % (json.length + 1));
  }
}
