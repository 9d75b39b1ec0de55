import { EXTENSION_FIELD_PATTERN, ISSUE_CODES, IdentifierScope } from "@mfgsync/canonical";
import type { ResolvedContext } from "../context.js";
import type { DecodeScope, Invalid } from "../converter.js";
import { INVALID, OMIT } from "../converter.js";
import { FORBIDDEN_KEYS, cleanObjectPrototype, copyJson, isRecord, jsonEqual, pointerToken } from "../json/json.js";
import { JsonNumber } from "../json/number.js";
import type { CollectionShape, WireProfile } from "../profiles/profile.js";
import { MAPPING_CODES } from "../result.js";
import { MapCall } from "./call.js";
import { RowKeys } from "./row-keys.js";
import type { CompiledChild, CompiledEntity, CompiledField } from "./compiled.js";
import type { OverLimit } from "./limits.js";
import type { RecordState, RowState } from "./state.js";
import { isEmptyState } from "./state.js";

/** Deepest nesting kept in extensions, relative to the entity (the canonical limit is 64 for the whole object). */
const MAX_CARRIED_DEPTH = 48;
/** The canonical limit of `IdentifierScope.value`, read from the canonical schema. */
const MAX_SCOPE_LENGTH = IdentifierScope.shape.value.maxLength ?? Number.POSITIVE_INFINITY;

/** Issues, warnings and root collections of one decode call. */
export class DecodeCall extends MapCall {
  /** Items of root arrays filled by flattened grandchildren, by canonical path. */
  flattened: Map<CompiledChild, unknown[]> | undefined;
  constructor(context: ResolvedContext, readonly profile: WireProfile, readonly shapes: Readonly<Record<string, CollectionShape>> | undefined) {
    super(context);
  }
  protected noZoneMessage(plant: string | undefined): string {
    return plant === undefined
      ? "no plant time zone is configured; local dates and times were read as UTC (set plantTimeZones or defaultTimeZone in the context)"
      : `no time zone is configured for plant ${plant}; its local dates and times were read as UTC (set plantTimeZones in the context)`;
  }
}

/** The scope of one vendor record while it is decoded. */
export class RecordScope implements DecodeScope {
  carried: Record<string, unknown> | undefined;
  state: RowState | undefined;
  /** The canonical object being built for this record. */
  out: Record<string, unknown> = {};
  private zoneName: string | undefined;
  private scopeValue: IdentifierScope | undefined | null = null;
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

