// The public safe*/decode* entries of canonical, validators, mapping and the
// vendor packages (SAP events) as fuzz targets. Entries are found by name in
// each package's exports; those with a known signature get an argument spec,
// any other one is called generically (`fn(input, context)`) and noted as
// such, so that a new entry is fuzzed the day it is exported.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as canonical from "@mfgsync/canonical";
import type { ObjectName } from "@mfgsync/canonical";
import * as mapping from "@mfgsync/mapping";
import type { MappingContext } from "@mfgsync/mapping";
import * as validators from "@mfgsync/validators";
import * as fc from "fast-check";
import type { Tally } from "./check.js";
import { EVENT_NAMES, THREW, call, canonicalProblem, checkGlobalPollution, checkResult, foreignPrototype, isPointer, preview } from "./check.js";
import type { Mutation, TextMutation } from "./mutate.js";
import { applyMutations, applyTextMutation, deepFreeze, mutations, textMutation } from "./mutate.js";
import type { FixtureFile, Target } from "./vendors.js";
import { CONTEXTS, ROOT, vendorPackageDir } from "./vendors.js";
import { REGISTRY } from "../packages/cli/src/vendors.js";

/** How to call one entry with a mutated seed. */
interface EntrySpec {
  /** Seeds the input is mutated from. */
  readonly seeds: readonly unknown[];
  /** Calls the entry; `aux` picks secondary arguments. */
  invoke(fn: (...args: unknown[]) => unknown, input: unknown, aux: number): unknown;
  /** Extra check of an ok value (beyond canonical validity), or undefined. */
  okProblem?(value: unknown, input: unknown): string | undefined;
  /** The result is a validation report, not a Result. */
  readonly report?: boolean;
  /** Mutate the JSON text of the input (parsers). */
  readonly text?: boolean;
  /** The ok value is vendor data, not canonical (parsers, envelope readers): no canonical check. */
  readonly raw?: boolean;
}

interface EntryCase {
  readonly seed: number;
  readonly aux: number;
  readonly muts: readonly Mutation[];
  readonly text: TextMutation;
  readonly raw: boolean;
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, "utf8"));

/** The canonical examples (objects and events) shipped with the canonical package. */
export function canonicalExamples(): { name: string; value: unknown }[] {
  const dir = join(ROOT, "packages", "canonical", "examples");
  return readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((f) => ({ name: f.replace(/\.json$/, ""), value: readJson(join(dir, f)) }));
}

const HOSTILE_NAMES = ["constructor", "__proto__", "toString", "", "material ", "Material", "hasOwnProperty"];
const MODES = [undefined, { mode: "strict" }, { mode: "lenient" }, { mode: "Lenient" }, { mode: "__proto__" }, null];

function nameOf(input: unknown, aux: number, names: readonly string[]): string {
  if (aux % 11 === 0) return HOSTILE_NAMES[aux % HOSTILE_NAMES.length] as string;
  const kind = typeof input === "object" && input !== null ? (input as Record<string, unknown>)["kind"] : undefined;
  return typeof kind === "string" && aux % 3 !== 0 ? kind : (names[aux % names.length] as string);
}

function eventNameOf(input: unknown, aux: number): string {
  if (aux % 11 === 0) return HOSTILE_NAMES[aux % HOSTILE_NAMES.length] as string;
  const type = typeof input === "object" && input !== null ? (input as Record<string, unknown>)["type"] : undefined;
  const byType = typeof type === "string" ? EVENT_NAMES.find((n) => type === `${canonical.EVENT_TYPE_PREFIX}${n.replace(/-/g, ".")}.v1` || type.includes(`.${n.replace(/-/g, "")}.`)) : undefined;
  return byType !== undefined && aux % 3 !== 0 ? byType : (EVENT_NAMES[aux % EVENT_NAMES.length] as string);
}

function eventInputOf(event: unknown): unknown {
  if (typeof event !== "object" || event === null) return event;
  const e = event as Record<string, unknown>;
  return { source: e["source"], subject: e["subject"], time: e["time"], sequence: e["sequence"], correlationId: e["correlationid"], data: e["data"] };
}

