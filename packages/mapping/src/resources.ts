// One entry per vendor resource of an encoded entity (the root and every
// child row), for vendors that write each resource with its own call (D365
// header and lines, Oracle child resources): entity set, key, key path, ETag
// and body, and — against the object as it was read — what changed.
import type { CompiledEntity } from "./compile/compiled.js";
import { ETAG } from "./compile/encode.js";
import { isRecord, jsonEqual, pointerToken } from "./json/json.js";

/**
 * One vendor resource of an encoded canonical object.
 *
 * @example
 * ```ts
 * import type { EncodedResource } from "@mfgsync/mapping";
 * const request = (r: EncodedResource) => ({ method: r.change === "added" ? "POST" : "PATCH", url: r.keyPath, headers: r.etag ? { "If-Match": r.etag } : {}, body: r.body });
 * ```
 */
export interface EncodedResource {
  /** The vendor entity set or resource (`A_ProductionOrder_2`, `ProductionOrderBillOfMaterialLines`, `WorkOrderOperation`). */
  readonly entitySet: string;
  /** JSON Pointer of the record in the full encoded entity (`""` for the root). */
  readonly path: string;
  /** The key properties and their values (from the entity's catalog keys). */
  readonly key: Readonly<Record<string, unknown>>;
  /** The key as the protocol writes it in a resource path (`ProductionOrderHeaders(dataAreaId='usmf',ProductionOrderNumber='P000123')`). */
  readonly keyPath: string;
  /** The ETag the record was read with, for `If-Match`. */
  readonly etag?: string;
  /** The record without its child collections; in `patch` mode only its changed writable properties. */
  readonly body: Readonly<Record<string, unknown>>;
  /** Against the original object (when given): `added`, `changed`, `unchanged` or `removed`; `changed` without one. */
  readonly change: "added" | "changed" | "unchanged" | "removed";
}

/**
 * Options of {@link Mapper.encodeResources}.
 *
 * @example
 * ```ts
 * import type { ResourceOptions } from "@mfgsync/mapping";
 * const options: ResourceOptions = { includeUnchanged: false };
 * ```
 */
export interface ResourceOptions {
  /** List resources that did not change against the original too (default true). */
  readonly includeUnchanged?: boolean;
}

interface Found {
  readonly entity: CompiledEntity;
  readonly path: string;
  readonly record: Record<string, unknown>;
}

/** Walks an encoded entity: the root, then every row of every child collection, depth first. */
function walk(ce: CompiledEntity, record: Record<string, unknown>, path: string, out: Found[]): void {
  out.push({ entity: ce, path, record });
  for (const c of ce.children) {
    const value = record[c.navigation];
    const base = `${path}/${pointerToken(c.navigation)}`;
    if (!c.many) {
      if (isRecord(value)) walk(c.entity, value, base, out);
      continue;
    }
    const read = ce.profile.readCollection(value);
    if (read.kind !== "rows") continue;
    read.rows.forEach((row, i) => {
      if (isRecord(row)) walk(c.entity, row, `${base}${read.pointer}/${i}`, out);
    });
  }
}

function keyOf(found: Found): Record<string, unknown> {
  const key: Record<string, unknown> = {};
  for (const k of found.entity.keys) if (found.record[k] !== undefined) key[k] = found.record[k];
  return key;
}

function identity(found: Found): string {
  return `${found.entity.declaration.entity}|${JSON.stringify(keyOf(found))}|${found.entity.keys.length === 0 ? found.path : ""}`;
}

/** The record without child collections: the body of its own write. */
function ownBody(found: Found): Record<string, unknown> {
  const navs = new Set(found.entity.children.map((c) => c.navigation));
  const body: Record<string, unknown> = {};
  for (const k of Object.keys(found.record)) if (!navs.has(k)) body[k] = found.record[k];
  return body;
}

/** The properties a PATCH may carry: not read-only, not keys, not child collections; changed against `before` when given. */
function changedWritable(found: Found, before: Record<string, unknown> | undefined, mappedOnly: boolean): Record<string, unknown> {
  const ce = found.entity;
  const keys = new Set(ce.keys);
  const navs = new Set(ce.children.map((c) => c.navigation));
  const body: Record<string, unknown> = {};
  const consider = new Set([...Object.keys(found.record), ...(before ? Object.keys(before) : [])]);
  for (const k of consider) {
    if (keys.has(k) || navs.has(k)) continue;
    const info = ce.props.get(k);
    if (info?.catalog?.readOnly === true) continue;
    if (before === undefined && mappedOnly && info?.field === undefined) continue;
    const now = found.record[k];
    if (before !== undefined && jsonEqual(now, before[k])) continue;
    // A property the original had and the change removed is cleared explicitly.
    body[k] = now === undefined ? null : now;
  }
  return body;
}

/** The PATCH body of the root record. Internal. */
export function patchBody(root: CompiledEntity, target: Record<string, unknown>, original: Record<string, unknown> | undefined): Record<string, unknown> {
  return changedWritable({ entity: root, path: "", record: target }, original, true);
}

/** Lists the resources of an encoded entity, compared with the original's when given. Internal. */
export function collectResources(
  root: CompiledEntity, target: Record<string, unknown>, original: Record<string, unknown> | undefined,
  options: { readonly mode?: "full" | "patch"; readonly includeUnchanged?: boolean } | undefined,
): EncodedResource[] {
  const now: Found[] = [];
  walk(root, target, "", now);
  const before = new Map<string, Found>();
  if (original !== undefined) {
    const list: Found[] = [];
    walk(root, original, "", list);
    for (const f of list) before.set(identity(f), f);
  }
  const patch = options?.mode === "patch";
  const out: EncodedResource[] = [];
  const seen = new Set<string>();
  for (const found of now) {
    const id = identity(found);
    seen.add(id);
    const old = before.get(id);
    const key = keyOf(found);
    const hidden = (found.record as { [ETAG]?: unknown })[ETAG];
    const etag = typeof hidden === "string" ? hidden : root.profile.etagOf(found.record);
    let change: EncodedResource["change"] = "changed";
    if (original !== undefined) change = old === undefined ? "added" : jsonEqual(ownBody(found), ownBody(old)) ? "unchanged" : "changed";
    if (change === "unchanged" && options?.includeUnchanged === false) continue;
    const body = patch && change !== "added" ? changedWritable(found, old ? ownBody(old) : undefined, true) : ownBody(found);
    out.push({
      entitySet: found.entity.declaration.catalog?.entitySet ?? found.entity.declaration.entity, path: found.path, key,
      keyPath: root.profile.formatKey(found.entity.declaration.catalog?.entitySet ?? found.entity.declaration.entity, key, found.entity.declaration.catalog),
      ...(etag !== undefined ? { etag } : {}), body, change,
    });
  }
  for (const [id, old] of before) {
    if (seen.has(id)) continue;
    const key = keyOf(old);
    out.push({
      entitySet: old.entity.declaration.catalog?.entitySet ?? old.entity.declaration.entity, path: old.path, key,
      keyPath: root.profile.formatKey(old.entity.declaration.catalog?.entitySet ?? old.entity.declaration.entity, key, old.entity.declaration.catalog),
      body: {}, change: "removed",
    });
  }
  return out;
}
