import type { CatalogEntityInfo } from "../catalog.js";
import { OMIT } from "../converter.js";
import { copyJson, encodeUriPart, isRecord } from "../json/json.js";
import { JsonNumber } from "../json/number.js";
import { payloadJson } from "../json/wire-json.js";
import { compileJsonCheck } from "./checks-json.js";
import type { CollectionRead, CollectionShape, KeyClass, PagingInfo, UnwrappedPayload, WireProfile } from "./profile.js";

/** Keys of the ADF REST collection envelope besides `items`. */
const ENVELOPE_KEYS = new Set(["items", "count", "hasMore", "limit", "offset", "totalResults", "links"]);

/** Oracle's `links` arrays (self, canonical, child and LOV links) are transport. */
function isLinks(key: string, value: unknown): boolean {
  return key === "links" && Array.isArray(value);
}

function fail(path: string, code: string, message: string): UnwrappedPayload {
  return { ok: false, issues: [{ path, code, message }] };
}

function numberOf(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (value instanceof JsonNumber) return Number(value.text);
  return undefined;
}

function isCollection(value: Readonly<Record<string, unknown>>): boolean {
  return Array.isArray(value["items"]) && Object.keys(value).every((k) => ENVELOPE_KEYS.has(k));
}

function paging(container: Readonly<Record<string, unknown>>): PagingInfo {
  const hasMore = container["hasMore"];
  const count = numberOf(container["totalResults"]) ?? numberOf(container["count"]);
  const offset = numberOf(container["offset"]), limit = numberOf(container["limit"]);
  return {
    ...(typeof hasMore === "boolean" ? { hasMore } : {}), ...(count !== undefined ? { count } : {}),
    ...(offset !== undefined ? { offset } : {}), ...(limit !== undefined ? { limit } : {}),
  };
}

/**
 * Finds the items of an Oracle Fusion REST payload: the collection envelope
 * `{ "items": [...], "count", "hasMore", "limit", "offset", "links" }`, a
 * single item (no envelope, as `GET /resource/{key}` returns it) or a plain
 * array. JSON text is parsed first (duplicate keys refused, numbers exact).
 * An error body with `title` and `o:errorDetails` is one issue; that shape
 * is taken from the framework documentation and is [inferred]. Never throws.
 *
 * @example
 * ```ts
 * import { unwrapOracleRest } from "@mfgsync/mapping";
 * const r = unwrapOracleRest('{"items":[{"WorkOrderNumber":"WO-1"}],"count":1,"hasMore":false,"limit":25,"offset":0}');
 * if (r.ok) r.entities[0]?.path; // "/items/0"
 * ```
 */
export function unwrapOracleRest(payload: unknown): UnwrappedPayload {
  const parsed = payloadJson(payload);
  if (!parsed.ok) return parsed;
  const data = parsed.value;
  if (Array.isArray(data)) return { ok: true, collection: true, entities: data.map((value, i) => ({ value, path: `/${i}` })) };
  if (!isRecord(data)) return fail("", "type.invalid", "an Oracle REST payload is a JSON object");
  if (typeof data["title"] === "string" && (Array.isArray(data["o:errorDetails"]) || typeof data["status"] === "string")) {
    const details = Array.isArray(data["o:errorDetails"]) ? (data["o:errorDetails"] as unknown[]).map((d) => (isRecord(d) && typeof d["detail"] === "string" ? d["detail"] : "")).filter(Boolean).join("; ") : "";
    return fail("", "rest.error", `the service returned an error: ${data["title"]}${details ? `: ${details}` : ""}`);
  }
  if (isCollection(data)) return { ok: true, collection: true, entities: (data["items"] as unknown[]).map((value, i) => ({ value, path: `/items/${i}` })), paging: paging(data) };
  return { ok: true, collection: false, entities: [{ value: data, path: "" }] };
}

/**
 * The Oracle REST profile (Oracle Fusion Cloud SCM, ADF REST framework):
 * `items` collections with `count`, `hasMore`, `limit` and `offset`;
 * expanded children as bare arrays (framework versions 1 and 2) or as
 * collection objects (version 3 and later), each written back in the shape
 * it was read; `links` arrays as transport; quantities and ids as JSON
 * numbers, `YYYY-MM-DD` dates and ISO 8601 instants, `…Flag` attributes as
 * JSON booleans; `null` for every unset attribute (read-only attributes are
 * left out of fresh writes).
 *
 * @example
 * ```ts
 * import { oracleRestProfile } from "@mfgsync/mapping";
 * const read = oracleRestProfile.readCollection({ items: [], count: 0, hasMore: false, limit: 25, offset: 0, links: [] });
 * // { kind: "rows", rows: [], pointer: "/items", shape: { form: "items", extra: { count: 0, hasMore: false, limit: 25, offset: 0 } } }
 * ```
 */
