import type { IdentifierScope } from "@mfgsync/canonical";
import { EXTENSION_FIELD_PATTERN, ISSUE_CODES } from "@mfgsync/canonical";
import type { ResolvedContext } from "../context.js";
import type { DecodeScope, EncodeScope, Invalid } from "../converter.js";
import { EMPTY, INVALID, OMIT } from "../converter.js";
import { cleanObjectPrototype, isRecord, jsonEqual, pointerToken, restoreNumbers } from "../json/json.js";
import type { CollectionShape, WireProfile } from "../profiles/profile.js";
import { MAPPING_CODES } from "../result.js";
import { MapCall } from "./call.js";
import type { CompiledChild, CompiledEntity, CompiledField } from "./compiled.js";
import { RowKeys } from "./row-keys.js";
import type { RecordState, RowState } from "./state.js";
import { BOOKKEEPING_NAMESPACE, asState, stringSet } from "./state.js";

/** A hidden property of encoded records: the ETag kept in the bookkeeping (OData V2). Internal. */
export const ETAG = Symbol("mfgsync.mapping.etag");

/** Issues, warnings and flattened-array claims of one encode call. */
export class EncodeCall extends MapCall {
  /** Indexes of root array items written under some parent, per flattened child. */
  readonly claimed = new Map<CompiledChild, Set<number>>();
  constructor(context: ResolvedContext, readonly profile: WireProfile, readonly root: Readonly<Record<string, unknown>>) {
    super(context);
  }
  protected noZoneMessage(plant: string | undefined): string {
    return `no time zone is configured for ${plant === undefined ? "this object" : `plant ${plant}`}; local dates and times were written in UTC`;
  }
}

const caseFold = (s: string) => s.toLowerCase();

/** The scope of one canonical object while it is encoded. */
export class ObjectScope implements EncodeScope {
  private zoneName: string | undefined;
  private scopeValue: IdentifierScope | undefined | null = null;
  readonly nulls: ReadonlySet<string> | undefined;
  constructor(
    readonly call: EncodeCall,
    readonly base: string,
    readonly object: Readonly<Record<string, unknown>>,
    readonly target: Record<string, unknown>,
    readonly parent: ObjectScope | undefined,
    readonly entity: CompiledEntity,
    readonly keptData: Readonly<Record<string, unknown>> | undefined,
    readonly state: RecordState | undefined,
  ) {
    this.nulls = stringSet(state?.nulls);
  }

  get context(): ResolvedContext {
    return this.call.context;
  }

  get profile(): WireProfile {
    return this.call.profile;
  }

  wasAbsent(property: string): boolean {
    const absent = this.state?.absent;
    return Array.isArray(absent) && absent.includes(property);
  }

  kept(property: string): unknown {
    if (this.nulls?.has(property) === true) return null;
    return this.keptData !== undefined && Object.prototype.hasOwnProperty.call(this.keptData, property) ? this.keptData[property] : undefined;
  }

  get parentTarget(): Readonly<Record<string, unknown>> | undefined {
    return this.parent?.target;
  }

  zone(): string {
    if (this.zoneName !== undefined) return this.zoneName;
    const plant = this.entity.plantGet?.(this.object);
    if (typeof plant === "string" && plant !== "") this.zoneName = this.call.zoneFor(plant, this.base);
    else this.zoneName = this.parent ? this.parent.zone() : this.call.zoneFor(undefined, this.base);
    return this.zoneName;
  }

  idScope(): IdentifierScope | undefined {
    if (this.scopeValue !== null) return this.scopeValue;
    const decl = this.entity.scope;
    const from = decl?.fromGet?.(this.object);
    const own = isRecord(from) && isRecord(from["scope"]) ? (from["scope"] as IdentifierScope) : undefined;
    // A child row read in another unit than its parent's (kept as read) stays in it.
    const keptScope = decl !== undefined && own === undefined ? this.kept(decl.vendor) : undefined;
    const fallback = decl?.fallbackGet?.(this.object);
    this.scopeValue = own
      ?? (decl !== undefined && typeof keptScope === "string" && keptScope !== "" ? { type: decl.type, value: keptScope } : undefined)
      ?? (decl !== undefined && typeof fallback === "string" && fallback !== "" ? { type: decl.type, value: fallback } : undefined)
      ?? this.parent?.idScope();
    return this.scopeValue;
  }

