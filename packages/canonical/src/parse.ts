import { z } from "zod";
import { EXTENSION_FIELD_PATTERN, EXTENSION_NAMESPACE_PATTERN } from "./primitives/extensions.js";
import type { Issue, Result } from "./result.js";
import { CanonicalValidationError, ISSUE_CODES, fromZodIssues, toJsonPointer } from "./result.js";

/** Deepest nesting accepted anywhere in an input; canonical objects need far less. */
export const MAX_INPUT_DEPTH = 64;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Whether anything in `value` (at `depth`) could be a hazard: nesting deeper
 * than {@link MAX_INPUT_DEPTH} or a forbidden key. Recursion is bounded by
 * the depth limit; nothing is allocated, so the common clean case is cheap.
 * It may say yes where {@link scanHazards} finds nothing (inherited
 * enumerable keys); never the other way round for JSON-shaped input.
 */
function mayHaveHazards(value: object, depth: number): boolean {
  if (depth > MAX_INPUT_DEPTH) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const child: unknown = value[i];
      if (child !== null && typeof child === "object" && mayHaveHazards(child, depth + 1)) return true;
    }
    // Non-index properties of arrays are not looked at: zod ignores them.
    return false;
  }
  for (const key in value) {
    if (key === "__proto__" || key === "constructor" || key === "prototype") return true;
    const child: unknown = (value as Record<string, unknown>)[key];
    if (child !== null && typeof child === "object" && mayHaveHazards(child, depth + 1)) return true;
  }
  return false;
}

/**
 * Walks the input without recursion, looking for what zod would either crash
 * on (nesting deep enough to overflow the stack) or silently drop (own
 * `__proto__` keys inside records). Returns issues, or undefined when clean.
 */
export function scanHazards(input: unknown): [Issue, ...Issue[]] | undefined {
  if (input === null || typeof input !== "object") return undefined;
  // Fast pre-check: clean inputs (nearly all of them) never build a path.
  if (!mayHaveHazards(input, 0)) return undefined;
  const issues: Issue[] = [];
  const stack: Array<{ value: object; path: PropertyKey[] }> = [{ value: input, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (path.length > MAX_INPUT_DEPTH) {
      issues.push({ path: toJsonPointer(path), code: ISSUE_CODES.inputTooDeep, message: `input is nested deeper than ${MAX_INPUT_DEPTH} levels` });
      if (issues.length >= 20) break;
      continue;
    }
    for (const key of Object.keys(value)) {
      const child = (value as Record<string, unknown>)[key];
      if (FORBIDDEN_KEYS.has(key) && !Array.isArray(value)) {
        issues.push({ path: toJsonPointer([...path, key]), code: ISSUE_CODES.unknownField, message: `"${key}" is not an allowed field name` });
        continue;
      }
      if (child !== null && typeof child === "object") stack.push({ value: child, path: [...path, key] });
    }
  }
  return issues.length > 0 ? (issues as [Issue, ...Issue[]]) : undefined;
}

/** Returned by the extensions fast path when it cannot vouch for the value; zod then decides. */
const UNSURE: unique symbol = Symbol("unsure");

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && Object.getOwnPropertySymbols(value).length === 0;
}

/** A copy of a JSON value exactly as `z.json()` outputs it, or UNSURE. */
function copyJsonValue(value: unknown): unknown {
  switch (typeof value) {
    case "string": case "boolean": return value;
    case "number": return Number.isFinite(value) ? value : UNSURE;
    case "object": {
      if (value === null) return null;
      if (Array.isArray(value)) {
        const out = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) {
          const item = copyJsonValue(value[i]);
          if (item === UNSURE) return UNSURE;
          out[i] = item;
        }
        return out;
      }
      if (!isPlainRecord(value)) return UNSURE;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        const item = copyJsonValue(value[key]);
        if (item === UNSURE) return UNSURE;
        out[key] = item;
      }
      return out;
    }
    default: return UNSURE;
  }
}

/**
 * The `Extensions` check without zod: zod's record and `z.json()` parsers
 * are by far the slowest part of checking a mapped object, which keeps
 * dozens of vendor fields per entity. Accepts (and copies, as zod would)
 * only what the `Extensions` schema accepts; anything else is UNSURE and
 * goes to zod, so issues always come from the schema itself. The schema
 * stays the single source of truth; a property test keeps the two agreeing.
 */
