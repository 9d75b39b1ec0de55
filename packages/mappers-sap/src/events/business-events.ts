import type { Identifier, Issue, ObjectName } from "@mfgsync/canonical";
import type { MapResult, MappingContext } from "@mfgsync/mapping";
import { resolveContext } from "@mfgsync/mapping";
import { SAP_CONTEXT_DEFAULTS } from "../context.js";
import type { WireResult } from "@mfgsync/mapping";
import { parseWireJson } from "@mfgsync/mapping";

/**
 * What an SAP business event says: which canonical object changed and how to
 * read it. SAP events carry only keys (notify-then-read): read `read.path`
 * from `read.service` and map the payload with the mapper for `object`.
 *
 * @example
 * ```ts
 * import type { ObjectReference } from "@mfgsync/mappers-sap";
 * const next = (ref: ObjectReference) => `GET /sap/opu/odata/sap/${ref.read.service}${ref.read.path}`;
 * ```
 */
export interface ObjectReference {
  /** The canonical object the event is about. */
  readonly object: ObjectName;
  /** The object's identifier (context scheme and issuer). */
  readonly id: Identifier;
  /** What happened, as far as the event type says. */
  readonly change: "created" | "changed" | "cancelled" | "other";
  /** The SAP event type as sent, e.g. `sap.s4.beh.productionorder.v1.ProductionOrder.Changed.v1`. */
  readonly eventType: string;
  /** CloudEvents context attributes of the SAP event, for tracing and de-duplication. */
  readonly event: { readonly id: string; readonly source: string; readonly time?: string; readonly subject?: string };
  /** How to read the object's current state. */
  readonly read: {
    /** OData V2 service. */
    readonly service: string;
    /** Entity set. */
    readonly entitySet: string;
    /** Key properties and values. */
    readonly key: Readonly<Record<string, string>>;
    /** Resource path with key and `$expand`, relative to the service root. */
    readonly path: string;
    /** Entity sets the mapper also needs, which the lot does not navigate to (inspection lots). */
    readonly alsoRead?: readonly string[];
  };
}

interface Target {
  readonly object: ObjectName;
  readonly service: string;
  readonly entitySet: string;
  readonly keys: readonly (readonly [name: string, maxLength: number])[];
  readonly id: string;
  readonly expand: readonly string[];
  readonly alsoRead?: readonly string[];
}

/**
 * SAP business object of each event namespace. Production order and its
 * Created/Changed events are [SEEN] in the stored event spec; inspection lot
 * and product events are [SEEN-ref]; batch events are [INFERRED].
 */
const TARGETS: Readonly<Record<string, Target>> = {
  "productionorder.ProductionOrder": {
    object: "production-order", service: "API_PRODUCTION_ORDER_2_SRV", entitySet: "A_ProductionOrder_2", keys: [["ManufacturingOrder", 12]], id: "ManufacturingOrder",
    expand: ["to_ProductionOrderOperation", "to_ProductionOrderComponent", "to_ProductionOrderStatus"],
  },
  "inspectionlot.InspectionLot": {
    object: "inspection", service: "API_INSPECTIONLOT_SRV", entitySet: "A_InspectionLot", keys: [["InspectionLot", 12]], id: "InspectionLot",
    expand: ["to_InspectionLotWithStatus"], alsoRead: ["A_InspectionCharacteristic", "A_InspectionResult", "A_InspLotUsageDecision"],
  },
  "product.Product": {
    object: "material", service: "API_PRODUCT_SRV", entitySet: "A_Product", keys: [["Product", 40]], id: "Product",
    expand: ["to_Description", "to_Plant", "to_ProductUnitsOfMeasure"],
  },
  "batch.Batch": {
    object: "lot", service: "API_BATCH_SRV", entitySet: "Batch", keys: [["Material", 40], ["BatchIdentifyingPlant", 4], ["Batch", 10]], id: "Batch", expand: [],
  },
};

const TYPE = /^sap\.s4\.beh\.([a-z]+)\.v1\.([A-Za-z]+)\.([A-Za-z]+)\.v\d+$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A lone UTF-16 surrogate: no URI (and no SAP key) can hold it, and `encodeURIComponent` throws on it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function literal(value: string): string {
  return encodeURIComponent(`'${value.replace(/'/g, "''")}'`);
}

function changeOf(verb: string): ObjectReference["change"] {
  if (verb === "Created") return "created";
  if (verb === "Changed") return "changed";
  if (verb === "Canceled" || verb === "Cancelled" || verb === "Deleted") return "cancelled";
  return "other";
}

/**
 * Reads one SAP business event (CloudEvents 1.0, JSON) into an
 * {@link ObjectReference}. Never throws; unknown event types are issues.
 *
 * @example
 * ```ts
 * import { decodeBusinessEvent } from "@mfgsync/mappers-sap";
 * const r = decodeBusinessEvent({
 *   specversion: "1.0", id: "a1", source: "/default/sap.s4.beh/S4P", type: "sap.s4.beh.productionorder.v1.ProductionOrder.Changed.v1",
 *   data: { ManufacturingOrder: "1000000" },
 * });
 * if (r.ok) r.value.read.path; // "/A_ProductionOrder_2('1000000')?$expand=..."
 * ```
 */
