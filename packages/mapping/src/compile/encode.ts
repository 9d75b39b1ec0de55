import type { Issue } from "@mfgsync/canonical";
import type { ResolvedContext } from "../context.js";
import { MapCall } from "./call.js";
import { ISSUE_CODES } from "@mfgsync/canonical";
import type { DecodeScope, EncodeScope, Invalid } from "../converter.js";
import { INVALID, OMIT } from "../converter.js";
import { MAPPING_CODES } from "../result.js";
import { isRecord, jsonEqual } from "../util/json.js";
import type { CompiledEntity, CompiledField } from "./compiled.js";

/** Issues and warnings of one encode call. */
export class EncodeCall extends MapCall {
  protected noZoneMessage(plant: string | undefined): string {
    return `no time zone is configured for ${plant === undefined ? "this object" : `plant ${plant}`}; local dates and times were written in UTC`;
  }
}

/** The scope of one canonical object while it is encoded. */
export class ObjectScope implements EncodeScope {
  private zoneName: string | undefined;
  constructor(
    readonly call: EncodeCall,
    readonly base: string,
    readonly object: Readonly<Record<string, unknown>>,
    readonly target: Record<string, unknown>,
    readonly parent: ObjectScope | undefined,
    readonly entity: CompiledEntity,
    private readonly keptData: Readonly<Record<string, unknown>> | undefined,
  ) {}

  get context(): ResolvedContext {
    return this.call.context;
  }

