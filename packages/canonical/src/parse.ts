import * as z from "zod";
import { EXTENSION_FIELD_PATTERN, EXTENSION_NAMESPACE_PATTERN } from "./primitives/extensions.js";
import type { Issue, Result } from "./result.js";
import { CanonicalValidationError, ISSUE_CODES, fromZodIssues, toJsonPointer } from "./result.js";
import { quote } from "./quote.js";

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

/** {@link mayHaveHazards} for the top level of a record, leaving out one key. */
function mayHaveHazardsBesides(record: Readonly<Record<string, unknown>>, skip: string): boolean {
  for (const key in record) {
    if (key === "__proto__" || key === "constructor" || key === "prototype") return true;
    if (key === skip) continue;
    const child = record[key];
    if (child !== null && typeof child === "object" && mayHaveHazards(child, 1)) return true;
  }
  return false;
}

/** Whether `Object.prototype` has no enumerable properties (for-in then sees own keys only). */
function cleanObjectPrototype(): boolean {
  for (const _ in Object.prototype) return false;
  return true;
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
        issues.push({ path: toJsonPointer([...path, key]), code: ISSUE_CODES.unknownField, message: `${quote(key)} is not an allowed field name` });
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

/**
 * A copy of a plain record with every value checked (nested values copied as
 * well), or UNSURE; with `copy` false only the check, giving back the record.
 * The copy starts as a spread clone: building it key by key would leave a
 * slow dictionary-mode object past a dozen keys.
 */
function copyRecord(value: Record<string, unknown>, checkKey: RegExp | undefined, depth: number, copy: boolean): Record<string, unknown> | typeof UNSURE {
  if (depth > MAX_INPUT_DEPTH) return UNSURE;
  const out: Record<string, unknown> = copy ? { ...value } : value;
  for (const key in out) {
    if (checkKey !== undefined && !checkKey.test(key)) return UNSURE;
    if (key === "__proto__" || key === "constructor" || key === "prototype") return UNSURE;
    const item = out[key];
    if (item !== null && typeof item === "object") {
      const nested = copyJsonValue(item, depth + 1, copy);
      if (nested === UNSURE) return UNSURE;
      if (copy) out[key] = nested;
    } else if (!isJsonPrimitive(item)) return UNSURE;
  }
  return out;
}

function isJsonPrimitive(value: unknown): boolean {
  return typeof value === "string" || typeof value === "boolean" || value === null || (typeof value === "number" && Number.isFinite(value));
}

/** A copy of a JSON value exactly as `z.json()` outputs it (at `depth` in the input), or UNSURE; see {@link copyRecord} for `copy`. */
function copyJsonValue(value: unknown, depth: number, copy: boolean): unknown {
  if (value === null || typeof value !== "object") return isJsonPrimitive(value) ? value : UNSURE;
  if (depth > MAX_INPUT_DEPTH) return UNSURE;
  if (Array.isArray(value)) {
    const out = copy ? new Array<unknown>(value.length) : value;
    for (let i = 0; i < value.length; i++) {
      const item = copyJsonValue(value[i], depth + 1, copy);
      if (item === UNSURE) return UNSURE;
      if (copy) out[i] = item;
    }
    return out;
  }
  return isPlainRecord(value) ? copyRecord(value, undefined, depth, copy) : UNSURE;
}

/**
 * The `Extensions` check without zod: zod's record and `z.json()` parsers
 * are by far the slowest part of checking a mapped object, which keeps
 * dozens of vendor fields per entity. Accepts (and, with `copy`, copies as
 * zod would) only what the `Extensions` schema accepts and what
 * {@link scanHazards} finds clean; anything else is UNSURE and goes to the
 * hazard scan and zod, so issues always come from them. The schema stays the
 * single source of truth; a property test keeps the two agreeing.
 */
function copyExtensions(value: unknown, copy: boolean): unknown {
  // The extensions are at depth 1 of the object.
  if (!isPlainRecord(value)) return UNSURE;
  const out: Record<string, unknown> = copy ? { ...value } : value;
  for (const namespace in out) {
    if (!EXTENSION_NAMESPACE_PATTERN.test(namespace) || namespace === "constructor" || namespace === "prototype") return UNSURE;
    const fields = out[namespace];
    if (!isPlainRecord(fields)) return UNSURE;
    const nested = copyRecord(fields, EXTENSION_FIELD_PATTERN, 2, copy);
    if (nested === UNSURE) return UNSURE;
    if (copy) out[namespace] = nested;
  }
  return out;
}

/** A pair of parse functions for one schema. */
export interface Parsers<T> {
  /** Parses `input`, returning issues instead of throwing. */
  safeParse(input: unknown): Result<T>;
  /** Parses `input`, throwing {@link CanonicalValidationError} when it is not valid. */
  parse(input: unknown): T;
  /** Checks `input` without building a parsed copy: its issues (as `safeParse` gives them), or undefined when valid. */
  check(input: unknown): readonly [Issue, ...Issue[]] | undefined;
}

/** Parses of one schema after which its zod fast path is compiled (compiling takes tens of milliseconds; one-off scripts never pay it). */
const COMPILE_AFTER = 100;

/**
 * The schema with its `extensions` taken as they are (the fast path checks
 * them), checked by zod's ahead-of-time compiler (`z.compile`) once the
 * schema is in steady use, unless the application asked zod for `jitless`
 * (no `new Function`, e.g. under a strict Content Security Policy).
 * `z.compile` gives the schema back unchanged when it cannot compile it, so
 * this never changes a result.
 */
class RestSchema {
  private current: z.ZodType;
  private calls = 0;
  constructor(schema: z.ZodObject) {
    this.current = schema.extend({ extensions: z.unknown().optional() });
  }
  private tick(): void {
    if (++this.calls === COMPILE_AFTER && z.config().jitless !== true) this.current = z.compile(this.current);
  }
  safeParse(input: unknown): z.ZodSafeParseResult<unknown> {
    this.tick();
    return this.current.safeParse(input);
  }
  validate(input: unknown): boolean {
    this.tick();
    return this.current.validate(input);
  }
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
  const withExtensions = schema instanceof z.ZodObject && "extensions" in schema.shape;
  let rest: RestSchema | undefined;
  const fastPathApplies = (input: unknown): input is Record<string, unknown> =>
    withExtensions && isPlainRecord(input) && cleanObjectPrototype() && !mayHaveHazardsBesides(input, "extensions");
  const safeParse = (input: unknown): Result<z.output<S>> => {
    if (fastPathApplies(input)) {
      // The extensions copy checks their hazards itself.
      const extensions = input["extensions"] === undefined ? undefined : copyExtensions(input["extensions"], true);
      if (extensions !== UNSURE) {
        rest ??= new RestSchema(schema as unknown as z.ZodObject);
        let parsed: z.ZodSafeParseResult<unknown> | undefined;
        try {
          parsed = rest.safeParse(input);
        } catch {
          parsed = undefined;
        }
        if (parsed?.success) return { ok: true, value: (extensions === undefined ? parsed.data : { ...(parsed.data as Record<string, unknown>), extensions }) as z.output<S> };
        // The extensions are valid, so the schema's issues are exactly those of the rest.
        if (parsed !== undefined) return { ok: false, issues: fromZodIssues(parsed.error.issues, input) };
      }
    }
    const hazards = scanHazards(input);
    if (hazards) return { ok: false, issues: hazards };
    return full(input);
  };
  const check = (input: unknown): readonly [Issue, ...Issue[]] | undefined => {
    if (fastPathApplies(input) && (input["extensions"] === undefined || copyExtensions(input["extensions"], false) !== UNSURE)) {
      rest ??= new RestSchema(schema as unknown as z.ZodObject);
      let valid = false;
      try {
        valid = rest.validate(input);
      } catch {
        valid = false;
      }
      if (valid) return undefined;
    }
    // Invalid (or not for the fast path): the issues, exactly as safeParse reports them.
    const result = safeParse(input);
    return result.ok ? undefined : result.issues;
  };
  return {
    safeParse,
    check,
    parse(input: unknown) {
      const result = safeParse(input);
      if (!result.ok) throw new CanonicalValidationError(result.issues, subject);
      return result.value;
    },
  };
}