function copyExtensions(value: unknown): unknown {
  if (!isPlainRecord(value)) return UNSURE;
  const out: Record<string, unknown> = {};
  for (const namespace of Object.keys(value)) {
    if (!EXTENSION_NAMESPACE_PATTERN.test(namespace)) return UNSURE;
    const fields = value[namespace];
    if (!isPlainRecord(fields)) return UNSURE;
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(fields)) {
      if (!EXTENSION_FIELD_PATTERN.test(key)) return UNSURE;
      const item = copyJsonValue(fields[key]);
      if (item === UNSURE) return UNSURE;
      copy[key] = item;
    }
    out[namespace] = copy;
  }
  return out;
}

/** A pair of parse functions for one schema. */
export interface Parsers<T> {
  /** Parses `input`, returning issues instead of throwing. */
  safeParse(input: unknown): Result<T>;
  /** Parses `input`, throwing {@link CanonicalValidationError} when it is not valid. */
  parse(input: unknown): T;
}

/** Parses of one schema after which its zod fast path is compiled (compiling takes tens of milliseconds; one-off scripts never pay it). */
const COMPILE_AFTER = 100;

/**
 * The schema without its `extensions` field, for the fast path: parsed by
 * zod's ahead-of-time compiler (`z.compile`) once the schema is in steady
 * use, unless the application asked zod for `jitless` (no `new Function`,
 * e.g. under a strict Content Security Policy). `z.compile` gives the schema
 * back unchanged when it cannot compile it, so this never changes a result.
 */
function restParser(schema: z.ZodObject): (input: unknown) => z.ZodSafeParseResult<unknown> {
  const rest = schema.omit({ extensions: true });
  let current: z.ZodType = rest;
  let calls = 0;
  return (input) => {
    if (++calls === COMPILE_AFTER && z.config().jitless !== true) current = z.compile(rest);
    return current.safeParse(input);
  };
}

/** Builds the safe and throwing parsers for a schema once, at module level. */
export function makeParsers<S extends z.ZodType>(schema: S, subject: string): Parsers<z.output<S>> {
  const full = (input: unknown): Result<z.output<S>> => {
    let parsed: z.ZodSafeParseResult<z.output<S>>;
    try {
      parsed = schema.safeParse(input);
    } catch (error) {
      // zod itself should not throw on data; if it ever does, the caller still gets an issue.
      return { ok: false, issues: [{ path: "", code: ISSUE_CODES.invalidValue, message: `input could not be checked: ${error instanceof Error ? error.message : String(error)}` }] };
    }
    if (parsed.success) return { ok: true, value: parsed.data };
    return { ok: false, issues: fromZodIssues(parsed.error.issues, input) };
  };
  // Objects with extensions: zod checks the rest (compiled once in steady use), the fast path the
  // extensions; at the first doubt the whole input goes through the schema, so issues always come from it.
  let fast: ((input: unknown) => z.ZodSafeParseResult<unknown>) | undefined | null = schema instanceof z.ZodObject && "extensions" in schema.shape ? undefined : null;
  const safeParse = (input: unknown): Result<z.output<S>> => {
    const hazards = scanHazards(input);
    if (hazards) return { ok: false, issues: hazards };
    if (fast !== null && isPlainRecord(input)) {
      const extensions = input["extensions"] === undefined ? undefined : copyExtensions(input["extensions"]);
      if (extensions !== UNSURE && !("extensions" in input && extensions === undefined)) {
        fast ??= restParser(schema as unknown as z.ZodObject);
        let parsed: z.ZodSafeParseResult<unknown> | undefined;
        try {
          parsed = fast(extensions === undefined ? input : withoutExtensions(input));
        } catch {
          parsed = undefined;
        }
        if (parsed?.success) return { ok: true, value: (extensions === undefined ? parsed.data : { ...(parsed.data as Record<string, unknown>), extensions }) as z.output<S> };
        // The extensions are valid, so the schema's issues are exactly those of the rest.
        if (parsed !== undefined) return { ok: false, issues: fromZodIssues(parsed.error.issues, input) };
      }
    }
    return full(input);
  };
  return {
    safeParse,
    parse(input: unknown) {
      const result = safeParse(input);
      if (!result.ok) throw new CanonicalValidationError(result.issues, subject);
      return result.value;
    },
  };
}

function withoutExtensions(input: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { extensions: _extensions, ...rest } = input;
  return rest;
}
