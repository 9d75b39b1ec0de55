// The canonical schema's string length limits, read from the zod schemas of @mfgsync/canonical (the one
// source of truth) and checked on every decoded field value, so that a too-long vendor value is refused at
// its vendor property even when the vendor catalog states no length and decode runs with `validate: false`.
import type * as z from "zod";
import { parsePath } from "./paths.js";

/** A string over its canonical limit: where inside the field value, the limit and the string. */
export interface OverLimit {
  /** JSON Pointer inside the field's value (`""` for the value itself, `/value` inside an identifier). */
  readonly pointer: string;
  readonly max: number;
  readonly text: string;
}

/** Checks one decoded field value against the canonical limits below its path. */
export type LimitCheck = (value: unknown) => OverLimit | undefined;

interface Def {
  readonly type: string;
  readonly innerType?: z.core.$ZodType;
  readonly element?: z.core.$ZodType;
  readonly shape?: Readonly<Record<string, z.core.$ZodType>>;
  readonly checks?: readonly { readonly _zod: { readonly def: { readonly check: string; readonly maximum?: number } } }[];
}

const defOf = (schema: z.core.$ZodType): Def => schema._zod.def as unknown as Def;

/** Strips optional/nullable/default/readonly wrappers. */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let s = schema;
  for (let i = 0; i < 16; i++) {
    const d = defOf(s);
    if ((d.type === "optional" || d.type === "nullable" || d.type === "default" || d.type === "readonly" || d.type === "nonoptional") && d.innerType !== undefined) s = d.innerType;
    else break;
  }
  return s;
}

/**
 * The schema at a dotted canonical path of the field tables (`material.id`,
 * `crossReferences[scheme=x]`), or undefined when the path leaves what the
 * walker understands (records, unions, lazy schemas).
 */
export function schemaAtPath(schema: z.core.$ZodType | undefined, path: string): z.core.$ZodType | undefined {
  if (schema === undefined) return undefined;
  if (path === "") return unwrap(schema);
  let s: z.core.$ZodType | undefined = schema;
  for (const segment of parsePath(path)) {
    s = property(s, segment.key);
    if (s !== undefined && segment.select !== undefined) s = elementOf(s);
    if (s === undefined) return undefined;
  }
  return s === undefined ? undefined : unwrap(s);
}

function property(schema: z.core.$ZodType | undefined, key: string): z.core.$ZodType | undefined {
  if (schema === undefined) return undefined;
  const d = defOf(unwrap(schema));
  if (d.type !== "object" || d.shape === undefined || !Object.prototype.hasOwnProperty.call(d.shape, key)) return undefined;
  return d.shape[key];
}

/** The element schema of an array schema (the schema of a child row). */
export function elementOf(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  if (schema === undefined) return undefined;
  const d = defOf(unwrap(schema));
  return d.type === "array" && d.element !== undefined ? unwrap(d.element) : undefined;
}

const cache = new WeakMap<z.core.$ZodType, LimitCheck | null>();

/**
 * A check of the string length limits (`.max(n)`) anywhere below a schema,
 * or undefined when there are none. Objects and arrays are walked; unions,
 * records and lazy schemas (extensions) are not.
 */
export function limitCheckOf(schema: z.core.$ZodType | undefined, depth = 0): LimitCheck | undefined {
  if (schema === undefined || depth > 12) return undefined;
  const s = unwrap(schema);
  const cached = cache.get(s);
  if (cached !== undefined) return cached ?? undefined;
  const check = build(s, depth);
  cache.set(s, check ?? null);
  return check;
}

function build(s: z.core.$ZodType, depth: number): LimitCheck | undefined {
  const d = defOf(s);
  if (d.type === "string") {
    let max: number | undefined;
    for (const c of d.checks ?? []) {
      const cd = c._zod.def;
      if (cd.check === "max_length" && typeof cd.maximum === "number") max = max === undefined ? cd.maximum : Math.min(max, cd.maximum);
    }
    if (max === undefined) return undefined;
    const limit = max;
    return (v) => (typeof v === "string" && v.length > limit ? { pointer: "", max: limit, text: v } : undefined);
  }
  if (d.type === "object" && d.shape !== undefined) {
    const parts: [string, string, LimitCheck][] = [];
    for (const [key, sub] of Object.entries(d.shape)) {
      const c = limitCheckOf(sub, depth + 1);
      if (c !== undefined) parts.push([key, "/" + key.replace(/~/g, "~0").replace(/\//g, "~1"), c]);
    }
    if (parts.length === 0) return undefined;
    return (v) => {
      if (typeof v !== "object" || v === null || Array.isArray(v)) return undefined;
      const o = v as Record<string, unknown>;
      for (const [key, token, c] of parts) {
        const x = o[key];
        if (x === undefined) continue;
        const over = c(x);
        if (over !== undefined) return { ...over, pointer: token + over.pointer };
      }
      return undefined;
    };
  }
  if (d.type === "array" && d.element !== undefined) {
    const c = limitCheckOf(d.element, depth + 1);
    if (c === undefined) return undefined;
    return (v) => {
      if (!Array.isArray(v)) return undefined;
      for (let i = 0; i < v.length; i++) {
        const over = c(v[i]);
        if (over !== undefined) return { ...over, pointer: "/" + i + over.pointer };
      }
      return undefined;
    };
  }
  return undefined;
}