  get profile(): WireProfile {
    return this.call.profile;
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

  idScope(): IdentifierScope | undefined {
    if (this.scopeValue !== null) return this.scopeValue;
    const decl = this.entity.scope;
    const raw = decl === undefined ? undefined : this.record[decl.vendor];
    // A scope over its canonical limit is reported once at the scope property (scanRecord), not at every key it scopes.
    if (decl !== undefined && typeof raw === "string" && raw !== "") this.scopeValue = raw.length > MAX_SCOPE_LENGTH ? undefined : { type: decl.type, value: raw };
    else this.scopeValue = this.parent?.idScope();
    return this.scopeValue;
  }

  issue(property: string, code: string, message: string): Invalid {
    this.call.issues.push({ path: property === "" ? this.base : this.base + "/" + pointerToken(property), code, message });
    return INVALID;
  }

  warn(property: string, code: string, message: string): void {
    this.call.warnings.push({ path: property === "" ? this.base : this.base + "/" + pointerToken(property), code, message });
  }

  carry(property: string, value: unknown): void {
    if (value === null) {
      const state = (this.state ??= {});
      const nulls = (state.nulls ??= []);
      if (!nulls.includes(property)) nulls.push(property);
      // A keyed delete turns the object into a slow dictionary: only when there is something to delete.
      if (this.carried !== undefined && Object.prototype.hasOwnProperty.call(this.carried, property)) delete this.carried[property];
      return;
    }
    if (value instanceof JsonNumber) {
      const number = Number(value.text);
      // A kept value is JSON: a number text beyond a double (1e400) would be kept as Infinity.
      if (!Number.isFinite(number)) {
        this.issue(property, ISSUE_CODES.tooBig, `${property} is a number beyond the range of a double (${value.text.length > 40 ? value.text.slice(0, 40) + "…" : value.text}) and cannot be kept`);
        return;
      }
      ((this.state ??= {}).numbers ??= {})["/" + pointerToken(property)] = value.text;
      (this.carried ??= {})[property] = number;
      return;
    }
    (this.carried ??= {})[property] = value;
  }

  /** Keeps a JSON value (copied, transport left out, depth bounded) or reports why it cannot be kept. */
  carryJson(key: string, value: unknown): void {
    if (!EXTENSION_FIELD_PATTERN.test(key)) {
      this.issue(key, ISSUE_CODES.unknownField, `property "${key.length > 60 ? key.slice(0, 60) + "…" : key}" is not in the vendor catalog and its name cannot be kept in extensions`);
      return;
    }
    if (value === null || typeof value !== "object" || value instanceof JsonNumber) {
      if (value === undefined || typeof value === "function" || typeof value === "symbol" || typeof value === "bigint" || (typeof value === "number" && !Number.isFinite(value))) {
        this.issue(key, ISSUE_CODES.invalidType, `property "${key}" is not a JSON value`);
        return;
      }
      this.carry(key, value);
      return;
    }
    const profile = this.call.profile;
    const copied = copyJson(value, MAX_CARRIED_DEPTH, { drop: (k, v) => profile.classifyKey(k, v) === "transport" });
    if (copied.ok) {
      (this.carried ??= {})[key] = copied.value;
      if (copied.numbers !== undefined) {
        const numbers = ((this.state ??= {}).numbers ??= {});
        for (const [pointer, text] of Object.entries(copied.numbers)) numbers["/" + pointerToken(key) + pointer] = text;
      }
      return;
    }
    const path = this.base + "/" + pointerToken(key) + copied.path;
    if (copied.reason === "depth") this.call.issues.push({ path, code: ISSUE_CODES.inputTooDeep, message: `"${key}" is nested deeper than ${MAX_CARRIED_DEPTH} levels` });
    else if (copied.reason === "key") this.call.issues.push({ path, code: ISSUE_CODES.unknownField, message: "this key is not an allowed field name" });
    else if (copied.reason === "range") this.call.issues.push({ path, code: ISSUE_CODES.tooBig, message: `a number in "${key}" is beyond the range of a double and cannot be kept` });
    else this.call.issues.push({ path, code: ISSUE_CODES.invalidType, message: "not a JSON value" });
  }

  /** Records a property or navigation that was absent. */
  absent(property: string): void {
    ((this.state ??= {}).absent ??= []).push(property);
  }
}

/** A decoded vendor record: the canonical object, the vendor values kept for it and the bookkeeping. */
export interface DecodedEntity {
  readonly value: Record<string, unknown>;
  readonly carried: Record<string, unknown> | undefined;
  readonly state: RowState | undefined;
}

/** Phase 1: catalog checks of every property, and what is kept as it is. Returns the properties that failed. */
function scanRecord(scope: RecordScope): Set<string> | undefined {
  const { entity: ce, record, call } = scope;
  const profile = call.profile;
  let invalid: Set<string> | undefined;
  // for-in: V8 reads `record[key]` inside it from the enum cache, much faster than after Object.keys
  // on records of 50+ properties. Inherited keys are skipped unless none can exist (plain JSON objects).
  const ownOnly = Object.getPrototypeOf(record) === Object.prototype && cleanObjectPrototype();
  for (const key in record) {
    if (!ownOnly && !Object.prototype.hasOwnProperty.call(record, key)) continue;
    const value = record[key];
    const info = ce.props.get(key);
    if (info === undefined) {
      const kind = profile.classifyKey(key, value);
      if (kind === "transport") continue;
      if (FORBIDDEN_KEYS.has(key)) {
        scope.issue(key, ISSUE_CODES.unknownField, `"${key}" is not an allowed property name`);
        continue;
      }
      if (kind === "data" && ce.hasCatalog) scope.warn(key, MAPPING_CODES.uncataloguedField, `${key} is not in the ${ce.declaration.entity} catalog (a newer release?); kept in extensions`);
      scope.carryJson(key, value);
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
    if (info.field === undefined && info.child === undefined && !info.scope) {
      if (info.navigation) {
        if (!profile.isDeferred(value)) scope.carryJson(key, value);
      } else if (value !== null && typeof value === "object" && !(value instanceof JsonNumber)) scope.carryJson(key, value);
      else scope.carry(key, value);
    }
  }
  for (const key of ce.requiredKeys) {
    const value = record[key];
    if ((value === undefined || value === null || value === "") && !invalid?.has(key)) {
      scope.issue(key, ISSUE_CODES.required, `key ${key} of ${ce.declaration.entity} is missing`);
      (invalid ??= new Set()).add(key);
    }
  }
  const decl = ce.scope;
  if (decl !== undefined && !invalid?.has(decl.vendor)) {
    const raw = record[decl.vendor];
    if (raw === undefined) {
      if (scope.parent === undefined) scope.issue(decl.vendor, ISSUE_CODES.required, `${decl.vendor} is missing: it scopes the keys of ${ce.declaration.entity}`);
      // A child without it is in its parent's unit; it stays without it when written back.
      else scope.absent(decl.vendor);
    } else if (typeof raw !== "string" || raw === "") {
      scope.issue(decl.vendor, ISSUE_CODES.invalidType, `${decl.vendor} must be a non-empty string (the ${decl.type} the keys are unique in)`);
    } else if (raw.length > MAX_SCOPE_LENGTH) {
      scope.issue(decl.vendor, ISSUE_CODES.tooBig, `${decl.vendor} is longer than ${MAX_SCOPE_LENGTH} characters, the canonical limit of an identifier's scope`);
    } else if (scope.parent !== undefined) {
      const parentScope = scope.parent.idScope()?.value;
      // A child repeats its parent's scope; another spelling (or another unit) is kept so that it goes back as sent.
      if (parentScope !== raw) scope.carry(decl.vendor, raw);
    }
  }
  const etag = profile.etagOf(record);
  if (etag !== undefined && profile.etagKey === undefined) (scope.state ??= {}).etag = etag;
  return invalid;
}

/** Whether a raw value needs keeping because encode(undefined) would not give it back. */
function needsKeeping(raw: unknown, empty: unknown): boolean {
  if (raw === undefined) return false;
  if (empty === OMIT) return true;
  return !jsonEqual(raw, empty);
}

/** Reports a decoded value over its canonical length limit at the vendor property it came from. */
function overLimit(scope: RecordScope, f: CompiledField, over: OverLimit): void {
  const props = f.props;
  // Of several properties, the one whose value is the too-long text (a revision beside a material number).
  let prop = props[0] ?? "";
  for (const p of props) {
    const raw = scope.record[p];
    if (raw === over.text || (raw instanceof JsonNumber && raw.text === over.text)) {
      prop = p;
      break;
    }
  }
  const at = f.pointer + over.pointer;
  scope.issue(prop, ISSUE_CODES.tooBig, `${prop} has ${over.text.length} characters; the canonical ${at === "" ? "field" : at} holds at most ${over.max}`);
}

/** Phase 2: the field table. */
function decodeFields(scope: RecordScope, invalid: Set<string> | undefined): void {
  const { entity: ce, record, out } = scope;
  const profile = scope.call.profile;
  for (const f of ce.fields) {
    let input: unknown;
    let skip = false;
    if (f.single) {
      const p = f.props[0] ?? "";
      input = record[p];
      if (input === undefined) scope.absent(p);
      skip = invalid !== undefined && invalid.has(p);
    } else {
      const values = new Array<unknown>(f.props.length);
      for (let i = 0; i < f.props.length; i++) {
        const p = f.props[i] ?? "";
        const v = record[p];
        if (v === undefined) scope.absent(p);
        if (invalid !== undefined && invalid.has(p)) skip = true;
        values[i] = v;
      }
      input = values;
    }
    if (skip) continue;
    const value = f.converter.decode(input, scope, f.props);
    if (value === INVALID) continue;
    if (f.limit !== undefined && value !== undefined) {
      const over = f.limit(value);
      if (over !== undefined) {
        overLimit(scope, f, over);
        continue;
      }
    }
    if (f.carryAlways) {
      for (const p of f.props) {
        const v = record[p];
        if (v !== undefined && !profile.isDeferred(v)) {
          if (v !== null && typeof v === "object" && !(v instanceof JsonNumber)) scope.carryJson(p, v);
          else scope.carry(p, v);
        }
      }
    }
    if (value === undefined) {
      if (f.required) {
        scope.issue(f.props[0] ?? "", ISSUE_CODES.required, `${f.props.join(" + ")} is empty; ${f.declaration.canonical ?? "the canonical object"} needs it`);
        continue;
      }
      // A scalar converter's empty vendor value that the profile's "no value" would not give back ("" where the
      // vendor's empty is null, null where it is "") is kept, unless the converter already kept it. Other
      // converters keep what they need themselves.
      if (f.converter.emptyIsProfile !== true) continue;
      for (let i = 0; i < f.props.length; i++) {
        const p = f.props[i] ?? "";
        const raw = record[p];
        if (!needsKeeping(raw, f.empties[i])) continue;
        if (raw === null ? scope.state?.nulls?.includes(p) === true : scope.carried !== undefined && Object.prototype.hasOwnProperty.call(scope.carried, p)) continue;
        if (raw !== null && typeof raw === "object" && !(raw instanceof JsonNumber)) scope.carryJson(p, raw);
        else scope.carry(p, raw);
      }
      continue;
    }
    if (f.set !== undefined) f.set(out, value);
  }
}

/** Phase 3: navigation children. */
function decodeChildren(scope: RecordScope, invalid: Set<string> | undefined): void {
  const { entity: ce, record, call, out, base } = scope;
  const profile = call.profile;
  for (const c of ce.children) {
    if (invalid?.has(c.navigation)) continue;
    const raw = record[c.navigation];
    if (!c.many) {
      if (raw === undefined || profile.isDeferred(raw)) {
        scope.absent(c.navigation);
        continue;
      }
      if (raw === null) {
        scope.carry(c.navigation, null);
        continue;
      }
      const decoded = decodeEntity(c.entity, raw, base + c.token, call, scope);
      if (decoded === undefined) continue;
      // Fields of the parent may fill parts of a single child's object (SAP usage-decision quantities kept on
      // the inspection lot): the child's own fields are merged over them.
      const filled = c.get(out);
      c.set(out, isRecord(filled) ? { ...filled, ...decoded.value } : decoded.value);
      if (decoded.carried !== undefined) (scope.carried ??= {})[c.navigation] = decoded.carried;
      if (!isEmptyState(decoded.state)) (((scope.state ??= {}).children ??= {})[c.navigation] = decoded.state as RecordState);
      continue;
    }
    const read = profile.readCollection(raw);
    if (read.kind === "absent" || read.kind === "null") {
      if (read.kind === "null") scope.carry(c.navigation, null);
      else scope.absent(c.navigation);
      if (!c.optional && c.flatten === undefined) c.set(out, []);
      continue;
    }
    if (read.kind === "invalid") {
      scope.issue(c.navigation, ISSUE_CODES.invalidType, `${c.navigation} ${read.message}`);
      continue;
    }
    const override = scope.parent === undefined ? call.shapes?.[c.navigation] : undefined;
    const shape = override ?? keptShape(scope, c.navigation, read.shape);
    if (shape === undefined) continue;
    if (override !== undefined || shape.form !== profile.defaultCollectionForm || shape.extra !== undefined) ((scope.state ??= {}).shapes ??= {})[c.navigation] = shape;
    decodeRows(scope, c, read.rows, base + c.token + read.pointer);
  }
}

/**
 * The envelope's extra keys (`__count`, `__next`, `hasMore`) as bookkeeping keeps them: JSON values under
 * allowed names, copied. Anything else is an issue at the key (undefined: the navigation is not decoded).
 */
function keptShape(scope: RecordScope, navigation: string, shape: CollectionShape): CollectionShape | undefined {
  const extra = shape.extra;
  if (extra === undefined) return shape;
  const kept: Record<string, unknown> = {};
  let bad = false;
  const at = scope.base + "/" + pointerToken(navigation);
  for (const key of Object.keys(extra)) {
    if (FORBIDDEN_KEYS.has(key) || key === "results" || key === "items" || key === "value") {
      scope.call.issues.push({ path: `${at}/${pointerToken(key)}`, code: ISSUE_CODES.unknownField, message: `"${key}" is not an allowed key beside the rows of ${navigation}` });
      bad = true;
      continue;
    }
    const copied = copyJson(extra[key], MAX_CARRIED_DEPTH, { keepNumbers: true });
    if (!copied.ok) {
      scope.call.issues.push({ path: `${at}/${pointerToken(key)}${copied.path}`, code: copied.reason === "depth" ? ISSUE_CODES.inputTooDeep : copied.reason === "range" ? ISSUE_CODES.tooBig : ISSUE_CODES.invalidType, message: `the ${key} beside the rows of ${navigation} is not a JSON value that can be kept` });
      bad = true;
      continue;
    }
    Object.defineProperty(kept, key, { value: copied.value, enumerable: true, writable: true, configurable: true });
  }
  return bad ? undefined : { form: shape.form, extra: kept };
}

/** Decodes the rows of one to-many navigation into canonical items (or a root array), keeping row data aligned. */
function decodeRows(scope: RecordScope, c: CompiledChild, rows: readonly unknown[], rowsBase: string): void {
  const call = scope.call;
  const items: unknown[] = [];
  let keptRows: (Record<string, unknown> | undefined)[] | undefined;
  let rowStates: (RowState | undefined)[] | undefined;
  const group = c.group;
  let collector: unknown[] | undefined;
  let seen: RowKeys | undefined;
  if (c.flatten !== undefined) {
    const map = (call.flattened ??= new Map());
    collector = map.get(c);
    if (collector === undefined) map.set(c, (collector = []));
  }
  for (let j = 0; j < rows.length; j++) {
    const row = rows[j];
    if (group !== undefined && isRecord(row) && row[group.property] !== group.value && row[group.property] !== undefined) {
      // A secondary row of a group: kept whole with its primary, checked against the catalog like any row.
      const rowScope = new RecordScope(call, `${rowsBase}/${j}`, row, scope, c.entity);
      for (const key of Object.keys(row)) {
        const check = c.entity.props.get(key)?.check;
        const problem = check?.(row[key]);
        if (problem !== undefined) rowScope.issue(key, problem.code, problem.message);
      }
      const copied = copyJson(row, MAX_CARRIED_DEPTH, { drop: (k, v) => call.profile.classifyKey(k, v) === "transport" });
      if (!copied.ok) {
        call.issues.push({ path: `${rowsBase}/${j}${copied.path}`, code: ISSUE_CODES.invalidType, message: "this secondary row cannot be kept" });
        continue;
      }
      (keptRows ??= new Array(rows.length))[j] = copied.value as Record<string, unknown>;
      (rowStates ??= new Array(rows.length))[j] = { secondary: row[group.by], ...(copied.numbers ? { numbers: copied.numbers } : {}) };
      continue;
    }
    const decoded = decodeEntity(c.entity, row, `${rowsBase}/${j}`, call, scope);
    if (decoded === undefined) continue;
    const item = decoded.value;
    const key = c.matchGet?.(item);
    if (key !== undefined) {
      const message = (seen ??= new RowKeys(c)).repeated(key, j, "rows");
      if (message !== undefined) {
        call.issues.push({ path: `${rowsBase}/${j}`, code: MAPPING_CODES.duplicateRowKey, message });
        continue;
      }
    }
    if (c.flatten !== undefined) {
      const link = c.flatten.parentGet(scope.out);
      if (link !== undefined) c.flatten.linkSet(item, link);
      collector?.push(item);
    } else items.push(item);
    if (decoded.carried !== undefined) (keptRows ??= new Array(rows.length))[j] = decoded.carried;
    if (key !== undefined || !isEmptyState(decoded.state)) {
      const state: RowState = decoded.state ?? {};
      if (key !== undefined) state.key = key;
      (rowStates ??= new Array(rows.length))[j] = state;
    }
  }
  if (group !== undefined && rowStates !== undefined) {
    // A secondary row whose primary is not in the read is an orphan: kept and always written back.
    const primaries = new Set<string>();
    for (let j = 0; j < rows.length; j++) if (rowStates[j]?.secondary === undefined && isRecord(rows[j])) primaries.add(JSON.stringify((rows[j] as Record<string, unknown>)[group.by] ?? null));
    for (const s of rowStates) if (s?.secondary !== undefined && !primaries.has(JSON.stringify(s.secondary ?? null))) s.orphan = true;
  }
  if (c.flatten === undefined) c.set(scope.out, items);
  if (keptRows !== undefined || (rowStates !== undefined && rowStates.some((s) => s !== undefined && (s.key === undefined || Object.keys(s).length > 1)))) {
    const kept = new Array<Record<string, unknown>>(rows.length);
    // Copied by spread: keyed stores leave slow dictionary-mode objects; the copies have fast properties,
    // which the schema check, encode's for-in and JSON.stringify read several times faster.
    for (let j = 0; j < rows.length; j++) {
      const row = keptRows?.[j];
      kept[j] = row === undefined ? {} : { ...row };
    }
    if (keptRows !== undefined) (scope.carried ??= {})[c.navigation] = kept;
    const states = new Array<RowState>(rows.length);
    for (let j = 0; j < rows.length; j++) states[j] = rowStates?.[j] ?? {};
    ((scope.state ??= {}).children ??= {})[c.navigation] = states;
  }
}

/** Decodes one vendor record with a compiled entity; issues go to `call`. */
export function decodeEntity(ce: CompiledEntity, record: unknown, base: string, call: DecodeCall, parent: RecordScope | undefined): DecodedEntity | undefined {
  if (!isRecord(record)) {
    call.issues.push({ path: base, code: ISSUE_CODES.invalidType, message: `expected a ${ce.declaration.entity} entity object, got ${record === null ? "null" : Array.isArray(record) ? "an array" : typeof record}` });
    return undefined;
  }
  const scope = new RecordScope(call, base, record, parent, ce);
  const out = scope.out;
  if (ce.objectConstants) for (const [k, v] of ce.constants) out[k] = typeof v === "object" && v !== null ? JSON.parse(JSON.stringify(v)) : v;
  else for (const [k, v] of ce.constants) out[k] = v;
  const invalid = scanRecord(scope);
  decodeFields(scope, invalid);
  decodeChildren(scope, invalid);
  if (parent === undefined && call.flattened !== undefined) {
    for (const [c, items] of call.flattened) {
      const existing = c.flatten?.intoGet(out);
      c.flatten?.intoSet(out, Array.isArray(existing) ? [...(existing as unknown[]), ...items] : items);
    }
  }
  // Objects with more than a dozen keys set by keyed stores are dictionaries: give back fast-properties
  // copies of those (the root's kept data becomes its extensions).
  const big = ce.fields.length + ce.constants.length + ce.children.length > 12;
  return {
    value: big ? { ...out } : out,
    carried: parent === undefined && scope.carried !== undefined ? { ...scope.carried } : scope.carried,
    state: scope.state,
  };
}
