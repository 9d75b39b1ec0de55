import type { Issue } from "@mfgsync/canonical";
import { SCHEME_PATTERN, isUnitCode } from "@mfgsync/canonical";
import { MAPPING_CODES, makeIssue } from "./result.js";
import { isTimeZone } from "./time/zone.js";

/**
 * Overrides for one status list: the order in which simultaneous vendor
 * statuses win, and the canonical state each status maps to.
 *
 * @example
 * ```ts
 * import type { StatusRulesOverride } from "@mfgsync/mapping";
 * // treat technically completed SAP orders as Completed rather than Closed
 * const rules: StatusRulesOverride = { states: { TECO: "Completed" } };
 * ```
 */
export interface StatusRulesOverride {
  /** Status codes from the strongest to the weakest; replaces the mapper's default order. */
  readonly precedence?: readonly string[];
  /** Canonical state per status code; merged over the mapper's defaults. */
  readonly states?: Readonly<Record<string, string>>;
}

/**
 * What the caller tells a mapper about its landscape. Everything is optional;
 * defaults come from the mapper (its unit table, its identifier scheme).
 *
 * @example
 * ```ts
 * import type { MappingContext } from "@mfgsync/mapping";
 * const context: MappingContext = {
 *   plantTimeZones: { "1010": "Europe/Berlin", "1710": "America/New_York" },
 *   identifiers: { issuer: "S4P-100" },
 *   units: { KAR: "CT" },
 * };
 * ```
 */