/** The specs of the entries whose signatures are known. */
function specs(objects: readonly unknown[], events: readonly unknown[], payloads: readonly unknown[]): Record<string, EntrySpec> {
  const objectNames = canonical.OBJECT_NAMES as readonly string[];
  const sameKind = (value: unknown, input: unknown) => {
    const want = typeof input === "object" && input !== null ? (input as Record<string, unknown>)["kind"] : undefined;
    return typeof value === "object" && value !== null && (value as Record<string, unknown>)["kind"] !== want ? `ok for an input of kind ${preview(want)} with a value of another kind` : undefined;
  };
  const keyInput = { source: "urn:mfgsync:d365:prod", objectType: "dev.mfgsync.lot.created.v1", businessKey: "B-0001", scope: { type: "company", value: "usmf" }, revision: "9007199254740993" };
  const writeInput = { operation: "inspection-result-posting", target: "urn:mfgsync:sap-s4hana:S4P-100", object: { value: "040000000123", scheme: "sap-s4hana" }, detail: ["0010", "1"], revision: "2" };
  const isString = (value: unknown) => (typeof value === "string" && value.length > 0 ? undefined : `ok with ${preview(value)}, not a key`);
  const one = (fn: (...a: unknown[]) => unknown, input: unknown) => fn(input);
  const out: Record<string, EntrySpec> = {
    safeParseObject: { seeds: objects, invoke: (fn, input, aux) => fn(nameOf(input, aux, objectNames), input) },
    safeParseEvent: { seeds: events, invoke: one },
    safeParseEventOf: { seeds: events, invoke: (fn, input, aux) => fn(eventNameOf(input, aux), input) },
    safeCreateEvent: { seeds: events.map(eventInputOf), invoke: (fn, input, aux) => fn(EVENT_NAMES[aux % EVENT_NAMES.length], input) },
    safeIdempotencyKey: { seeds: [keyInput, { ...keyInput, scope: undefined, businessKey: ["A", "1"] }], invoke: one, okProblem: isString },
    safeWriteIdempotencyKey: { seeds: [writeInput], invoke: one, okProblem: isString },
    safeQuantityFromNumber: {
      seeds: [{ value: 12.5, unit: "KGM" }, { value: 1e21, unit: "C62" }, { value: -0, unit: "H87" }],
      invoke: (fn, input) => fn((input as { value?: unknown } | null)?.value, (input as { unit?: unknown } | null)?.unit),
      okProblem: (value) => (typeof value === "object" && value !== null && typeof (value as { value?: unknown }).value === "string" && /^-?\d+(\.\d+)?$/.test((value as { value: string }).value) ? undefined : `not a quantity: ${preview(value)}`),
    },
    safeReadObject: { seeds: objects, invoke: (fn, input, aux) => fn(nameOf(input, aux, objectNames), input, MODES[aux % MODES.length]) },
    safeReadEvent: { seeds: events, invoke: (fn, input, aux) => fn(input, MODES[aux % MODES.length]) },
    safeCreateInMemoryContext: {
      seeds: [{ plants: ["1010"], seenIdempotencyKeys: [] }, { plants: ["1010", "1710"], materials: objects.filter((o) => (o as { kind?: unknown }).kind === "material"), lots: objects.filter((o) => (o as { kind?: unknown }).kind === "lot") }],
      invoke: one,
    },
    safeCreateProfile: { seeds: [{ rules: { "event/sequence": "off" } }, { rules: {}, extends: "default" }, {}], invoke: one },
    validate: { seeds: [...objects, ...events], report: true, invoke: (fn, input, aux) => fn(aux % 2 === 0 ? nameOf(input, aux, objectNames) : eventNameOf(input, aux), input) },
    validateObject: { seeds: objects, report: true, invoke: one },
    validateEvent: { seeds: events, report: true, invoke: one },
    parseWireJson: { seeds: payloads, text: true, raw: true, invoke: one },
    unwrapODataV2: { seeds: payloads, raw: true, invoke: one },
    unwrapODataV4: { seeds: payloads, raw: true, invoke: one },
    unwrapOracleRest: { seeds: payloads, raw: true, invoke: one },
  };
  for (const name of objectNames) {
    const fn = `safeParse${name.split("-").map((p) => p[0]?.toUpperCase() + p.slice(1)).join("")}`;
    out[fn] = { seeds: objects.filter((o) => (o as { kind?: unknown }).kind === name), invoke: one, okProblem: sameKind };
  }
  return out;
}

function checkReport(report: unknown, tally: Tally, where: string): void {
  if (typeof report !== "object" || report === null || !Array.isArray((report as { findings?: unknown }).findings)) {
    tally.add("noIssues", `${where}: returned ${preview(report)}, not a validation report`);
    return;
  }
  const r = report as { findings: { path?: unknown; ruleId?: unknown; message?: unknown }[]; valid?: unknown };
  for (const f of r.findings) {
    if (typeof f.ruleId !== "string" || typeof f.message !== "string") {
      tally.add("noIssues", `${where}: a finding without rule id or message: ${preview(f)}`);
      return;
    }
    if (!isPointer(f.path)) {
      tally.add("badPointer", `${where}: finding path ${preview(f.path)} (${f.ruleId})`);
      return;
    }
  }
  tally.outcome(r.findings.length === 0 ? "no findings" : "findings");
}