  /** Whether two scope codes name the same unit (case-insensitively where the entity says so). */
  sameScope(a: string, b: string): boolean {
    return a === b || (this.caseInsensitive() && caseFold(a) === caseFold(b));
  }

  private caseInsensitive(): boolean {
    for (let s: ObjectScope | undefined = this; s !== undefined; s = s.parent) if (s.entity.scope !== undefined) return s.entity.scope.caseInsensitive;
    return false;
  }

  issue(pointer: string, code: string, message: string): Invalid {
    this.call.issues.push({ path: this.base + pointer, code, message });
    return INVALID;
  }

  warn(pointer: string, code: string, message: string): void {
    this.call.warnings.push({ path: this.base + pointer, code, message });
  }
}

/** A decode scope that only checks whether kept vendor values still decode to the canonical value. */
class VerifyScope implements DecodeScope {
  failed = false;
  constructor(private readonly owner: ObjectScope) {}
  get context(): ResolvedContext {
    return this.owner.context;
  }
  get profile(): WireProfile {
    return this.owner.profile;
  }
  get record(): Readonly<Record<string, unknown>> {
    return this.owner.target;
  }
  get parentRecord(): Readonly<Record<string, unknown>> | undefined {
    return this.owner.parentTarget;
  }
  zone(): string {
    return this.owner.zone();
  }
  idScope(): IdentifierScope | undefined {
    return this.owner.idScope();
  }
  issue(): Invalid {
    this.failed = true;
    return INVALID;
  }
  warn(): void {}
  carry(): void {}
}

function write(f: CompiledField, i: number, value: unknown, target: Record<string, unknown>, scope: ObjectScope): void {
  const prop = f.props[i] ?? "";
  if (value === EMPTY) {
    const empty = f.empties[i];
    if (empty !== OMIT) target[prop] = empty;
    return;
  }
  const check = f.outChecks[i];
  if (check !== undefined) {
    const problem = check(value);
    if (problem !== undefined) {
      scope.issue(f.pointer, problem.code, `cannot be written to ${prop}: ${problem.message}`);
      return;
    }
  }
  target[prop] = value;
}

/**
 * Puts vendor values kept in the extensions back when they still decode to
 * the current canonical value; otherwise the canonical value wins.
 */
function restoreKept(f: CompiledField, object: Readonly<Record<string, unknown>>, scope: ObjectScope, absent: ReadonlySet<string> | undefined): void {
  const target = scope.target;
  const candidate = f.props.map((p) => {
    if (absent?.has(p) === true) return undefined;
    const kept = scope.kept(p);
    return kept !== undefined ? kept : target[p];
  });
  const verify = new VerifyScope(scope);
  const decoded = f.converter.decode(f.single ? candidate[0] : candidate, verify, f.props);
  if (decoded === INVALID || verify.failed) return;
  const current = f.get === undefined ? undefined : f.get(object);
  if (!jsonEqual(decoded, current)) return;
  // Kept values come back from outside: what the catalog refuses is an issue, as for values encode computes.
  for (let i = 0; i < f.props.length; i++) {
    const kept = absent?.has(f.props[i] ?? "") === true ? undefined : scope.kept(f.props[i] ?? "");
    const problem = kept === undefined ? undefined : f.outChecks[i]?.(kept);
    if (problem !== undefined) {
      scope.issue(f.pointer, problem.code, `the kept value cannot be written to ${f.props[i] ?? ""}: ${problem.message}`);
      return;
    }
  }
  for (let i = 0; i < f.props.length; i++) {
    const p = f.props[i] ?? "";
    if (absent?.has(p) === true) delete target[p];
    else {
      const kept = scope.kept(p);
      if (kept !== undefined) target[p] = kept;
    }
  }
}