export interface MappingContext {
  /** Vendor unit code to UN/ECE Rec 20 code, merged over the mapper's default table (e.g. a customer unit `KAR` to `CT`). */
  readonly units?: Readonly<Record<string, string>>;
  /** Rec 20 code to the vendor unit code to send, merged over the mapper's defaults. */
  readonly unitsOut?: Readonly<Record<string, string>>;
  /** IANA time zone per plant, for vendor date-times that carry no offset. */
  readonly plantTimeZones?: Readonly<Record<string, string>>;
  /** Time zone of plants not in `plantTimeZones`. When not set, UTC is used with a warning. */
  readonly defaultTimeZone?: string;
  /** Which system instance issued the vendor's identifiers. */
  readonly identifiers?: {
    /** Identifier scheme, e.g. `sap-s4hana`; defaults to the mapper's scheme. */
    readonly scheme?: string;
    /** System instance, e.g. SAP system id and client `S4P-100`; set on every decoded identifier. */
    readonly issuer?: string;
    /**
     * What encode does with an identifier of another scheme that has no cross-reference in the vendor's scheme:
     * `refuse` (default) reports an issue; `keep` writes its value as the vendor key, with a warning (translating
     * new objects from one system into another).
     */
    readonly foreign?: "refuse" | "keep";
  };
  /** Status precedence overrides per status list (e.g. `sap:production-order`). */
  readonly statusRules?: Readonly<Record<string, StatusRulesOverride>>;
  /**
   * Tenant code tables: per code list (`oracle:WorkOrderStatusCode`, `d365:BatchDispositionCode`,
   * `sap:user-status`), the canonical meaning of each tenant-defined vendor code. The mapper documents the
   * form of the values per list (a canonical code, or an object such as `{ "qualityStatus": "OnHold" }`).
   */
  readonly codeTables?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/**
 * The keys a mapping context may have; anything else is refused (a typo such
 * as `plantTimeZone` would otherwise be ignored).
 *
 * @example
 * ```ts
 * import { CONTEXT_KEYS } from "@mfgsync/mapping";
 * CONTEXT_KEYS.includes("codeTables"); // true
 * ```
 */
export const CONTEXT_KEYS: readonly string[] = ["units", "unitsOut", "plantTimeZones", "defaultTimeZone", "identifiers", "statusRules", "codeTables"];

/**
 * Defaults a mapper brings for the context.
 *
 * @example
 * ```ts
 * import type { ContextDefaults } from "@mfgsync/mapping";
 * const defaults: ContextDefaults = { scheme: "sap-s4hana", units: { KG: "KGM" }, unitsOut: { KGM: "KG" } };
 * ```
 */
export interface ContextDefaults {
  /** The vendor's identifier scheme. */
  readonly scheme: string;
  /** Default unit table, vendor code to Rec 20. */
  readonly units?: Readonly<Record<string, string>>;
  /** Default unit codes to send, Rec 20 to vendor code. */
  readonly unitsOut?: Readonly<Record<string, string>>;
}

/** A status list's rules after merging defaults and overrides. */
export interface ResolvedStatusRules {
  /** Codes from the strongest to the weakest. */
  readonly precedence: readonly string[];
  /** Rank per code (0 = strongest). */
  readonly rank: ReadonlyMap<string, number>;
  /** Canonical state per code. */
  readonly states: ReadonlyMap<string, string>;
}

/**
 * A context with defaults merged and tables indexed; built once per context
 * object and mapper, then reused on every call.
 *
 * @example
 * ```ts
 * import { resolveContext } from "@mfgsync/mapping";
 * const resolved = resolveContext({ plantTimeZones: { "1010": "Europe/Berlin" } }, { scheme: "sap-s4hana" });
 * if (resolved.ok) resolved.value.zoneOf("1010"); // "Europe/Berlin"
 * ```
 */
export interface ResolvedContext {
  /** The caller's context as given. */
  readonly source: MappingContext;
  /** Identifier scheme of decoded identifiers. */
  readonly scheme: string;
  /** Issuer set on decoded identifiers, if configured. */
  readonly issuer: string | undefined;
  /** Whether identifiers of other schemes are written as they are (`identifiers.foreign: "keep"`). */
  readonly keepForeignIdentifiers: boolean;
  /** Rec 20 code for a vendor unit, if the table has one. */
  unitIn(code: string): string | undefined;
  /** Vendor unit for a Rec 20 code, if the table has one. */
  unitOut(code: string): string | undefined;
  /** IANA zone of a plant; `undefined` when neither the plant nor a default zone is configured. */
  zoneOf(plant: string | undefined): string | undefined;
  /** Merged rules of a status list. */
  statusRules(list: string, defaults: { readonly precedence: readonly string[]; readonly states: Readonly<Record<string, string>> }): ResolvedStatusRules;
  /** The tenant code table of a list from the context, if the caller gave one. */
  codeTable(list: string): ReadonlyMap<string, unknown> | undefined;
}

const RESOLVED = new WeakMap<object, WeakMap<MappingContext, ResolvedContext>>();
const EMPTY_CONTEXT: MappingContext = Object.freeze({});

function plainRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function validateContext(context: MappingContext, issues: Issue[]): void {
  const bad = (what: string, message: string) => issues.push(makeIssue("", MAPPING_CODES.invalidContext, `context ${what}: ${message}`));
  if (!plainRecord(context)) {
    bad("", "must be an object");
    return;
  }
  for (const key of Object.keys(context)) {
    if (!CONTEXT_KEYS.includes(key)) bad(key.length > 60 ? key.slice(0, 60) + "…" : key, `is not a context key (known: ${CONTEXT_KEYS.join(", ")})`);
  }
  for (const key of ["units", "unitsOut", "plantTimeZones", "statusRules", "codeTables"] as const) {
    if (context[key] !== undefined && !plainRecord(context[key])) bad(key, "must be an object");
  }
  if (plainRecord(context.units)) {
    for (const [code, rec20] of Object.entries(context.units)) if (!isUnitCode(rec20)) bad(`units.${code}`, `"${String(rec20)}" is not an active UN/ECE Rec 20 code`);
  }
  if (plainRecord(context.unitsOut)) {
    for (const [rec20, code] of Object.entries(context.unitsOut)) if (typeof code !== "string" || code.length === 0) bad(`unitsOut.${rec20}`, "must be a non-empty string");
  }
  if (plainRecord(context.plantTimeZones)) {
    for (const [plant, zone] of Object.entries(context.plantTimeZones)) {
      if (!isTimeZone(zone)) issues.push(makeIssue("", MAPPING_CODES.invalidTimeZone, `context plantTimeZones.${plant}: "${String(zone)}" is not an IANA time zone known to this runtime`));
    }
  }
  if (context.defaultTimeZone !== undefined && !isTimeZone(context.defaultTimeZone)) {
    issues.push(makeIssue("", MAPPING_CODES.invalidTimeZone, `context defaultTimeZone: "${String(context.defaultTimeZone)}" is not an IANA time zone known to this runtime`));
  }
  const ids = context.identifiers;
  if (ids !== undefined) {
    if (!plainRecord(ids)) bad("identifiers", "must be an object");
    else {
      if (ids.scheme !== undefined && (typeof ids.scheme !== "string" || !SCHEME_PATTERN.test(ids.scheme))) bad("identifiers.scheme", "must be lower-case words joined by '-' or '.', e.g. sap-s4hana");
      if (ids.issuer !== undefined && (typeof ids.issuer !== "string" || ids.issuer.length === 0 || ids.issuer.length > 128)) bad("identifiers.issuer", "must be 1 to 128 characters");
      if (ids.foreign !== undefined && ids.foreign !== "refuse" && ids.foreign !== "keep") bad("identifiers.foreign", 'must be "refuse" or "keep"');
      for (const key of Object.keys(ids)) if (!["scheme", "issuer", "foreign"].includes(key)) bad(`identifiers.${key.slice(0, 60)}`, "is not an identifiers key (known: scheme, issuer, foreign)");
    }
  }
  if (plainRecord(context.codeTables)) {
    for (const [list, table] of Object.entries(context.codeTables)) if (!plainRecord(table)) bad(`codeTables.${list}`, "must be an object of vendor code → canonical meaning");
  }
  if (plainRecord(context.statusRules)) {
    for (const [list, rules] of Object.entries(context.statusRules)) {
      if (!plainRecord(rules)) bad(`statusRules.${list}`, "must be an object");
      else if (rules["precedence"] !== undefined && !(Array.isArray(rules["precedence"]) && rules["precedence"].every((c) => typeof c === "string"))) bad(`statusRules.${list}.precedence`, "must be an array of status codes");
      else if (rules["states"] !== undefined && !plainRecord(rules["states"])) bad(`statusRules.${list}.states`, "must be an object");
    }
  }
}

function toMap(...records: Array<Readonly<Record<string, unknown>> | undefined>): Map<string, string> {
  const map = new Map<string, string>();
  for (const record of records) {
    if (!record) continue;
    for (const [k, v] of Object.entries(record)) if (typeof v === "string") map.set(k, v);
  }
  return map;
}

/**
 * Validates a caller's context and merges it with a mapper's defaults.
 * Results are cached per context object, so passing the same object on every
 * call costs nothing after the first.
 *
 * @example
 * ```ts
 * import { resolveContext } from "@mfgsync/mapping";
 * const r = resolveContext({ plantTimeZones: { "1010": "Nowhere/Land" } }, { scheme: "sap-s4hana" });
 * r.ok; // false: unknown time zone
 * ```
 */
export function resolveContext(context: MappingContext | undefined, defaults: ContextDefaults): { ok: true; value: ResolvedContext } | { ok: false; issues: [Issue, ...Issue[]] } {
  const ctx = context ?? EMPTY_CONTEXT;
  let perDefaults = RESOLVED.get(defaults);
  const cached = perDefaults?.get(ctx);
  if (cached) return { ok: true, value: cached };
  const issues: Issue[] = [];
  validateContext(ctx, issues);
  if (issues.length > 0) return { ok: false, issues: issues as [Issue, ...Issue[]] };
  const unitsIn = toMap(defaults.units, ctx.units);
  const unitsOut = toMap(defaults.unitsOut, ctx.unitsOut);
  const zones = toMap(ctx.plantTimeZones);
  const defaultZone = ctx.defaultTimeZone;
  const statusCache = new Map<string, ResolvedStatusRules>();
  const codeTableCache = new Map<string, ReadonlyMap<string, unknown> | undefined>();
  const resolved: ResolvedContext = {
    source: ctx,
    scheme: ctx.identifiers?.scheme ?? defaults.scheme,
    issuer: ctx.identifiers?.issuer,
    keepForeignIdentifiers: ctx.identifiers?.foreign === "keep",
    unitIn: (code) => unitsIn.get(code),
    unitOut: (code) => unitsOut.get(code),
    zoneOf: (plant) => (plant !== undefined ? zones.get(plant) : undefined) ?? defaultZone,
    statusRules(list, base) {
      let rules = statusCache.get(list);
      if (rules) return rules;
      const override = ctx.statusRules?.[list];
      const precedence = override?.precedence ?? base.precedence;
      const states = toMap(base.states, override?.states);
      rules = { precedence, rank: new Map(precedence.map((code, i) => [code, i])), states };
      statusCache.set(list, rules);
      return rules;
    },
    codeTable(list) {
      if (codeTableCache.has(list)) return codeTableCache.get(list);
      const table = ctx.codeTables !== undefined && Object.prototype.hasOwnProperty.call(ctx.codeTables, list) ? ctx.codeTables[list] : undefined;
      const map = table === undefined ? undefined : new Map(Object.entries(table));
      codeTableCache.set(list, map);
      return map;
    },
  };
  if (!perDefaults) {
    perDefaults = new WeakMap();
    RESOLVED.set(defaults, perDefaults);
  }
  if (typeof ctx === "object" && ctx !== null) perDefaults.set(ctx, resolved);
  return { ok: true, value: resolved };
}
