import type * as z from "zod";
import type { CanonicalEvent } from "./events/catalog.js";
import { CanonicalEvent as CanonicalEventSchema } from "./events/catalog.js";
import { safeParseEvent } from "./events/create.js";
import type { CanonicalObject, ObjectName } from "./objects.js";
import { ObjectSchemas, safeParseObject } from "./objects.js";
import { scanHazards } from "./parse.js";
import { SCHEMA_VERSION } from "./primitives/header.js";
import type { Issue, Result } from "./result.js";
import { CanonicalValidationError, ISSUE_CODES, fromZodIssues, isNewerMinorVersion, toJsonPointer } from "./result.js";

/**
 * How a reader treats what it does not know. `strict` (the default) refuses
 * unknown fields and values, exactly as the `safeParse*` functions do.
 * `lenient` reads data from a newer minor version: unknown fields are set
 * aside (listed in `unknownFields`), unknown enum values are read as `Other`
 * with the original kept (in `unknownValues`, and in a coded value's
 * `otherValue`), and a newer minor `schemaVersion` is read as this release's.
 *
 * @example
 * ```ts
 * import type { ReadMode } from "@mfgsync/canonical";
 * const mode: ReadMode = "lenient";
 * ```
 */
export type ReadMode = "strict" | "lenient";

/**
 * Options of {@link safeReadObject} and {@link safeReadEvent}.
 *
 * @example
 * ```ts
 * import type { ReadOptions } from "@mfgsync/canonical";
 * const options: ReadOptions = { mode: "lenient" };
 * ```
 */
export interface ReadOptions {
  /** `strict` (default) or `lenient`. */
  readonly mode?: ReadMode;
}

/**
 * A field the reader did not know, set aside: where it was and its value.
 *
 * @example
 * ```ts
 * import type { UnknownField } from "@mfgsync/canonical";
 * const field: UnknownField = { path: "/holds/0/escalation", value: { level: 2 } };
 * ```
 */
export interface UnknownField {
  /** JSON Pointer of the field in the input. */
  readonly path: string;
  /** Its value, as sent. */
  readonly value: unknown;
}

/**
 * An enum value the reader did not know: where it was and what it was. The
 * value read in its place is `Other`.
 *
 * @example
 * ```ts
 * import type { UnknownValue } from "@mfgsync/canonical";
 * const value: UnknownValue = { path: "/qualityStatus/value", value: "Conditional" };
 * ```
 */
export interface UnknownValue {
  /** JSON Pointer of the value in the input. */
  readonly path: string;
  /** The value as sent. */
  readonly value: string;
}

/**
 * What a read gives: a value that passes this release's schema, and what was
 * set aside to make it so (always empty in strict mode).
 *
 * @example
 * ```ts
 * import { safeReadObject } from "@mfgsync/canonical";
 * const r = safeReadObject("lot", JSON.parse("{}"), { mode: "lenient" });
 * if (r.ok) console.log(r.value.unknownFields);
 * ```
 */
export interface ReadValue<T> {
  /** The object or event, valid against this release's schema. */
  readonly value: T;
  /** Fields this release does not know, removed from `value`. */
  readonly unknownFields: readonly UnknownField[];
  /** Enum values this release does not know, read as `Other`. */
  readonly unknownValues: readonly UnknownValue[];
  /** Objects written at a newer minor version, read as {@link SCHEMA_VERSION}: where their `schemaVersion` was and what it said. */
  readonly newerVersions: readonly { readonly path: string; readonly version: string }[];
}

const MAX_PASSES = 8;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A deep copy of JSON-shaped input (hazards are excluded before). */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = copy(value[key]);
    return out;
  }
  return value;
}

function parentAt(root: unknown, path: readonly PropertyKey[]): Record<string | number, unknown> | undefined {
  let current: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current !== null && typeof current === "object" ? (current as Record<string | number, unknown>) : undefined;
}

interface Notes {
  unknownFields: UnknownField[];
  unknownValues: UnknownValue[];
  newerVersions: { path: string; version: string }[];
}

/** Applies what lenient mode may fix for each zod issue; returns whether anything changed. */
function fix(work: unknown, issues: readonly z.core.$ZodIssue[], notes: Notes): boolean {
  let changed = false;
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      const holder = parentAt(work, [...issue.path, ""]);
      if (!holder) continue;
      for (const key of issue.keys) {
        if (!Object.hasOwn(holder, key)) continue;
        notes.unknownFields.push({ path: toJsonPointer([...issue.path, key]), value: holder[key] });
        delete holder[key];
        changed = true;
      }
      continue;
    }
    if (issue.code !== "invalid_value" || issue.path.length === 0) continue;
    const parent = parentAt(work, issue.path);
    const key = issue.path[issue.path.length - 1] as string | number;
    const current = parent?.[key];
    if (!parent || typeof current !== "string") continue;
    if (key === "schemaVersion" && isNewerMinorVersion(current)) {
      notes.newerVersions.push({ path: toJsonPointer(issue.path), version: current });
      parent[key] = SCHEMA_VERSION;
      changed = true;
    } else if (issue.values.includes("Other")) {
      notes.unknownValues.push({ path: toJsonPointer(issue.path), value: current });
      parent[key] = "Other";
      // A coded value keeps the unknown canonical code as what its Other means (B2MML OtherValue).
      if (key === "value" && !Array.isArray(parent) && parent["otherValue"] === undefined && current.length > 0 && current.length <= 255) parent["otherValue"] = current;
      changed = true;
    }
  }
  return changed;
}