export function decodeBusinessEvent(input: unknown, context?: MappingContext, basePath = ""): MapResult<ObjectReference> {
  const resolved = resolveContext(context, SAP_CONTEXT_DEFAULTS);
  if (!resolved.ok) return { ok: false, issues: resolved.issues, warnings: [] };
  const issues: Issue[] = [];
  const fail = (path: string, code: string, message: string) => issues.push({ path: basePath + path, code, message });
  if (!isRecord(input)) return { ok: false, issues: [{ path: basePath, code: "type.invalid", message: "a CloudEvent is a JSON object" }], warnings: [] };
  for (const attr of ["id", "source", "type", "specversion"]) {
    if (typeof input[attr] !== "string" || input[attr] === "") fail(`/${attr}`, "field.required", `the CloudEvents attribute ${attr} is required`);
  }
  if (typeof input["specversion"] === "string" && input["specversion"] !== "1.0") fail("/specversion", "value.invalid", `CloudEvents ${input["specversion"]} is not supported (1.0 is)`);
  for (const attr of ["time", "subject"]) if (input[attr] !== undefined && typeof input[attr] !== "string") fail(`/${attr}`, "type.invalid", `${attr} must be a string`);
  const type = typeof input["type"] === "string" ? input["type"] : "";
  const m = TYPE.exec(type);
  const target = m ? TARGETS[`${m[1]}.${m[2]}`] : undefined;
  if (type !== "" && target === undefined) fail("/type", "event.unsupported", `SAP event type ${type} is not mapped (supported: production order, inspection lot, product and batch events)`);
  const data = input["data"];
  if (!isRecord(data)) fail("/data", "type.invalid", "the event's data must be an object with the object's keys");
  const key: Record<string, string> = {};
  if (target && isRecord(data)) {
    for (const [name, max] of target.keys) {
      const value = data[name];
      const emptyAllowed = name === "BatchIdentifyingPlant";
      if (typeof value !== "string" || (value === "" && !emptyAllowed)) fail(`/data/${name}`, "field.required", `the event names no ${name}`);
      else if (value.length > max) fail(`/data/${name}`, "value.too-big", `${name} is longer than ${max} characters`);
      else if (LONE_SURROGATE.test(value)) fail(`/data/${name}`, "value.invalid", `${name} holds a lone UTF-16 surrogate, which no resource path can hold`);
      else key[name] = value;
    }
  }
  if (issues.length > 0 || !target || !m) return { ok: false, issues: issues as unknown as [Issue, ...Issue[]], warnings: [] };
  const keyText = target.keys.length === 1 ? literal(key[target.id] ?? "") : target.keys.map(([name]) => `${name}=${literal(key[name] ?? "")}`).join(",");
  const ctx = resolved.value;
  const idValue = key[target.id] ?? "";
  return {
    ok: true,
    warnings: [],
    value: {
      object: target.object,
      id: ctx.issuer === undefined ? { value: idValue, scheme: ctx.scheme } : { value: idValue, scheme: ctx.scheme, issuer: ctx.issuer },
      change: changeOf(m[3] ?? ""),
      eventType: type,
      event: {
        id: input["id"] as string, source: input["source"] as string,
        ...(typeof input["time"] === "string" ? { time: input["time"] } : {}),
        ...(typeof input["subject"] === "string" ? { subject: input["subject"] } : {}),
      },
      read: {
        service: target.service, entitySet: target.entitySet, key,
        path: `/${target.entitySet}(${keyText})${target.expand.length > 0 ? `?$expand=${target.expand.join(",")}` : ""}`,
        ...(target.alsoRead ? { alsoRead: target.alsoRead } : {}),
      },
    },
  };
}

/**
 * Reads SAP business events: one event, a JSON array of events (CloudEvents
 * batch mode), or their JSON text. One result per event.
 *
 * @example
 * ```ts
 * import { decodeBusinessEvents } from "@mfgsync/mappers-sap";
 * const r = decodeBusinessEvents("[]");
 * if (r.ok) r.results.length; // 0
 * ```
 */
export function decodeBusinessEvents(payload: unknown, context?: MappingContext): WireResult<ObjectReference> {
  let data = payload;
  if (typeof payload === "string") {
    // The core's wire parser: duplicate keys are refused naming the key, as in every decodeWire.
    const parsed = parseWireJson(payload);
    if (!parsed.ok) return { ok: false, issues: parsed.issues };
    data = parsed.value;
  }
  if (Array.isArray(data)) return { ok: true, collection: true, results: data.map((event, i) => decodeBusinessEvent(event, context, `/${i}`)) };
  return { ok: true, collection: false, results: [decodeBusinessEvent(data, context)] };
}
