import type { CatalogEntityInfo, CatalogPropertyInfo } from "../catalog.js";
import { copyJson, isRecord } from "../json/json.js";
import { JsonNumber } from "../json/number.js";
import { payloadJson } from "../json/wire-json.js";
import { compileODataV2Check } from "./checks-odata-v2.js";
import type { CollectionRead, CollectionShape, KeyClass, PagingInfo, UnwrappedPayload, WireProfile } from "./profile.js";

function isDeferred(value: unknown): boolean {
  return isRecord(value) && "__deferred" in value;
}

const dropTransport = (key: string, value: unknown) => key === "__metadata" || isDeferred(value);

function fail(path: string, code: string, message: string): UnwrappedPayload {
  return { ok: false, issues: [{ path, code, message }] };
}

function errorMessage(error: unknown): string {
  if (!isRecord(error)) return "the service returned an error";
  const message = error["message"];
  const text = isRecord(message) ? message["value"] : message;
  const code = typeof error["code"] === "string" ? `${error["code"]}: ` : "";
  return `the service returned an error: ${code}${typeof text === "string" ? text : "(no message)"}`;
}

function paging(container: Readonly<Record<string, unknown>>): PagingInfo | undefined {
  const next = container["__next"], count = container["__count"];
  if (next === undefined && count === undefined) return undefined;
  return {
    ...(typeof next === "string" ? { next } : {}),
    ...(typeof count === "string" && /^\d+$/.test(count) ? { count: Number(count) } : typeof count === "number" ? { count } : {}),
  };
}

/**
 * Finds the entities of an OData V2 payload: `{"d":{"results":[...]}}`
 * (collection), `{"d":{...}}` (one entity), a bare entity, a bare array or
 * `{"results":[...]}`. JSON text is parsed first (duplicate keys refused,
 * numbers exact). Never throws.
 *
 * @example
 * ```ts
 * import { unwrapODataV2 } from "@mfgsync/mapping";
 * const r = unwrapODataV2('{"d":{"results":[{"ManufacturingOrder":"1000000"}]}}');
 * if (r.ok) r.entities[0]?.path; // "/d/results/0"
 * ```
 */
export function unwrapODataV2(payload: unknown): UnwrappedPayload {
  const parsed = payloadJson(payload);
  if (!parsed.ok) return parsed;
  const data = parsed.value;
  const list = (items: readonly unknown[], base: string, info?: PagingInfo): UnwrappedPayload => ({
    ok: true, collection: true, entities: items.map((value, i) => ({ value, path: `${base}/${i}` })), ...(info ? { paging: info } : {}),
  });
  if (Array.isArray(data)) return list(data, "");
  if (!isRecord(data)) return fail("", "type.invalid", "an OData V2 payload is a JSON object");
  if ("error" in data && Object.keys(data).length === 1) return fail("/error", "odata.error", errorMessage(data["error"]));
  if ("d" in data) {
    const d = data["d"];
    if (isRecord(d) && Array.isArray(d["results"])) return list(d["results"] as unknown[], "/d/results", paging(d));
    if (Array.isArray(d)) return list(d, "/d");
    if (isRecord(d)) return { ok: true, collection: false, entities: [{ value: d, path: "/d" }] };
    return fail("/d", "type.invalid", "d must be an entity or { results: [...] }");
  }
  if (Array.isArray(data["results"]) && Object.keys(data).every((k) => k === "results" || k === "__count" || k === "__next")) return list(data["results"] as unknown[], "/results", paging(data));
  return { ok: true, collection: false, entities: [{ value: data, path: "" }] };
}

function literal(value: unknown, property: CatalogPropertyInfo | undefined): string {
  if (typeof value === "string") {
    const quoted = `'${value.replace(/'/g, "''")}'`;
    switch (property?.edmType) {
      case "Edm.Guid": return `guid${quoted}`;
      case "Edm.DateTime": return `datetime${quoted}`;
      case "Edm.DateTimeOffset": return `datetimeoffset${quoted}`;
      case "Edm.Int64": return `${value}L`;
      case "Edm.Decimal": return `${value}M`;
      default: return quoted;
    }
  }
  if (value instanceof JsonNumber) return value.text;
  return String(value);
}