/** Writes the scope property (D365 `dataAreaId`) from the record's scope, in the spelling that was read when it is the same unit. */
function writeScope(scope: ObjectScope): void {
  const decl = scope.entity.scope;
  if (decl === undefined) return;
  const value = scope.idScope()?.value ?? (typeof scope.parentTarget?.[decl.vendor] === "string" ? (scope.parentTarget[decl.vendor] as string) : undefined);
  if (value === undefined) {
    scope.issue(scope.parent === undefined ? "/id" : "", ISSUE_CODES.required, `${scope.entity.declaration.entity} needs ${decl.vendor}: the identifier has no ${decl.type} scope`);
    return;
  }
  const parentScope = scope.parent?.idScope()?.value;
  // A child row read without it (in its parent's unit) is written without it while it still is.
  if (parentScope !== undefined && scope.sameScope(parentScope, value) && Array.isArray(scope.state?.absent) && scope.state.absent.includes(decl.vendor)) return;
  const kept = scope.kept(decl.vendor);
  const out = typeof kept === "string" && scope.sameScope(kept, value) ? kept : value;
  const problem = decl.check?.(out);
  if (problem !== undefined) {
    scope.issue(scope.parent === undefined ? "/id/scope/value" : "", problem.code, `cannot be written to ${decl.vendor}: ${problem.message}`);
    return;
  }
  scope.target[decl.vendor] = out;
}

/** Writes kept vendor values, nulls and absences back, and restores fields whose kept values still agree. */
function restoreRecord(scope: ObjectScope, keptPath: string): void {
  const { entity: ce, keptData: kept, state, object, target, call } = scope;
  const absent = stringSet(state?.absent);
  let verify: Set<CompiledField> | undefined;
  if (kept !== undefined) {
    // for-in: V8 reads `kept[key]` inside it from the enum cache (much faster than after Object.keys);
    // inherited keys are skipped unless none can exist.
    const ownOnly = Object.getPrototypeOf(kept) === Object.prototype && cleanObjectPrototype();
    for (const key in kept) {
      if (key === "__proto__" || key === "constructor" || key === "prototype") continue;
      if (!ownOnly && !Object.prototype.hasOwnProperty.call(kept, key)) continue;
      const info = ce.props.get(key);
      if (info?.field !== undefined) (verify ??= new Set()).add(info.field);
      else if (info === undefined && !EXTENSION_FIELD_PATTERN.test(key)) {
        // Decode keeps no property of such a name (it refuses it): writing it would give an entity decode refuses.
        call.issues.push({ path: `${keptPath}/${pointerToken(key)}`, code: ISSUE_CODES.unknownField, message: `"${key.length > 60 ? key.slice(0, 60) + "…" : key}" is not a property name that can be written to ${ce.declaration.entity}` });
      } else if (info?.child === undefined && info?.scope !== true) {
        const value = kept[key];
        const problem = info?.check?.(value);
        if (problem !== undefined) call.issues.push({ path: `${keptPath}/${pointerToken(key)}`, code: problem.code, message: `cannot be written to ${key}: ${problem.message}` });
        else target[key] = value;
      }
    }
  }
  if (scope.nulls !== undefined) {
    for (const p of scope.nulls) {
      const info = ce.props.get(p);
      if (info?.field !== undefined) (verify ??= new Set()).add(info.field);
      else if (info === undefined && !EXTENSION_FIELD_PATTERN.test(p)) {
        call.issues.push({ path: `/extensions/${BOOKKEEPING_NAMESPACE}`, code: ISSUE_CODES.unknownField, message: `the bookkeeping names "${p.length > 60 ? p.slice(0, 60) + "…" : p}" as a null property, which ${ce.declaration.entity} cannot have` });
      } else if (info?.child === undefined && info?.scope !== true) target[p] = null;
    }
  }
  if (absent !== undefined) {
    for (const p of absent) {
      const f = ce.props.get(p)?.field;
      if (f !== undefined) (verify ??= new Set()).add(f);
    }
  }
  if (verify !== undefined) for (const f of verify) restoreKept(f, object, scope, absent);
  const numbers = state?.numbers;
  if (numbers !== undefined && typeof numbers === "object") restoreNumbers(target, numbers);
}