  kept(property: string): unknown {
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

  issue(pointer: string, code: string, message: string): Invalid {
    this.call.issues.push({ path: this.base + pointer, code, message });
    return INVALID;
  }

  warn(pointer: string, code: string, message: string): void {
    this.call.warnings.push({ path: this.base + pointer, code, message });
  }
}

/** A decode scope that only checks whether carried vendor values still decode to the canonical value. */
class VerifyScope implements DecodeScope {
  failed = false;
  constructor(private readonly owner: ObjectScope) {}
  get context(): ResolvedContext {
    return this.owner.context;
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
  issue(): Invalid {
    this.failed = true;
    return INVALID;
  }
  warn(): void {}
  carry(): void {}
}

function write(f: CompiledField, i: number, value: unknown, target: Record<string, unknown>, scope: ObjectScope): void {
  const prop = f.props[i] ?? "";
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
function restoreKept(f: CompiledField, object: Readonly<Record<string, unknown>>, kept: Readonly<Record<string, unknown>>, absent: ReadonlySet<string>, scope: ObjectScope): void {
  const target = scope.target as Record<string, unknown>;
  const candidate = f.props.map((p) => (absent.has(p) ? undefined : Object.prototype.hasOwnProperty.call(kept, p) ? kept[p] : target[p]));
  const verify = new VerifyScope(scope);
  const decoded = f.converter.decode(f.single ? candidate[0] : candidate, verify, f.props);
  if (decoded === INVALID || verify.failed) return;
  const current = f.get === undefined ? undefined : f.get(object);
  if (!jsonEqual(decoded, current)) return;
  for (let i = 0; i < f.props.length; i++) {
    const p = f.props[i] ?? "";
    if (absent.has(p)) delete target[p];
    else if (Object.prototype.hasOwnProperty.call(kept, p)) target[p] = kept[p];
  }
}

const NO_ABSENT: ReadonlySet<string> = new Set();

/** Whether `Object.prototype` has no enumerable properties (for-in then sees own keys only). */
function cleanObjectPrototype(): boolean {
  for (const _ in Object.prototype) return false;
  return true;
}

/** Encodes one canonical object (or child object) with a compiled entity; issues go to `call`. */
export function encodeEntity(
  ce: CompiledEntity,
  object: Readonly<Record<string, unknown>>,
  base: string,
  call: EncodeCall,
  parent: ObjectScope | undefined,
  kept: Readonly<Record<string, unknown>> | undefined,
  keptPath: string,
): Record<string, unknown> {
  const target: Record<string, unknown> = {};
  const scope = new ObjectScope(call, base, object, target, parent, ce, kept);

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

  let absent: ReadonlySet<string> = NO_ABSENT;
  if (kept !== undefined) {
    const absentList = kept["@absent"];
    if (Array.isArray(absentList)) absent = new Set(absentList.filter((p): p is string => typeof p === "string"));
    let verify: Set<CompiledField> | undefined;
    // for-in: V8 reads `kept[key]` inside it from the enum cache (much faster than after Object.keys);
    // inherited keys are skipped unless none can exist.
    const ownOnly = Object.getPrototypeOf(kept) === Object.prototype && cleanObjectPrototype();
    for (const key in kept) {
      if (key.charCodeAt(0) === 64 /* "@" */ || key === "__proto__" || key === "constructor" || key === "prototype") continue;
      if (!ownOnly && !Object.prototype.hasOwnProperty.call(kept, key)) continue;
      const value = kept[key];
      const info = ce.props.get(key);
      if (info?.field !== undefined) (verify ??= new Set()).add(info.field);
      else if (info?.child === undefined) {
        const problem = info?.check?.(value);
        if (problem !== undefined) call.issues.push({ path: `${keptPath}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, code: problem.code, message: `cannot be written to ${key}: ${problem.message}` });
        else target[key] = value;
      }
    }
    for (const p of absent) {
      const f = ce.props.get(p)?.field;
      if (f !== undefined) (verify ??= new Set()).add(f);
    }
    if (verify !== undefined) for (const f of verify) restoreKept(f, object, kept, absent, scope);
  }

  for (const c of ce.children) {
    const value = c.get(object);
    const keptChild = kept?.[c.navigation];
    if (!c.many) {
      if (isRecord(value)) target[c.navigation] = encodeEntity(c.entity, value, base + c.pointer, call, scope, isRecord(keptChild) ? keptChild : undefined, `${keptPath}/${c.navigation}`);
      else if (keptChild === null) target[c.navigation] = null;
      continue;
    }
    const items = Array.isArray(value) ? (value as unknown[]) : [];
    if (items.length === 0 && keptChild === null) {
      target[c.navigation] = null;
      continue;
    }
    if (value === undefined && c.optional) continue;
    if (items.length === 0 && absent.has(c.navigation)) continue;
    const keptList = Array.isArray(keptChild) ? (keptChild as unknown[]) : undefined;
    let byKey: Map<unknown, number[]> | undefined;
    const used = keptList ? new Array<boolean>(keptList.length).fill(false) : undefined;
    const pick = (i: number, item: Record<string, unknown>): number | undefined => {
      if (keptList === undefined || used === undefined) return undefined;
      if (c.matchGet === undefined) return isRecord(keptList[i]) ? i : undefined;
      const key = c.matchGet(item);
      const same = keptList[i];
      if (!used[i] && isRecord(same) && same["@key"] === key) {
        used[i] = true;
        return i;
      }
      if (byKey === undefined) {
        byKey = new Map();
        keptList.forEach((entry, j) => {
          if (!isRecord(entry)) return;
          const list = byKey?.get(entry["@key"]);
          if (list) list.push(j);
          else byKey?.set(entry["@key"], [j]);
        });
      }
      for (const j of byKey.get(key) ?? []) {
        if (!used[j]) {
          used[j] = true;
          return j;
        }
      }
      return undefined;
    };
    const results = new Array<unknown>(items.length);
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (!isRecord(item)) {
        call.issues.push({ path: `${base}${c.pointer}/${i}`, code: ISSUE_CODES.invalidType, message: "expected an object" });
        continue;
      }
      const j = pick(i, item);
      const entry = j === undefined ? undefined : (keptList?.[j] as Record<string, unknown>);
      results[i] = encodeEntity(c.entity, item, `${base}${c.pointer}/${i}`, call, scope, entry, `${keptPath}/${c.navigation}/${j ?? i}`);
    }
    target[c.navigation] = { results };
  }
  return target;
}