function lenientRead<T>(schema: z.ZodType, input: unknown): Result<ReadValue<T>> {
  const hazards = scanHazards(input);
  if (hazards) return { ok: false, issues: hazards };
  const work = copy(input);
  const notes: Notes = { unknownFields: [], unknownValues: [], newerVersions: [] };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let parsed: z.ZodSafeParseResult<unknown>;
    try {
      parsed = schema.safeParse(work);
    } catch (error) {
      return { ok: false, issues: [{ path: "", code: ISSUE_CODES.invalidValue, message: `input could not be checked: ${error instanceof Error ? error.message : String(error)}` }] };
    }
    if (parsed.success) return { ok: true, value: { value: parsed.data as T, ...notes } };
    // The issues are those of the (partly fixed) copy; their paths are the input's, as fixes never move anything.
    if (!fix(work, parsed.error.issues, notes)) return { ok: false, issues: fromZodIssues(parsed.error.issues, work) };
  }
  const last = schema.safeParse(work);
  return last.success ? { ok: true, value: { value: last.data as T, ...notes } } : { ok: false, issues: fromZodIssues(last.error.issues, work) };
}

function strictRead<T>(result: Result<T>): Result<ReadValue<T>> {
  return result.ok ? { ok: true, value: { value: result.value, unknownFields: [], unknownValues: [], newerVersions: [] } } : result;
}

function modeIssue(options: ReadOptions | undefined): Issue | undefined {
  const mode = options?.mode;
  return mode === undefined || mode === "strict" || mode === "lenient" ? undefined : { path: "", code: ISSUE_CODES.invalidValue, message: `unknown read mode ${JSON.stringify(mode)}; expected "strict" or "lenient"` };
}

/**
 * Reads a canonical object by name, strictly (as {@link safeParseObject}) or
 * leniently, so that a 1.1 consumer reads a 1.2 producer's object without
 * losing anything: unknown fields are set aside in `unknownFields`, unknown
 * enum values read as `Other` with the original in `unknownValues` (and in a
 * coded value's `otherValue`), a `schemaVersion` of a newer minor version is
 * read as this release's and reported in `newerVersions`. A new major
 * version (`2.0`) is refused in both modes: its meaning may differ. Never
 * throws.
 *
 * @example
 * ```ts
 * import { safeReadObject } from "@mfgsync/canonical";
 * const fromNewer = JSON.parse('{"schemaVersion":"1.2","kind":"lot","id":{"value":"L1","scheme":"mes"},' +
 *   '"material":{"id":{"value":"M1","scheme":"mes"}},"disposition":{"value":"Quarantine"},"carbonFootprint":{"value":"3.2"}}');
 * const r = safeReadObject("lot", fromNewer, { mode: "lenient" });
 * if (r.ok) {
 *   r.value.value.disposition; // { value: "Other", otherValue: "Quarantine" }
 *   r.value.unknownFields; // [{ path: "/carbonFootprint", value: { value: "3.2" } }]
 * }
 * ```
 */
export function safeReadObject<N extends ObjectName>(name: N, input: unknown, options?: ReadOptions): Result<ReadValue<CanonicalObject<N>>> {
  const bad = modeIssue(options);
  if (bad) return { ok: false, issues: [bad] };
  if (options?.mode !== "lenient" || !Object.hasOwn(ObjectSchemas, name)) return strictRead(safeParseObject(name, input));
  return lenientRead<CanonicalObject<N>>((ObjectSchemas as Record<string, z.ZodType>)[name]!, input);
}

/**
 * Throwing variant of {@link safeReadObject}.
 *
 * @throws {@link CanonicalValidationError} when the input cannot be read in the chosen mode.
 * @example
 * ```ts
 * import { readObject } from "@mfgsync/canonical";
 * try { readObject("lot", {}, { mode: "lenient" }); } catch (e) { console.log((e as Error).message); }
 * ```
 */
export function readObject<N extends ObjectName>(name: N, input: unknown, options?: ReadOptions): ReadValue<CanonicalObject<N>> {
  const result = safeReadObject(name, input, options);
  if (!result.ok) throw new CanonicalValidationError(result.issues, String(name));
  return result.value;
}

/**
 * Reads any canonical event (dispatching on `type`), strictly (as
 * {@link safeParseEvent}) or leniently, with the same lenient rules as
 * {@link safeReadObject} for the envelope and its data (objects inside the
 * data of a newer minor version included). Valid extension attributes are
 * kept in both modes; an unknown event type is refused in both. Never throws.
 *
 * @example
 * ```ts
 * import { safeReadEvent } from "@mfgsync/canonical";
 * const r = safeReadEvent(JSON.parse("{}"), { mode: "lenient" });
 * if (!r.ok) console.log(r.issues[0]?.code);
 * ```
 */
export function safeReadEvent(input: unknown, options?: ReadOptions): Result<ReadValue<CanonicalEvent>> {
  const bad = modeIssue(options);
  if (bad) return { ok: false, issues: [bad] };
  if (options?.mode !== "lenient") return strictRead(safeParseEvent(input));
  return lenientRead<CanonicalEvent>(CanonicalEventSchema, input);
}

/**
 * Throwing variant of {@link safeReadEvent}.
 *
 * @throws {@link CanonicalValidationError} when the input cannot be read in the chosen mode.
 * @example
 * ```ts
 * import { readEvent } from "@mfgsync/canonical";
 * try { readEvent({}, { mode: "lenient" }); } catch (e) { console.log((e as Error).message); }
 * ```
 */
export function readEvent(input: unknown, options?: ReadOptions): ReadValue<CanonicalEvent> {
  const result = safeReadEvent(input, options);
  if (!result.ok) throw new CanonicalValidationError(result.issues, "event");
  return result.value;
}