/** Encodes one canonical object (or child object) with a compiled entity; issues go to `call`. */
export function encodeEntity(
  ce: CompiledEntity,
  object: Readonly<Record<string, unknown>>,
  base: string,
  call: EncodeCall,
  parent: ObjectScope | undefined,
  kept: Readonly<Record<string, unknown>> | undefined,
  state: RecordState | undefined,
  keptPath: string,
): Record<string, unknown> {
  const template = ce.template;
  let target: Record<string, unknown> = template === undefined ? {} : { ...template.object };
  const scope = new ObjectScope(call, base, object, target, parent, ce, kept, state);
  writeScope(scope);

  for (const f of ce.fields) {
    const value = f.get === undefined ? undefined : f.get(object);
    if (value === undefined && f.required) {
      scope.issue(f.pointer, ISSUE_CODES.required, `${f.declaration.canonical} is required: ${ce.declaration.entity} needs ${f.props.join(" + ")}`);
      continue;
    }
    const out = f.converter.encode(value, scope, f.pointer);
    if (out === INVALID || out === OMIT) continue;
    if (f.single) {
      write(f, 0, out, target, scope);
      continue;
    }
    const values = out as readonly unknown[];
    for (let i = 0; i < f.props.length; i++) {
      const v = values[i];
      if (v !== OMIT && v !== undefined) write(f, i, v, target, scope);
    }
  }
  restoreRecord(scope, keptPath);
  if (state?.etag !== undefined && typeof state.etag === "string") Object.defineProperty(target, ETAG, { value: state.etag, enumerable: false });

  for (const c of ce.children) encodeChild(c, scope, keptPath);
  if (template !== undefined) {
    let unwritten = false;
    // for-in reads `target[k]` from the enum cache: much cheaper than keyed loads by name.
    for (const k in target) {
      if (target[k] === undefined) {
        unwritten = true;
        break;
      }
    }
    if (!unwritten) return target;
    // Another shape than the last record's: keep the written properties only, and learn this shape.
    const clean: Record<string, unknown> = {};
    for (const k of Object.keys(target)) if (target[k] !== undefined) clean[k] = target[k];
    if (state?.etag !== undefined && typeof state.etag === "string") Object.defineProperty(clean, ETAG, { value: state.etag, enumerable: false });
    target = clean;
  }
  const keys = Object.keys(target);
  if (keys.length > 8) ce.template = { keys, object: Object.fromEntries(keys.map((k) => [k, undefined])) };
  return template === undefined && keys.length > 12 ? withEtag({ ...target }, target) : target;
}

/** A fast-properties copy keeps the hidden ETag of the original. */
function withEtag(copy: Record<string, unknown>, original: Record<string, unknown>): Record<string, unknown> {
  const etag = (original as { [ETAG]?: unknown })[ETAG];
  if (typeof etag === "string") Object.defineProperty(copy, ETAG, { value: etag, enumerable: false });
  return copy;
}