/**
 * The OData V2 profile (SAP Gateway): `{"d": ...}` envelopes with
 * `results`, `__next` and `__count`; expanded collections as
 * `{ "results": [...] }` (other keys beside `results` kept and written
 * back); `__metadata` and `__deferred` as transport; the ETag in
 * `__metadata.etag`; decimals and int64 as strings, `/Date(ms)/` dates and
 * `PT..H..M..S` times; `""` for an empty string and `null` for other empty
 * values.
 *
 * @example
 * ```ts
 * import { odataV2Profile } from "@mfgsync/mapping";
 * odataV2Profile.readCollection({ results: [], __count: "0" }); // { kind: "rows", rows: [], pointer: "/results", shape: { form: "results", extra: { __count: "0" } } }
 * ```
 */
export const odataV2Profile: WireProfile = {
  name: "odata-v2",
  title: "OData V2 (JSON verbose)",
  defaultCollectionForm: "results",
  classifyKey(key, value): KeyClass {
    return key === "__metadata" || isDeferred(value) ? "transport" : "data";
  },
  isDeferred,
  readCollection(value): CollectionRead {
    if (value === undefined || isDeferred(value)) return { kind: "absent" };
    if (value === null) return { kind: "null" };
    if (Array.isArray(value)) return { kind: "rows", rows: value, pointer: "", shape: { form: "array" } };
    if (isRecord(value) && Array.isArray(value["results"])) {
      let extra: Record<string, unknown> | undefined;
      for (const key of Object.keys(value)) if (key !== "results" && key !== "__metadata") Object.defineProperty((extra ??= {}), key, { value: value[key], enumerable: true, writable: true, configurable: true });
      return { kind: "rows", rows: value["results"] as unknown[], pointer: "/results", shape: extra ? { form: "results", extra } : { form: "results" } };
    }
    return { kind: "invalid", message: 'must be an expanded navigation ({ "results": [...] })' };
  },
  writeCollection(rows, shape: CollectionShape | undefined) {
    if (shape?.form === "array") return rows;
    return shape?.extra ? { results: rows, ...shape.extra } : { results: rows };
  },
  etagOf(record) {
    const meta = record["__metadata"];
    const etag = isRecord(meta) ? meta["etag"] : undefined;
    return typeof etag === "string" ? etag : undefined;
  },
  unwrap: unwrapODataV2,
  declaredEntity(record) {
    const meta = record["__metadata"];
    const type = isRecord(meta) ? meta["type"] : undefined;
    return typeof type === "string" ? type : undefined;
  },
  emptyValue(property) {
    return property === undefined || property.edmType === "Edm.String" ? "" : null;
  },
  compileCheck: compileODataV2Check,
  stripTransport(value) {
    const copied = copyJson(value, 200, { drop: dropTransport, keepNumbers: true });
    return copied.ok ? copied.value : value;
  },
  mutations: ["", "X", null, "0", "/Date(0)/", "/Date(abc)/", "/Date(1474416000000+9999)/", "PT00H00M00S", "PT25H00M00S", "12,5", "-0", "1e3", "__proto__", true, false, 0, -1, 1.5],
  formatKey(entitySet, key, catalog?: CatalogEntityInfo) {
    const props = new Map((catalog?.properties ?? []).map((p) => [p.name, p]));
    const entries = Object.entries(key);
    if (entries.length === 1) return `${entitySet}(${literal(entries[0]?.[1], props.get(entries[0]?.[0] ?? ""))})`;
    return `${entitySet}(${entries.map(([k, v]) => `${k}=${literal(v, props.get(k))}`).join(",")})`;
  },
};