/** One entry as a target. */
function entryTarget(group: string, name: string, fn: (...args: unknown[]) => unknown, spec: EntrySpec, notes: string[]): Target<EntryCase> {
  const seeds = (spec.seeds.length > 0 ? spec.seeds : [{}]).map((s) => deepFreeze(structuredClone(s)));
  return {
    name,
    group,
    seeds: spec.seeds.length,
    notes,
    cases: fc.record({ seed: fc.nat(), aux: fc.nat(), muts: mutations([], 3), text: textMutation, raw: fc.boolean() }),
    check(c, tally) {
      let input = applyMutations(seeds[c.seed % seeds.length], c.muts);
      if (spec.text === true) {
        let text: string;
        try {
          text = JSON.stringify(input) ?? "null";
        } catch {
          text = "{}";
        }
        input = applyTextMutation(text, c.text);
      }
      const captured = input;
      tally.input = () => captured;
      const result = call(tally, name, () => spec.invoke(fn, captured, c.aux));
      checkGlobalPollution(tally, name);
      if (result === THREW) return;
      if (spec.report === true) {
        checkReport(result, tally, name);
        return;
      }
      for (const value of checkResult(result, tally, name)) {
        const foreign = foreignPrototype(value);
        if (foreign !== undefined) tally.add("pollution", `${name}: the value at ${foreign} has a foreign prototype`);
        const problem = (spec.raw === true ? undefined : canonicalProblem(value)) ?? spec.okProblem?.(value, captured);
        if (problem !== undefined) tally.add("okInvalid", `${name}: ${problem}`);
      }
    },
  };
}

const isEntryName = (name: string) => /^(safe|decode|unwrap)[A-Z]/.test(name) || name === "parseWireJson" || name === "validate" || name === "validateObject" || name === "validateEvent";

/** Entries of one module, with their specs (generic for unknown ones). */
function moduleTargets(group: string, module: Record<string, unknown>, table: Record<string, EntrySpec>, generic: EntrySpec): Target[] {
  const out: Target[] = [];
  for (const [name, value] of Object.entries(module)) {
    if (typeof value !== "function" || !isEntryName(name)) continue;
    const spec = Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
    out.push(entryTarget(group, `${group}:${name}`, value as (...args: unknown[]) => unknown, spec ?? generic, spec === undefined ? ["no argument spec: called as fn(input, context)"] : []) as Target);
  }
  return out;
}

/** A vendor package's own decode* entries (SAP business and confirmation events), seeded with its fixtures no mapper reads. */
async function vendorEntries(vendor: string, unassigned: readonly FixtureFile[], table: Record<string, EntrySpec>): Promise<Target[]> {
  const profiles = [...new Set(Object.values(REGISTRY.vendor(vendor)?.mappers ?? {}).map((m) => (m as { profile: mapping.WireProfile }).profile))];
  const dir = vendorPackageDir(vendor);
  if (dir === undefined) return [];
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name: string };
  const module = (await import(pkg.name)) as Record<string, unknown>;
  const seeds: unknown[] = [];
  for (const f of unassigned) {
    seeds.push(f.payload);
    for (const profile of profiles) {
      const u = profile.unwrap(f.payload);
      if (u.ok && u.entities.length > 0) {
        for (const e of u.entities) seeds.push(e.value);
        break;
      }
    }
  }
  const withContext = (aux: number): MappingContext | undefined => CONTEXTS[aux % CONTEXTS.length];
  // Text for the whole-payload readers (their names end in s or Wire), objects otherwise.
  const generic: EntrySpec = {
    seeds,
    invoke: (fn, input, aux) => {
      let arg = input;
      if (aux % 4 === 0) {
        try {
          arg = JSON.stringify(input) ?? input;
        } catch {
          arg = input;
        }
      }
      return fn(arg, withContext(aux >> 2));
    },
  };
  const known = Object.fromEntries(Object.keys(table).map((k) => [k, { ...(table[k] as EntrySpec), seeds }]));
  return moduleTargets(vendor, module, known, generic).map((t) => ({ ...t, notes: t.notes.filter((n) => !n.startsWith("no argument spec")) }));
}

/** Every entry target: canonical, validators, mapping, and each vendor package's decode* functions. */
export async function entryTargets(vendors: readonly { name: string; fixtures: readonly FixtureFile[]; unassigned: readonly FixtureFile[] }[], decodedObjects: readonly unknown[]): Promise<Target[]> {
  const examples = canonicalExamples();
  const objects = [...examples.map((e) => e.value).filter((v) => typeof (v as { kind?: unknown }).kind === "string"), ...decodedObjects];
  const events = examples.map((e) => e.value).filter((v) => typeof (v as { specversion?: unknown }).specversion === "string");
  const payloads = vendors.flatMap((v) => v.fixtures.map((f) => f.payload));
  const table = specs(objects, events, payloads);
  const generic: EntrySpec = { seeds: [...objects, ...events], invoke: (fn, input) => fn(input) };
  const targets = [
    ...moduleTargets("canonical", canonical as unknown as Record<string, unknown>, table, generic),
    ...moduleTargets("validators", validators as unknown as Record<string, unknown>, table, generic),
    ...moduleTargets("mapping", mapping as unknown as Record<string, unknown>, table, generic),
  ];
  for (const v of vendors) targets.push(...(await vendorEntries(v.name, v.unassigned, {})));
  return targets;
}

export type { ObjectName };