function encodeChild(c: CompiledChild, scope: ObjectScope, keptPath: string): void {
  const { object, target, call, base, keptData: kept, state } = scope;
  const keptChild = kept?.[c.navigation];
  const childStates = state?.children?.[c.navigation];
  const wasNull = scope.nulls?.has(c.navigation) === true;
  if (!c.many) {
    const value = c.get(object);
    if (isRecord(value)) target[c.navigation] = encodeEntity(c.entity, value, base + c.pointer, call, scope, isRecord(keptChild) ? keptChild : undefined, asState(childStates), `${keptPath}/${pointerToken(c.navigation)}`);
    else if (wasNull) target[c.navigation] = null;
    return;
  }
  // The canonical items: the object's own array, or (flattened) the root array's items linked to this object.
  let items: unknown[];
  let itemPaths: string[];
  if (c.flatten !== undefined) {
    const all = c.flatten.intoGet(call.root);
    const link = c.flatten.parentGet(object);
    const claimed = call.claimed.get(c) ?? new Set<number>();
    call.claimed.set(c, claimed);
    items = [];
    itemPaths = [];
    if (Array.isArray(all)) {
      all.forEach((item, i) => {
        if (isRecord(item) && link !== undefined && c.flatten?.accepts(item) === true && jsonEqual(c.flatten.linkGet(item), link) && !claimed.has(i)) {
          claimed.add(i);
          items.push(item);
          itemPaths.push(`${c.pointer}/${i}`);
        }
      });
    }
  } else {
    const value = c.get(object);
    if (value === undefined && c.optional) {
      if (wasNull) target[c.navigation] = null;
      return;
    }
    items = Array.isArray(value) ? (value as unknown[]) : [];
    itemPaths = items.map((_, i) => `${base}${c.pointer}/${i}`);
  }
  const absent = Array.isArray(state?.absent) && state.absent.includes(c.navigation);
  if (items.length === 0 && wasNull) {
    target[c.navigation] = null;
    return;
  }
  if (items.length === 0 && absent) return;
  const keptList = Array.isArray(keptChild) ? (keptChild as unknown[]) : undefined;
  const stateList = Array.isArray(childStates) ? (childStates as unknown[]) : undefined;
  const rowCount = Math.max(keptList?.length ?? 0, stateList?.length ?? 0);
  const rowState = (j: number): RowState | undefined => asState(stateList?.[j]) as RowState | undefined;
  const rowKept = (j: number): Readonly<Record<string, unknown>> | undefined => {
    const k = keptList?.[j];
    return isRecord(k) ? k : undefined;
  };
  const used = new Array<boolean>(rowCount).fill(false);
  for (let j = 0; j < rowCount; j++) if (rowState(j)?.secondary !== undefined) used[j] = true;
  let byKey: Map<unknown, number[]> | undefined;
  const pick = (i: number, item: Record<string, unknown>): number | undefined => {
    if (rowCount === 0) return undefined;
    if (c.matchGet === undefined) {
      // Without a match key, rows pair by position among the primary rows.
      let seen = -1;
      for (let j = 0; j < rowCount; j++) {
        if (rowState(j)?.secondary !== undefined) continue;
        if (++seen === i) {
          if (used[j]) return undefined;
          used[j] = true;
          return j;
        }
      }
      return undefined;
    }
    const key = c.matchGet(item);
    if (i < rowCount && !used[i] && jsonEqual(rowState(i)?.key, key)) {
      used[i] = true;
      return i;
    }
    if (byKey === undefined) {
      byKey = new Map();
      for (let j = 0; j < rowCount; j++) {
        const s = rowState(j);
        if (s === undefined || s.secondary !== undefined || s.key === undefined) continue;
        const k = typeof s.key === "object" ? JSON.stringify(s.key) : s.key;
        const list = byKey.get(k);
        if (list) list.push(j);
        else byKey.set(k, [j]);
      }
    }
    for (const j of byKey.get(typeof key === "object" && key !== null ? JSON.stringify(key) : key) ?? []) {
      if (!used[j]) {
        used[j] = true;
        return j;
      }
    }
    return undefined;
  };
  const rows: { row: unknown; from: number | undefined }[] = [];
  let seen: RowKeys | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const path = itemPaths[i] ?? "";
    if (!isRecord(item)) {
      call.issues.push({ path, code: ISSUE_CODES.invalidType, message: "expected an object" });
      continue;
    }
    const key = c.matchGet?.(item);
    if (key !== undefined) {
      // Decode refuses rows with one key: writing them would give a collection that does not read back.
      const message = (seen ??= new RowKeys(c)).repeated(key, Number(path.slice(path.lastIndexOf("/") + 1)), "items");
      if (message !== undefined) {
        call.issues.push({ path: path + c.matchPointer, code: MAPPING_CODES.duplicateRowKey, message });
        continue;
      }
    }
    const j = pick(i, item);
    const row = encodeEntity(c.entity, item, path, call, scope, j === undefined ? undefined : rowKept(j), j === undefined ? undefined : rowState(j), `${keptPath}/${pointerToken(c.navigation)}/${j ?? i}`);
    rows.push({ row, from: j });
  }
  if (c.group !== undefined) insertSecondaryRows(c, rows, rowCount, rowState, rowKept, call, `${keptPath}/${pointerToken(c.navigation)}`);
  const shapes = state?.shapes;
  const shape = isRecord(shapes) && isRecord(shapes[c.navigation]) ? (shapes[c.navigation] as CollectionShape) : undefined;
  target[c.navigation] = call.profile.writeCollection(rows.map((r) => r.row), shape);
}