export const oracleRestProfile: WireProfile = {
  name: "oracle-rest",
  title: "Oracle REST (ADF REST framework)",
  defaultCollectionForm: "array",
  classifyKey(key, value): KeyClass {
    if (isLinks(key, value)) return "transport";
    return key.charCodeAt(0) === 64 ? "annotation" : "data";
  },
  isDeferred: () => false,
  readCollection(value): CollectionRead {
    if (value === undefined) return { kind: "absent" };
    if (value === null) return { kind: "null" };
    if (Array.isArray(value)) return { kind: "rows", rows: value, pointer: "", shape: { form: "array" } };
    if (isRecord(value) && Array.isArray(value["items"])) {
      const rows = value["items"] as unknown[];
      // `count` is the number of rows in the page (framework docs): written back as the rows written, so a
      // count that is not the rows' number could not come back as read.
      const count = value["count"];
      if (count !== undefined && numberOf(count) !== rows.length) return { kind: "invalid", message: `count (${count instanceof JsonNumber ? count.text.slice(0, 40) : typeof count === "number" ? String(count) : `a ${count === null ? "null" : typeof count}`}) must be the number of items (${rows.length})` };
      let extra: Record<string, unknown> | undefined;
      for (const key of Object.keys(value)) {
        const v = value[key];
        // The envelope's paging facts are plain scalars (integers as the framework writes them, 25 not 25.0):
        // rows, objects or numbers a double cannot give back beside the rows are not a collection the framework sends.
        if (key !== "items" && !isLinks(key, v) && typeof v === "object" && v !== null) {
          const what = v instanceof JsonNumber ? `the number ${v.text.slice(0, 40)}` : Array.isArray(v) ? "an array" : "an object";
          return { kind: "invalid", message: `has ${what} as its ${key.slice(0, 40)} beside the items (the collection's paging facts are plain numbers and booleans)` };
        }
      }
      for (const key of Object.keys(value)) if (key !== "items" && !isLinks(key, value[key])) Object.defineProperty((extra ??= {}), key, { value: value[key], enumerable: true, writable: true, configurable: true });
      return { kind: "rows", rows, pointer: "/items", shape: extra ? { form: "items", extra } : { form: "items" } };
    }
    return { kind: "invalid", message: 'must be an expanded child collection (a JSON array or { "items": [...] })' };
  },
  writeCollection(rows, shape: CollectionShape | undefined) {
    if (shape?.form !== "items") return rows;
    const extra: Record<string, unknown> = {};
    // Only scalar paging facts are read (decode refuses others), so only those are written.
    for (const [k, v] of Object.entries(shape.extra ?? {})) {
      if (typeof v !== "object" || v === null) Object.defineProperty(extra, k, { value: v, enumerable: true, writable: true, configurable: true });
    }
    // The page count follows the rows actually written (as read while it is their number); the other paging facts stay as read.
    return { items: rows, ...extra, ...(extra["count"] !== undefined && numberOf(extra["count"]) !== rows.length ? { count: rows.length } : {}) };
  },
  etagOf: () => undefined,
  unwrap: unwrapOracleRest,
  declaredEntity(record) {
    const links = record["links"];
    if (!Array.isArray(links)) return undefined;
    for (const link of links) {
      if (!isRecord(link) || link["rel"] !== "self" || typeof link["href"] !== "string") continue;
      const m = /\/(?:child\/)?([A-Za-z][A-Za-z0-9_]*)\/[^/]+\/?$/.exec(link["href"].split("?")[0] ?? "");
      if (m) return m[1];
    }
    return undefined;
  },
  emptyValue(property) {
    return property?.readOnly === true ? OMIT : null;
  },
  compileCheck: (property) => compileJsonCheck(property, { protocol: "Oracle REST" }),
  stripTransport(value) {
    const copied = copyJson(value, 200, { drop: isLinks, keepNumbers: true });
    return copied.ok ? copied.value : value;
  },
  mutations: [null, "", true, false, "Y", "N", "true", 0, -1, 12.5, new JsonNumber("480.50"), "480,5", "480.5", new JsonNumber("9007199254740993"), 300100111016254, "2026-12-03T19:30:00-06:00", "2026-12-03", "2026-02-30", "ORA_RELEASED", "__proto__"],
  formatKey(entitySet, key, catalog?: CatalogEntityInfo) {
    const entries = Object.entries(key);
    const only = entries[0];
    if (entries.length === 1 && only !== undefined) return `${entitySet}/${encodeUriPart(only[1] instanceof JsonNumber ? only[1].text : String(only[1]))}`;
    // Composite and hash keys (…UniqID) are never built by hand: find the item with a q= filter instead.
    void catalog;
    const q = entries.map(([k, v]) => `${k}=${typeof v === "string" ? `'${v.replace(/'/g, "''")}'` : v instanceof JsonNumber ? v.text : String(v)}`).join(" and ");
    return `${entitySet}?q=${encodeUriPart(q)}`;
  },
};
