// What the fuzz suite counts, and the checks every target shares: result
// shapes, JSON Pointer paths, canonical validity of what says ok, prototype
// pollution.
import { EVENT_TYPE_PREFIX, EventSchemas, OBJECT_NAMES, checkObject, safeParseEvent, safeParseObject } from "@mfgsync/canonical";
import type { ObjectName } from "@mfgsync/canonical";
import { JsonNumber } from "@mfgsync/mapping";

/** The defects the suite counts; any of them makes `pnpm fuzz` exit non-zero. */
export const CATEGORIES = {
  throws: "threw (or failed with mapping.internal: a caught throw)",
  noIssues: "failed without issues (or with an issue lacking code or message)",
  badPointer: "issue path is not a JSON Pointer",
  okInvalid: "said ok, but the object fails its canonical schema",
  notEncodable: "decoded ok, but cannot be encoded back",
  roundTrip: "round trip changed data beyond declared losses",
  pollution: "prototype pollution (global prototypes, or objects with a foreign prototype in a result)",
} as const;

/** A counted defect kind. */
export type Category = keyof typeof CATEGORIES;

/** One counted defect, with enough to reproduce it. */
export interface Finding {
  readonly category: Category;
  readonly detail: string;
  readonly index: number;
  readonly input: string;
  /** The whole input, kept for the examples only (`FUZZ_DUMP` writes it out on a replay). */
  readonly raw?: unknown;
}

const EXAMPLES_PER_CATEGORY = Number(process.env["FUZZ_EXAMPLES"] ?? 3);

/** Counts per target. */
export class Tally {
  cases = 0;
  readonly counts: Record<Category, number> = { throws: 0, noIssues: 0, badPointer: 0, okInvalid: 0, notEncodable: 0, roundTrip: 0, pollution: 0 };
  readonly examples: Finding[] = [];
  /** Every finding's category and detail (bounded), for the known-defect check of the test slice. */
  readonly all: Finding[] = [];
  /** Outcomes that are not defects: how many inputs decoded ok, failed with issues, ... (coverage of the fuzzer). */
  readonly outcomes: Record<string, number> = {};
  /** The index of the case being checked (for reproduction). */
  index = 0;
  input: () => unknown = () => undefined;

  add(category: Category, detail: string): void {
    this.counts[category]++;
    if (this.all.length < 10_000) this.all.push({ category, detail: detail.slice(0, 600), index: this.index, input: "" });
    if (this.examples.filter((e) => e.category === category).length < EXAMPLES_PER_CATEGORY) {
      this.examples.push({ category, detail: detail.length > 600 ? detail.slice(0, 600) + "…" : detail, index: this.index, input: preview(this.input()), raw: this.input() });
    }
  }

  outcome(name: string): void {
    this.outcomes[name] = (this.outcomes[name] ?? 0) + 1;
  }

  get defects(): number {
    return Object.values(this.counts).reduce((a, b) => a + b, 0);
  }
}

/** A short JSON preview of an input (big values cut), for reports. */
export function preview(value: unknown, max = 400): string {
  let text: string | undefined;
  try {
    text = typeof value === "string" ? JSON.stringify(value.length > max ? value.slice(0, max) : value) : JSON.stringify(value, (_k, v: unknown) => {
      if (typeof v === "string" && v.length > 60) return `${v.slice(0, 40)}…(${v.length} chars)`;
      if (typeof v === "bigint") return `${v}n`;
      return v;
    });
  } catch {
    text = undefined;
  }
  if (text === undefined) return String(typeof value);
  return text.length > max ? text.slice(0, max) + "…" : text;
}

const POINTER = /^(?:\/(?:[^~/]|~[01])*)*$/;

/** Whether a string is a JSON Pointer ("" or "/a/b~1c"). */
export function isPointer(path: unknown): boolean {
  return typeof path === "string" && POINTER.test(path);
}

type Issue = { path?: unknown; code?: unknown; message?: unknown };

/** Checks a failed result's issues; returns whether it was a proper failure. */
export function checkIssues(issues: unknown, tally: Tally, where: string): void {
  if (!Array.isArray(issues) || issues.length === 0) {
    tally.add("noIssues", `${where}: ok is false and issues is ${Array.isArray(issues) ? "empty" : typeof issues}`);
    return;
  }
  for (const issue of issues as Issue[]) {
    if (typeof issue !== "object" || issue === null || typeof issue.code !== "string" || issue.code === "" || typeof issue.message !== "string" || issue.message === "") {
      tally.add("noIssues", `${where}: an issue without code or message: ${preview(issue)}`);
      return;
    }
    if (issue.code === "mapping.internal") {
      tally.add("throws", `${where}: ${issue.message}`);
      return;
    }
    if (!isPointer(issue.path)) {
      tally.add("badPointer", `${where}: ${preview(issue.path)} (${issue.code}: ${issue.message})`);
      return;
    }
  }
}

/**
 * Checks a `{ ok, value } | { ok: false, issues }` result (MapResult, Result)
 * or a whole-payload result (`{ ok, results }`). Returns the ok values.
 */