/** Puts the kept secondary rows of each written group back after the row that preceded them when they were read. */
function insertSecondaryRows(
  c: CompiledChild, rows: { row: unknown; from: number | undefined }[], rowCount: number,
  rowState: (j: number) => RowState | undefined, rowKept: (j: number) => Readonly<Record<string, unknown>> | undefined,
  call: EncodeCall, keptPath: string,
): void {
  const by = c.group?.by ?? "";
  const groups = new Set<unknown>();
  for (const r of rows) if (isRecord(r.row)) groups.add(JSON.stringify(r.row[by] ?? null));
  for (let j = 0; j < rowCount; j++) {
    const s = rowState(j);
    const kept = rowKept(j);
    if (s?.secondary === undefined || kept === undefined || (s.orphan !== true && !groups.has(JSON.stringify(s.secondary ?? null)))) continue;
    // A kept row comes back from outside: written only when decode would read it again as this group's secondary row.
    if (!secondaryRowOk(c, kept, s.secondary, call, `${keptPath}/${j}`)) continue;
    const row = s.numbers !== undefined ? restoreNumbers(structuredCloneJson(kept), s.numbers) : structuredCloneJson(kept);
    const group = JSON.stringify(s.secondary ?? null);
    const inGroup = (r: { row: unknown }) => isRecord(r.row) && JSON.stringify(r.row[by] ?? null) === group;
    // After the row that preceded it when read, unless that row now comes before the group's primary:
    // then after the group's last row.
    let at = rows.findIndex((r) => r.from === j - 1);
    if (at < 0 && s.orphan === true) at = j === 0 ? -1 : rows.length - 1;
    const primaryAt = s.orphan === true ? -1 : rows.findIndex(inGroup);
    if (at < primaryAt) {
      at = primaryAt;
      for (let k = primaryAt + 1; k < rows.length; k++) if (inGroup(rows[k] as { row: unknown })) at = k;
    }
    rows.splice(at + 1, 0, { row, from: j });
  }
}

/** Whether a kept secondary row passes the catalog checks and is still a secondary row of its group; else an issue. */
function secondaryRowOk(c: CompiledChild, kept: Readonly<Record<string, unknown>>, secondary: unknown, call: EncodeCall, path: string): boolean {
  const group = c.group;
  if (group === undefined) return false;
  let ok = true;
  for (const key of Object.keys(kept)) {
    // As decode reads secondary rows: catalogued properties are checked, others kept as they are.
    const problem = c.entity.props.get(key)?.check?.(kept[key]);
    if (problem !== undefined) {
      call.issues.push({ path: `${path}/${pointerToken(key)}`, code: problem.code, message: `the kept secondary row cannot be written to ${key}: ${problem.message}` });
      ok = false;
    }
  }
  const kind = kept[group.property];
  if (ok && (kind === group.value || kind === undefined || !jsonEqual(kept[group.by], secondary))) {
    call.issues.push({ path, code: ISSUE_CODES.invalidValue, message: `the kept row is not a secondary row of ${group.by} ${JSON.stringify(secondary)} (${group.property} ${JSON.stringify(kind)})` });
    ok = false;
  }
  return ok;
}

function structuredCloneJson(value: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

/** After the root is written: root array items that no parent holds (a component whose operation is not in the order). */
export function reportUnclaimed(ce: CompiledEntity, call: EncodeCall): void {
  const visit = (entity: CompiledEntity) => {
    for (const c of entity.children) {
      if (c.flatten !== undefined) {
        const all = c.flatten.intoGet(call.root);
        const claimed = call.claimed.get(c);
        if (Array.isArray(all)) {
          all.forEach((item, i) => {
            // Items another child flattened into the same array takes are that child's to report.
            if (claimed?.has(i) === true || (isRecord(item) && c.flatten?.accepts(item) === false)) return;
            const link = isRecord(item) ? c.flatten?.linkGet(item) : undefined;
            call.issues.push({
              path: `${c.pointer}/${i}`, code: MAPPING_CODES.unplaced,
              message: link === undefined
                ? `${c.entity.declaration.entity} rows live under their ${entity.declaration.entity}: set ${c.declaration.flatten?.link.canonical} to one of the order's ${c.declaration.flatten?.link.parent} values`
                : `no ${entity.declaration.entity} has ${c.declaration.flatten?.link.parent} ${JSON.stringify(link)}, so this item cannot be written (${c.entity.declaration.entity} rows live under their ${entity.declaration.entity})`,
            });
          });
        }
      }
      visit(c.entity);
    }
  };
  visit(ce);
}
