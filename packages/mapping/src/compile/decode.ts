import type { Issue } from "@mfgsync/canonical";
import type { ResolvedContext } from "../context.js";
import { MapCall } from "./call.js";
import { EXTENSION_FIELD_PATTERN, ISSUE_CODES } from "@mfgsync/canonical";
import type { DecodeScope, Invalid } from "../converter.js";
import { INVALID } from "../converter.js";
import { MAPPING_CODES, pointerToken } from "../result.js";
import { FORBIDDEN_KEYS, copyJson, isDeferred, isRecord } from "../util/json.js";
import type { CompiledEntity } from "./compiled.js";

/** Deepest nesting kept in extensions, relative to the entity (the canonical limit is 64 for the whole object). */
const MAX_CARRIED_DEPTH = 48;

/** Issues and warnings of one decode call. */
export class DecodeCall extends MapCall {
  protected noZoneMessage(plant: string | undefined): string {
    return plant === undefined
      ? "no plant time zone is configured; local dates and times were read as UTC (set plantTimeZones or defaultTimeZone in the context)"
      : `no time zone is configured for plant ${plant}; its local dates and times were read as UTC (set plantTimeZones in the context)`;
  }
}

/** The scope of one vendor record while it is decoded. */
export class RecordScope implements DecodeScope {
  carried: Record<string, unknown> | undefined;
  private zoneName: string | undefined;
  constructor(
    readonly call: DecodeCall,
    readonly base: string,
    readonly record: Readonly<Record<string, unknown>>,
    readonly parent: RecordScope | undefined,
    readonly entity: CompiledEntity,
  ) {}

  get context(): ResolvedContext {
    return this.call.context;
  }

  get parentRecord(): Readonly<Record<string, unknown>> | undefined {
    return this.parent?.record;
  }

  zone(): string {
    if (this.zoneName !== undefined) return this.zoneName;
    const prop = this.entity.plantVendor;
    const plant = prop === undefined ? undefined : this.record[prop];
    if (typeof plant === "string" && plant !== "") this.zoneName = this.call.zoneFor(plant, this.base + "/" + pointerToken(prop ?? ""));
    else this.zoneName = this.parent ? this.parent.zone() : this.call.zoneFor(undefined, this.base);
    return this.zoneName;
  }

  issue(property: string, code: string, message: string): Invalid {
    this.call.issues.push({ path: property === "" ? this.base : this.base + "/" + pointerToken(property), code, message });
    return INVALID;
  }

  warn(property: string, code: string, message: string): void {
    this.call.warnings.push({ path: property === "" ? this.base : this.base + "/" + pointerToken(property), code, message });
  }

  carry(property: string, value: unknown): void {
    (this.carried ??= {})[property] = value;
  }
}

function carryJson(scope: RecordScope, key: string, value: unknown): void {
  if (!EXTENSION_FIELD_PATTERN.test(key)) {
    scope.issue(key, ISSUE_CODES.unknownField, `property "${key}" is not in the vendor catalog and its name cannot be kept in extensions`);
    return;
  }
  if (value === null || typeof value !== "object") {
    if (value === undefined || typeof value === "function" || typeof value === "symbol" || typeof value === "bigint" || (typeof value === "number" && !Number.isFinite(value))) {
      scope.issue(key, ISSUE_CODES.invalidType, `property "${key}" is not a JSON value`);
      return;
    }
    scope.carry(key, value);
    return;
  }
  const copied = copyJson(value, MAX_CARRIED_DEPTH);
  if (copied.ok) {
    scope.carry(key, copied.value);
    return;
  }
  const path = scope.base + "/" + pointerToken(key) + copied.path;
  if (copied.reason === "depth") scope.call.issues.push({ path, code: ISSUE_CODES.inputTooDeep, message: `"${key}" is nested deeper than ${MAX_CARRIED_DEPTH} levels` });
  else if (copied.reason === "key") scope.call.issues.push({ path, code: ISSUE_CODES.unknownField, message: "this key is not an allowed field name" });
  else scope.call.issues.push({ path, code: ISSUE_CODES.invalidType, message: "not a JSON value" });
}

/** Whether `Object.prototype` has no enumerable properties (nobody polluted it). */
function cleanObjectPrototype(): boolean {
  for (const _ in Object.prototype) return false;
  return true;
}

/** A decoded vendor record: the canonical object and the vendor data kept for it. */
export interface DecodedEntity {
  readonly value: Record<string, unknown>;
  readonly carried: Record<string, unknown> | undefined;
}

