import type { z } from "zod";
import type { Issue, Result } from "./result.js";
import { CanonicalValidationError, ISSUE_CODES, fromZodIssues, toJsonPointer } from "./result.js";

/** Deepest nesting accepted anywhere in an input; canonical objects need far less. */
export const MAX_INPUT_DEPTH = 64;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Walks the input without recursion, looking for what zod would either crash
 * on (nesting deep enough to overflow the stack) or silently drop (own
 * `__proto__` keys inside records). Returns issues, or undefined when clean.
 */
export function scanHazards(input: unknown): [Issue, ...Issue[]] | undefined {
  if (input === null || typeof input !== "object") return undefined;
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

/** A pair of parse functions for one schema. */
export interface Parsers<T> {
  /** Parses `input`, returning issues instead of throwing. */
  safeParse(input: unknown): Result<T>;
  /** Parses `input`, throwing {@link CanonicalValidationError} when it is not valid. */
  parse(input: unknown): T;
}

/** Builds the safe and throwing parsers for a schema once, at module level. */
export function makeParsers<S extends z.ZodType>(schema: S, subject: string): Parsers<z.output<S>> {
  const safeParse = (input: unknown): Result<z.output<S>> => {
    const hazards = scanHazards(input);
    if (hazards) return { ok: false, issues: hazards };
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
  return {
    safeParse,
    parse(input: unknown) {
      const result = safeParse(input);
      if (!result.ok) throw new CanonicalValidationError(result.issues, subject);
      return result.value;
    },
  };
}