export function checkResult(result: unknown, tally: Tally, where: string): unknown[] {
  if (typeof result !== "object" || result === null || typeof (result as { ok?: unknown }).ok !== "boolean") {
    tally.add("noIssues", `${where}: returned ${preview(result)}, not a result`);
    return [];
  }
  const r = result as { ok: boolean; value?: unknown; issues?: unknown; results?: unknown; warnings?: unknown };
  if (r.warnings !== undefined) {
    if (!Array.isArray(r.warnings)) tally.add("noIssues", `${where}: warnings is not an array`);
    else for (const w of r.warnings as Issue[]) if (!isPointer(w?.path)) tally.add("badPointer", `${where}: warning path ${preview(w?.path)}`);
  }
  if (!r.ok) {
    tally.outcome("failed with issues");
    checkIssues(r.issues, tally, where);
    return [];
  }
  if (Array.isArray(r.results)) {
    const values: unknown[] = [];
    r.results.forEach((item, i) => values.push(...checkResult(item, tally, `${where} results[${i}]`)));
    return values;
  }
  tally.outcome("ok");
  return [r.value];
}

/** Why a value a function called ok is not valid canonical data (objects, events, arrays of them, read values), or undefined. */
export function canonicalProblem(value: unknown, depth = 0): string | undefined {
  if (depth > 3 || typeof value !== "object" || value === null) return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const p = canonicalProblem(item, depth + 1);
      if (p !== undefined) return p;
    }
    return undefined;
  }
  const v = value as Record<string, unknown>;
  if (typeof v["kind"] === "string" && (OBJECT_NAMES as readonly string[]).includes(v["kind"]) && "schemaVersion" in v) return objectProblem(v["kind"] as ObjectName, v);
  if (typeof v["specversion"] === "string" && typeof v["type"] === "string" && v["type"].startsWith(EVENT_TYPE_PREFIX)) {
    const parsed = safeParseEvent(v);
    return parsed.ok ? undefined : `not a valid event: ${parsed.issues.slice(0, 3).map((i) => `${i.path} ${i.message}`).join("; ")}`;
  }
  if ("value" in v && Array.isArray(v["unknownFields"])) return canonicalProblem(v["value"], depth + 1);
  return undefined;
}

/** Why an object fails its canonical schema (zod, and the fast check `decode` runs by default must agree), or undefined. */
export function objectProblem(name: ObjectName, value: unknown): string | undefined {
  const parsed = safeParseObject(name, value);
  const fast = checkObject(name, value);
  if (parsed.ok && fast === undefined) return undefined;
  if (parsed.ok) return `the schema accepts it, but the fast check refuses it: ${fast?.slice(0, 3).map((i) => `${i.path} ${i.message}`).join("; ")}`;
  const issues = parsed.issues.slice(0, 3).map((i) => `${i.path} ${i.code}: ${i.message}`).join("; ");
  return fast === undefined ? `the fast check (validate: true) accepts it, but the schema refuses it: ${issues}` : issues;
}

const BASELINE = snapshot();

function snapshot(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype]
    .map((p) => Object.getOwnPropertyNames(p).length + ":" + Object.getOwnPropertySymbols(p).length)
    .join(",");
}

/** Reports (and undoes) changes of the global prototypes since the suite started. */
export function checkGlobalPollution(tally: Tally, where: string): void {
  let inherited: string | undefined;
  for (const k in {}) {
    inherited = k;
    break;
  }
  if (inherited === undefined && snapshot() === BASELINE) return;
  tally.add("pollution", `${where}: global prototypes changed${inherited === undefined ? "" : ` (every object now has "${inherited}")`}`);
  for (const k in {}) delete (Object.prototype as Record<string, unknown>)[k];
}

const PLAIN = new Set<unknown>([Object.prototype, Array.prototype, null, JsonNumber.prototype]);

/** A path in a result whose object has a foreign prototype (a `__proto__` key that was assigned, not defined), or undefined. */
export function foreignPrototype(value: unknown, limit = 200_000): string | undefined {
  const stack: [unknown, string][] = [[value, ""]];
  let seen = 0;
  while (stack.length > 0 && seen++ < limit) {
    const [v, path] = stack.pop() as [unknown, string];
    if (typeof v !== "object" || v === null) continue;
    if (!PLAIN.has(Object.getPrototypeOf(v))) return path || "/";
    if (v instanceof JsonNumber) continue;
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) stack.push([v[i], `${path}/${i}`]);
    else for (const k of Object.keys(v)) stack.push([(v as Record<string, unknown>)[k], `${path}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`]);
  }
  return undefined;
}

/** Calls `fn`, counting a throw; returns what it returned, or the `THREW` marker. */
export const THREW: unique symbol = Symbol("threw");
export function call<T>(tally: Tally, where: string, fn: () => T): T | typeof THREW {
  try {
    return fn();
  } catch (error) {
    tally.add("throws", `${where}: ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 300)}` : String(error)}`);
    return THREW;
  }
}

/** The canonical event names (for entries that take one). */
export const EVENT_NAMES = Object.keys(EventSchemas);
