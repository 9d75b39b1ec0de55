import type { Issue } from "@mfgsync/canonical";
import type { MapResult, Mapper, MappingContext } from "@mfgsync/mapping";

/**
 * Outcome of reading a whole OData V2 payload: one result per entity (each
 * with issue paths into the whole payload, e.g. `/d/results/3/TotalQuantity`),
 * or the issues that stopped the payload from being read at all (not JSON, an
 * OData error response, no entity).
 *
 * @example
 * ```ts
 * import type { WireResult } from "@mfgsync/mappers-sap";
 * function count(result: WireResult<unknown>) {
 *   return result.ok ? result.results.filter((r) => r.ok).length : 0;
 * }
 * ```
 */
export type WireResult<C> =
  | { readonly ok: true; readonly collection: boolean; readonly results: readonly MapResult<C>[] }
  | { readonly ok: false; readonly issues: readonly [Issue, ...Issue[]] };

/**
 * The entities of an OData V2 payload with their JSON Pointers.
 *
 * @example
 * ```ts
 * import type { UnwrappedPayload } from "@mfgsync/mappers-sap";
 * ```
 */
export type UnwrappedPayload =
  | { readonly ok: true; readonly collection: boolean; readonly entities: readonly { readonly value: unknown; readonly path: string }[] }
  | { readonly ok: false; readonly issues: readonly [Issue, ...Issue[]] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

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

/**
 * Finds the entities in an SAP OData V2 payload: `{"d":{"results":[...]}}`
 * (collection), `{"d":{...}}` (one entity), a bare entity, a bare array or
 * `{"results":[...]}`. JSON text is parsed first. Never throws.
 *
 * @example
 * ```ts
 * import { unwrapODataV2 } from "@mfgsync/mappers-sap";
 * const r = unwrapODataV2('{"d":{"results":[{"ManufacturingOrder":"1000000"}]}}');
 * if (r.ok) r.entities[0]?.path; // "/d/results/0"
 * ```
 */
export function unwrapODataV2(payload: unknown): UnwrappedPayload {
  let data = payload;
  if (typeof payload === "string") {
    try {
      data = JSON.parse(payload);
    } catch (error) {
      return fail("", "json.invalid", `the payload is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const list = (items: readonly unknown[], base: string): UnwrappedPayload => ({ ok: true, collection: true, entities: items.map((value, i) => ({ value, path: `${base}/${i}` })) });
  if (Array.isArray(data)) return list(data, "");
  if (!isRecord(data)) return fail("", "type.invalid", "an OData V2 payload is a JSON object");
  if ("error" in data && Object.keys(data).length === 1) return fail("/error", "odata.error", errorMessage(data["error"]));
  if ("d" in data) {
    const d = data["d"];
    if (isRecord(d) && Array.isArray(d["results"])) return list(d["results"] as unknown[], "/d/results");
    if (Array.isArray(d)) return list(d, "/d");
    if (isRecord(d)) return { ok: true, collection: false, entities: [{ value: d, path: "/d" }] };
    return fail("/d", "type.invalid", "d must be an entity or { results: [...] }");
  }
  if (Array.isArray(data["results"]) && Object.keys(data).every((k) => k === "results" || k === "__count" || k === "__next")) return list(data["results"] as unknown[], "/results");
  return { ok: true, collection: false, entities: [{ value: data, path: "" }] };
}

/**
 * An SAP mapper: the compiled mapper plus `decodeWire`, which reads SAP's
 * OData V2 payloads as they come off the wire.
 *
 * @example
 * ```ts
 * import { sapMappers } from "@mfgsync/mappers-sap";
 * const result = sapMappers.productionOrder.decodeWire('{"d":{"ManufacturingOrder":"1"}}');
 * ```
 */
export interface SapMapper<V, C> extends Mapper<V, C> {
  /** SAP entity set of the root entity. */
  readonly entitySet: string;
  /** Reads an OData V2 payload (text or parsed): envelope, collection or bare entity. One result per entity. */
  decodeWire(payload: unknown, context?: MappingContext, options?: { readonly validate?: boolean }): WireResult<C>;
}

/** Adds `decodeWire` to a compiled mapper. Internal. */
export function withWire<V, C>(mapper: Mapper<V, C>, entitySet: string): SapMapper<V, C> {
  return {
    declaration: mapper.declaration,
    entitySet,
    decode: mapper.decode,
    encode: mapper.encode,
    decodeWire(payload, context, options) {
      const unwrapped = unwrapODataV2(payload);
      if (!unwrapped.ok) return unwrapped;
      const results = unwrapped.entities.map(({ value, path }) => mapper.decode(value, context, { basePath: path, validate: options?.validate === true }));
      return { ok: true, collection: unwrapped.collection, results };
    },
  };
}
