import type { CatalogEntityInfo, CatalogPropertyInfo } from "../catalog.js";
import { OMIT } from "../converter.js";
import { copyJson, isRecord } from "../json/json.js";
import { JsonNumber } from "../json/number.js";
import { payloadJson } from "../json/wire-json.js";
import { compileJsonCheck } from "./checks-json.js";
import type { CollectionRead, KeyClass, PagingInfo, UnwrappedPayload, WireProfile } from "./profile.js";

/** Control information that is transport, not data (OData V4 JSON format, section 4.5). */
const TRANSPORT_ANNOTATIONS = new Set(["@odata.context", "@odata.metadataEtag", "@odata.id", "@odata.editLink", "@odata.readLink", "@odata.mediaEditLink", "@odata.mediaReadLink"]);
const TRANSPORT_SUFFIXES = ["@odata.navigationLink", "@odata.associationLink", "@odata.mediaEditLink", "@odata.mediaReadLink"];

function classify(key: string): KeyClass {
  if (key.charCodeAt(0) !== 64 && !key.includes("@")) return "data";
  if (TRANSPORT_ANNOTATIONS.has(key)) return "transport";
  for (const suffix of TRANSPORT_SUFFIXES) if (key.endsWith(suffix)) return "transport";
  return "annotation";
}

const dropTransport = (key: string) => classify(key) === "transport";

function fail(path: string, code: string, message: string): UnwrappedPayload {
  return { ok: false, issues: [{ path, code, message }] };
}

function numberOf(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (value instanceof JsonNumber) return Number(value.text);
  return undefined;
}

function paging(container: Readonly<Record<string, unknown>>): PagingInfo | undefined {
  const next = container["@odata.nextLink"], count = numberOf(container["@odata.count"]);
  if (next === undefined && count === undefined) return undefined;
  return { ...(typeof next === "string" ? { next } : {}), ...(count !== undefined ? { count } : {}) };
}

/**
 * Finds the entities of an OData V4 payload: `{ "@odata.context": ...,
 * "value": [...], "@odata.nextLink": ... }` (collection), a single entity
 * (with or without `@odata.context`), or a plain array. JSON text is parsed
 * first (duplicate keys refused, numbers exact). An error response
 * (`{"error": {"code", "message"}}`) is one issue. Never throws.
 *
 * @example
 * ```ts
 * import { unwrapODataV4 } from "@mfgsync/mapping";
 * const r = unwrapODataV4('{"@odata.context":"$metadata#ItemBatches","value":[{"BatchNumber":"B1"}]}');
 * if (r.ok) r.entities[0]?.path; // "/value/0"
 * ```
 */
export function unwrapODataV4(payload: unknown): UnwrappedPayload {
  const parsed = payloadJson(payload);
  if (!parsed.ok) return parsed;
  const data = parsed.value;
  if (Array.isArray(data)) return { ok: true, collection: true, entities: data.map((value, i) => ({ value, path: `/${i}` })) };
  if (!isRecord(data)) return fail("", "type.invalid", "an OData V4 payload is a JSON object");
  if ("error" in data && isRecord(data["error"]) && Object.keys(data).length === 1) {
    const error = data["error"];
    const code = typeof error["code"] === "string" ? `${error["code"]}: ` : "";
    return fail("/error", "odata.error", `the service returned an error: ${code}${typeof error["message"] === "string" ? error["message"] : "(no message)"}`);
  }
  if (Array.isArray(data["value"]) && Object.keys(data).every((k) => k === "value" || k.startsWith("@"))) {
    const info = paging(data);
    return { ok: true, collection: true, entities: (data["value"] as unknown[]).map((value, i) => ({ value, path: `/value/${i}` })), ...(info ? { paging: info } : {}) };
  }
  return { ok: true, collection: false, entities: [{ value: data, path: "" }] };
}

/**
 * The qualified literal of an enum member for `$filter` and key segments:
 * `Microsoft.Dynamics.DataEntities.ProdStatus'Released'` (D365 refuses the
 * bare member name in filters).
 *
 * @example
 * ```ts
 * import { odataV4EnumLiteral } from "@mfgsync/mapping";
 * odataV4EnumLiteral("Microsoft.Dynamics.DataEntities.ProdStatus", "Released"); // "Microsoft.Dynamics.DataEntities.ProdStatus'Released'"
 * ```
 */
