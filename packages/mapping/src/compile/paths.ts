// Canonical paths of the field tables: `material.id`, and `name[key=value]`
// segments that select an array element by one of its properties
// (`crossReferences[scheme=oracle-fusion.work-order-id]`).
import { pointerToken } from "../json/json.js";

/** Reads a canonical path from an object. */
export type Getter = (object: Readonly<Record<string, unknown>>) => unknown;
/** Writes a canonical path into an object, creating intermediate objects (and selected array elements). */
export type Setter = (object: Record<string, unknown>, value: unknown) => void;

interface Segment {
  readonly key: string;
  readonly select?: { readonly property: string; readonly value: string };
}

const SELECT = /^([^[\]]+)\[([^=[\]]+)=([^[\]]*)\]$/;

/** Splits a dotted canonical path into segments. Throws on a malformed selector (a declaration bug). */
export function parsePath(path: string): Segment[] {
  return splitDots(path).map((part) => {
    if (!part.includes("[")) return { key: part };
    const m = SELECT.exec(part);
    if (!m) throw new Error(`malformed canonical path segment "${part}" (expected name[key=value])`);
    return { key: m[1] ?? "", select: { property: m[2] ?? "", value: m[3] ?? "" } };
  });
}

/** Splits on dots outside brackets (selector values such as `oracle-fusion.id` contain dots). */
function splitDots(path: string): string[] {
  const out: string[] = [];
  let depth = 0, start = 0;
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c === "[") depth++;
    else if (c === "]") depth--;
    else if (c === "." && depth === 0) {
      out.push(path.slice(start, i));
      start = i + 1;
    }
  }
  out.push(path.slice(start));
  return out;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

function step(x: unknown, segment: Segment): unknown {
  if (!isObject(x)) return undefined;
  const value = x[segment.key];
  if (segment.select === undefined) return value;
  if (!Array.isArray(value)) return undefined;
  const { property, value: wanted } = segment.select;
  for (const element of value) if (isObject(element) && element[property] === wanted) return element;
  return undefined;
}

/** Compiles a canonical path into a getter; `""` reads the fields of `fills` from the object itself. */
export function compileGetter(path: string, fills?: readonly string[]): Getter {
  if (path === "") {
    const keys = fills ?? [];
    return (o) => {
      const picked: Record<string, unknown> = {};
      for (const k of keys) if (o[k] !== undefined) picked[k] = o[k];
      return picked;
    };
  }
  const segments = parsePath(path);
  if (segments.every((s) => s.select === undefined)) {
    if (segments.length === 1) {
      const k = segments[0]?.key ?? "";
      return (o) => o[k];
    }
    if (segments.length === 2) {
      const k0 = segments[0]?.key ?? "", k1 = segments[1]?.key ?? "";
      return (o) => {
        const x = o[k0];
        return isObject(x) ? x[k1] : undefined;
      };
    }
  }
  return (o) => {
    let x: unknown = o;
    for (const s of segments) {
      x = step(x, s);
      if (x === undefined) return undefined;
    }
    return x;
  };
}

/** Compiles a canonical path into a setter; `""` merges the value's fields into the object. */
export function compileSetter(path: string): Setter {
  if (path === "") {
    return (o, v) => {
      if (isObject(v)) for (const [k, x] of Object.entries(v)) if (x !== undefined) o[k] = x;
    };
  }
  const segments = parsePath(path);
  const last = segments[segments.length - 1];
  if (segments.length === 1 && last?.select === undefined) {
    const k = last?.key ?? "";
    return (o, v) => {
      o[k] = v;
    };
  }
  return (o, v) => {
    let x: Record<string, unknown> = o;
    for (let i = 0; i < segments.length; i++) {
      const s = segments[i] as Segment;
      const isLast = i === segments.length - 1;
      if (s.select === undefined) {
        if (isLast) {
          x[s.key] = v;
          return;
        }
        let next = x[s.key];
        if (!isObject(next)) {
          next = {};
          x[s.key] = next;
        }
        x = next as Record<string, unknown>;
        continue;
      }
      let list = x[s.key];
      if (!Array.isArray(list)) {
        list = [];
        x[s.key] = list;
      }
      const array = list as unknown[];
      const { property, value } = s.select;
      let index = array.findIndex((e) => isObject(e) && e[property] === value);
      if (isLast) {
        if (index < 0) array.push(v);
        else array[index] = v;
        return;
      }
      if (index < 0) {
        array.push({ [property]: value });
        index = array.length - 1;
      }
      x = array[index] as Record<string, unknown>;
    }
  };
}

/** The JSON Pointer of a canonical path relative to its object (selectors point at the array). */
export function pointerOfPath(path: string): string {
  if (path === "") return "";
  return parsePath(path).map((s) => "/" + pointerToken(s.key)).join("");
}