/** Decodes one vendor record with a compiled entity; issues go to `call`. */
export function decodeEntity(ce: CompiledEntity, record: unknown, base: string, call: DecodeCall, parent: RecordScope | undefined): DecodedEntity | undefined {
  if (!isRecord(record)) {
    call.issues.push({ path: base, code: ISSUE_CODES.invalidType, message: `expected a ${ce.declaration.entity} entity object, got ${record === null ? "null" : Array.isArray(record) ? "an array" : typeof record}` });
    return undefined;
  }
  const scope = new RecordScope(call, base, record, parent, ce);
  let invalid: Set<string> | undefined;

  // 1. Vendor-side validation from the catalog, and what is carried as is.
  // for-in: V8 reads `record[key]` inside it from the enum cache, much faster than after Object.keys
  // on records of 50+ properties. Inherited keys are skipped unless none can exist (plain JSON objects).
  const ownOnly = Object.getPrototypeOf(record) === Object.prototype && cleanObjectPrototype();
  for (const key in record) {
    if (!ownOnly && !Object.prototype.hasOwnProperty.call(record, key)) continue;
    const value = record[key];
    const info = ce.props.get(key);
    if (info === undefined) {
      if (key === "__metadata" || isDeferred(value)) continue;
      if (FORBIDDEN_KEYS.has(key)) {
        scope.issue(key, ISSUE_CODES.unknownField, `"${key}" is not an allowed property name`);
        continue;
      }
      if (ce.hasCatalog) scope.warn(key, MAPPING_CODES.uncataloguedField, `${key} is not in the ${ce.declaration.entity} catalog (a newer release?); kept in extensions`);
      carryJson(scope, key, value);
      continue;
    }
    if (info.check !== undefined) {
      const problem = info.check(value);
      if (problem !== undefined) {
        scope.issue(key, problem.code, problem.message);
        (invalid ??= new Set()).add(key);
        continue;
      }
    }
    if (info.field === undefined && info.child === undefined) {
      if (info.navigation) {
        if (!isDeferred(value)) carryJson(scope, key, value);
      } else scope.carry(key, value);
    }
  }
  for (const key of ce.requiredKeys) {
    const value = record[key];
    if ((value === undefined || value === null || value === "") && !invalid?.has(key)) {
      scope.issue(key, ISSUE_CODES.required, `key ${key} of ${ce.declaration.entity} is missing`);
      (invalid ??= new Set()).add(key);
    }
  }

  // 2. The field table.
  const out: Record<string, unknown> = {};
  if (ce.objectConstants) for (const [k, v] of ce.constants) out[k] = typeof v === "object" && v !== null ? JSON.parse(JSON.stringify(v)) : v;
  else for (const [k, v] of ce.constants) out[k] = v;
  let absent: string[] | undefined;
  for (const f of ce.fields) {
    let input: unknown;
    let skip = false;
    if (f.single) {
      const p = f.props[0] ?? "";
      input = record[p];
      if (input === undefined) (absent ??= []).push(p);
      skip = invalid !== undefined && invalid.has(p);
    } else {
      const values = new Array<unknown>(f.props.length);
      for (let i = 0; i < f.props.length; i++) {
        const p = f.props[i] ?? "";
        const v = record[p];
        if (v === undefined) (absent ??= []).push(p);
        if (invalid !== undefined && invalid.has(p)) skip = true;
        values[i] = v;
      }
      input = values;
    }
    if (skip) continue;
    const value = f.converter.decode(input, scope, f.props);
    if (value === INVALID) continue;
    if (f.carryAlways) {
      for (const p of f.props) {
        const v = record[p];
        if (v !== undefined && !isDeferred(v)) {
          if (v !== null && typeof v === "object") carryJson(scope, p, v);
          else scope.carry(p, v);
        }
      }
    }
    if (value === undefined) {
      if (f.required) scope.issue(f.props[0] ?? "", ISSUE_CODES.required, `${f.props.join(" + ")} is empty; ${f.declaration.canonical ?? "the canonical object"} needs it`);
      continue;
    }
    if (f.set !== undefined) f.set(out, value);
  }

  // 3. Navigation children.
  for (const c of ce.children) {
    if (invalid?.has(c.navigation)) continue;
    const raw = record[c.navigation];
    if (!c.many) {
      if (raw === undefined || isDeferred(raw)) {
        (absent ??= []).push(c.navigation);
        continue;
      }
      if (raw === null) {
        scope.carry(c.navigation, null);
        continue;
      }
      const decoded = decodeEntity(c.entity, raw, base + c.token, call, scope);
      if (decoded === undefined) continue;
      c.set(out, decoded.value);
      if (decoded.carried !== undefined) scope.carry(c.navigation, decoded.carried);
      continue;
    }
    if (raw === undefined || raw === null || isDeferred(raw)) {
      if (raw === null) scope.carry(c.navigation, null);
      else (absent ??= []).push(c.navigation);
      if (!c.optional) c.set(out, []);
      continue;
    }
    let items: readonly unknown[];
    let itemsBase: string;
    if (Array.isArray(raw)) {
      items = raw;
      itemsBase = base + c.token;
    } else if (isRecord(raw) && Array.isArray(raw["results"])) {
      items = raw["results"] as unknown[];
      itemsBase = base + c.token + "/results";
    } else {
      scope.issue(c.navigation, ISSUE_CODES.invalidType, `${c.navigation} must be an expanded navigation ({ "results": [...] })`);
      continue;
    }
    const values = new Array<unknown>(items.length);
    let kept: Array<Record<string, unknown> | undefined> | undefined;
    for (let i = 0; i < items.length; i++) {
      const decoded = decodeEntity(c.entity, items[i], itemsBase + "/" + i, call, scope);
      if (decoded === undefined) continue;
      values[i] = decoded.value;
      if (decoded.carried !== undefined) (kept ??= new Array(items.length))[i] = decoded.carried;
    }
    c.set(out, values);
    if (kept !== undefined) {
      const list = new Array<Record<string, unknown>>(items.length);
      for (let i = 0; i < items.length; i++) {
        const entry: Record<string, unknown> = kept[i] ?? {};
        const key = c.matchGet !== undefined && isRecord(values[i]) ? c.matchGet(values[i] as Record<string, unknown>) : undefined;
        if (key !== undefined) entry["@key"] = key;
        // Copied by spread: keyed stores leave a slow dictionary-mode object, the copy has fast
        // properties, which the schema check and JSON.stringify read several times faster.
        list[i] = { ...entry };
      }
      scope.carry(c.navigation, list);
    }
  }
  if (absent !== undefined) scope.carry("@absent", absent);
  // Objects with more than a dozen keys set by keyed stores are dictionaries: give back fast-properties
  // copies of those (the root's kept data becomes its extensions), as for the children's kept data above.
  const big = ce.fields.length + ce.constants.length + ce.children.length > 12;
  return { value: big ? { ...out } : out, carried: parent === undefined && scope.carried !== undefined ? { ...scope.carried } : scope.carried };
}