export function odataV4EnumLiteral(enumType: string, member: string): string {
  return `${enumType}'${member.replace(/'/g, "''")}'`;
}

/**
 * An OData V4 literal for a key segment or `$filter`: strings quoted (`'`
 * doubled), numbers bare, enum members qualified when the catalog names
 * their type, booleans and `null` as keywords.
 *
 * @example
 * ```ts
 * import { odataV4Literal } from "@mfgsync/mapping";
 * odataV4Literal("O'Brien"); // "'O''Brien'"
 * odataV4Literal(10); // "10"
 * ```
 */
export function odataV4Literal(value: unknown, property?: CatalogPropertyInfo): string {
  if (typeof value === "string") {
    if (property?.edmType === "Edm.Enum" && property.enumType !== undefined) return odataV4EnumLiteral(property.enumType, value);
    if (property?.edmType === "Edm.Guid" || property?.edmType === "Edm.Date" || property?.edmType === "Edm.DateTimeOffset") return value;
    return `'${value.replace(/'/g, "''")}'`;
  }
  if (value instanceof JsonNumber) return value.text;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "null";
}

/**
 * The OData V4 profile (Dynamics 365 finance and operations apps):
 * `value` collections with `@odata.context`, `@odata.count` and
 * `@odata.nextLink`; expanded collections as bare arrays; link and context
 * annotations as transport, every other annotation (`@odata.etag`,
 * `Nav@odata.count`) kept and written back; the ETag in `@odata.etag`;
 * decimals and integers as JSON numbers, ISO 8601 dates, enum member names;
 * unset properties left out of fresh writes (D365 fills its defaults).
 *
 * @example
 * ```ts
 * import { odataV4Profile } from "@mfgsync/mapping";
 * odataV4Profile.classifyKey("@odata.etag", 'W/"1"'); // "annotation"
 * odataV4Profile.classifyKey("@odata.context", "$metadata#X"); // "transport"
 * ```
 */
export const odataV4Profile: WireProfile = {
  name: "odata-v4",
  title: "OData V4 (JSON)",
  defaultCollectionForm: "array",
  classifyKey: classify,
  isDeferred: () => false,
  readCollection(value): CollectionRead {
    if (value === undefined) return { kind: "absent" };
    if (value === null) return { kind: "null" };
    if (Array.isArray(value)) return { kind: "rows", rows: value, pointer: "", shape: { form: "array" } };
    return { kind: "invalid", message: "must be an expanded collection (a JSON array)" };
  },
  writeCollection(rows) {
    return rows;
  },
  etagKey: "@odata.etag",
  etagOf(record) {
    const etag = record["@odata.etag"];
    return typeof etag === "string" ? etag : undefined;
  },
  unwrap: unwrapODataV4,
  declaredEntity(record, envelope) {
    const context = (isRecord(envelope) ? envelope["@odata.context"] : undefined) ?? record["@odata.context"];
    if (typeof context !== "string") return undefined;
    const m = /#([A-Za-z_][A-Za-z0-9_]*)/.exec(context);
    return m?.[1];
  },
  emptyValue() {
    return OMIT;
  },
  compileCheck: (property) => compileJsonCheck(property, { protocol: "OData V4" }),
  stripTransport(value) {
    const copied = copyJson(value, 200, { drop: dropTransport, keepNumbers: true });
    return copied.ok ? copied.value : value;
  },
  mutations: ["", "Yes", "No", "True", null, 0, -1, 12.5, new JsonNumber("12.30"), new JsonNumber("9007199254740993"), "64,5", "1900-01-01T00:00:00Z", "2026-13-01T00:00:00Z", "2026-03-02", "Released", "Ended", "USMF", true, false, "__proto__"],
  formatKey(entitySet, key, catalog?: CatalogEntityInfo) {
    const props = new Map((catalog?.properties ?? []).map((p) => [p.name, p]));
    const entries = Object.entries(key);
    if (entries.length === 1) return `${entitySet}(${odataV4Literal(entries[0]?.[1], props.get(entries[0]?.[0] ?? ""))})`;
    return `${entitySet}(${entries.map(([k, v]) => `${k}=${odataV4Literal(v, props.get(k))}`).join(",")})`;
  },
};
