import * as z from "zod";
import { SCHEMA_VERSION } from "../primitives/header.js";
import { Timestamp } from "../primitives/time.js";
import { ISSUE_CODES } from "../result.js";
import {
  InspectionDecisionMadeData, InspectionRequestedData, InspectionResultRecordedData, LotCreatedData, LotDispositionChangedData,
  LotShippedData, MaterialMovementData, NonconformanceEventData, OperationEventData, OrderEventData, ProductionConfirmedData,
} from "./data.js";
import { ConfirmationReversedData, OrderAcknowledgementData, OrderStateChangedData, ReworkDeclaredData, ScrapDeclaredData } from "./execution-data.js";

/**
 * Base of every JSON Schema `$id` this package publishes; carries the major schema version.
 *
 * @example
 * ```ts
 * import { SCHEMA_BASE_URI } from "@mfgsync/canonical";
 * SCHEMA_BASE_URI; // "https://mfgsync.dev/schemas/v1/"
 * ```
 */
export const SCHEMA_BASE_URI = `https://mfgsync.dev/schemas/v${SCHEMA_VERSION.split(".")[0]}/`;

/**
 * Reverse-DNS prefix of every canonical event type.
 *
 * @example
 * ```ts
 * import { EVENT_TYPE_PREFIX } from "@mfgsync/canonical";
 * "dev.mfgsync.lot.shipped.v1".startsWith(EVENT_TYPE_PREFIX); // true
 * ```
 */
export const EVENT_TYPE_PREFIX = "dev.mfgsync.";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Pattern of a CloudEvents attribute name, extension attributes included:
 * lower-case ASCII letters and digits, at most 20 characters (CloudEvents 1.0
 * requires the characters and recommends the length; mfgsync requires both,
 * so that every attribute also survives transports with short header names).
 *
 * @example
 * ```ts
 * import { CLOUDEVENTS_ATTRIBUTE_NAME } from "@mfgsync/canonical";
 * CLOUDEVENTS_ATTRIBUTE_NAME.test("knativearrivaltime"); // true
 * CLOUDEVENTS_ATTRIBUTE_NAME.test("my-extension"); // false
 * ```
 */
export const CLOUDEVENTS_ATTRIBUTE_NAME = /^[a-z0-9]{1,20}$/;

/**
 * The value of a CloudEvents extension attribute in the JSON format: a string
 * (also for the URI, URI-reference, timestamp and binary types), a 32-bit
 * integer or a boolean. Objects, arrays and null are not CloudEvents values.
 *
 * @example
 * ```ts
 * import { ExtensionAttributeValue } from "@mfgsync/canonical";
 * ExtensionAttributeValue.parse("2026-03-02T06:31:00Z");
 * ```
 */
export const ExtensionAttributeValue = z.union([z.string().max(4096), z.int().min(-2147483648).max(2147483647), z.boolean()]);
/** An {@link ExtensionAttributeValue} value. @example `const v: ExtensionAttributeValue = 42;` */
export type ExtensionAttributeValue = z.infer<typeof ExtensionAttributeValue>;

function checkAttributeNames(value: Record<string, unknown>, ctx: z.RefinementCtx): void {
  for (const key of Object.keys(value)) {
    if (CLOUDEVENTS_ATTRIBUTE_NAME.test(key)) continue;
    ctx.addIssue({
      code: "custom", path: [key], input: key, params: { code: ISSUE_CODES.invalidAttributeName },
      message: `"${key}" is not a valid CloudEvents attribute name: extension attributes are lower-case letters and digits, at most 20 characters`,
    });
  }
}

function envelope<const T extends string, D extends z.ZodType>(name: string, type: T, data: D, description: string) {
  return z.strictObject({
    /** CloudEvents version; always `"1.0"`. */
    specversion: z.literal("1.0"),
    /** The idempotency key: UUID v5 over source, event type, subject (with its scope) and revision or sequence (see {@link idempotencyKey}). */
    id: z.string().regex(UUID, { error: "id must be a lower-case UUID" }),
    /** URI-reference of the emitting system instance, e.g. `urn:mfgsync:sap-s4hana:S4P-100`. */
    source: z.string().min(1).max(2048),
    /** Reverse-DNS, versioned event type. */
    type: z.literal(type),
    /** Business key of the object the event is about (order number, lot number). */
    subject: z.string().min(1).max(1024),
    /** When the fact happened in the source (RFC 3339). */
    time: Timestamp,
    /** Always JSON; optional as in CloudEvents, read as `application/json` when absent. */
    datacontenttype: z.literal("application/json").default("application/json"),
    /** JSON Schema of this event. */
    dataschema: z.literal(`${SCHEMA_BASE_URI}${name}.schema.json`),
    /** Groups events of one business transaction across systems. */
    correlationid: z.string().min(1).max(255),
    /** The `id` of the event that caused this one (a release acknowledged, a decision that released a lot). Since 1.1. */
    causationid: z.string().min(1).max(255).optional(),
    /** Position of the event among events with the same subject and source: decimal integer from 1, compared numerically (CloudEvents `sequence` extension). */
    sequence: z.string().regex(/^[1-9]\d{0,18}$/, { error: "sequence must be a positive decimal integer string" }),
    /** Partition key for ordered transports; defaults to the subject (CloudEvents `partitionkey` extension). */
    partitionkey: z.string().min(1).max(1024).optional(),
    /** W3C trace context (CloudEvents distributed tracing extension). */
    traceparent: z.string().max(55).optional(),
    /** The event payload. */
    data,
  })
    // Other CloudEvents extension attributes (tracestate, a broker's knativearrivaltime, ...) are accepted and kept.
    .catchall(ExtensionAttributeValue)
    .superRefine(checkAttributeNames, { when: (payload) => payload.value !== null && typeof payload.value === "object" })
    .meta({ id: name, title: type, description, propertyNames: { pattern: CLOUDEVENTS_ATTRIBUTE_NAME.source } });
}

/**
 * The canonical event definitions, by schema name: type, data schema, the
 * object kind it is about, and where in `data` the subject's identifier is
 * (its scope goes into the idempotency key). Internal source of truth for the
 * event catalog.
 */
export const EVENT_DEFINITIONS = {
  "production-order-released": { type: "dev.mfgsync.productionorder.released.v1", data: OrderEventData, about: "production-order", subject: ["order", "id"], description: "A production order was released to the shop floor." },
  "production-order-changed": { type: "dev.mfgsync.productionorder.changed.v1", data: OrderEventData, about: "production-order", subject: ["order", "id"], description: "A production order changed (dates, quantities, state, operations or components)." },
  "production-order-acknowledged": { type: "dev.mfgsync.productionorder.acknowledged.v1", data: OrderAcknowledgementData, about: "production-order", subject: ["order"], description: "The system an order was released to (an MES) accepted it. Since 1.1." },
  "production-order-rejected": { type: "dev.mfgsync.productionorder.rejected.v1", data: OrderAcknowledgementData, about: "production-order", subject: ["order"], description: "The system an order was released to (an MES) refused it, with the reason. Since 1.1." },
  "production-order-held": { type: "dev.mfgsync.productionorder.held.v1", data: OrderStateChangedData, about: "production-order", subject: ["order"], description: "A production order was put on hold. Since 1.1." },
  "production-order-resumed": { type: "dev.mfgsync.productionorder.resumed.v1", data: OrderStateChangedData, about: "production-order", subject: ["order"], description: "A held production order was resumed. Since 1.1." },
  "production-order-completed": { type: "dev.mfgsync.productionorder.completed.v1", data: OrderStateChangedData, about: "production-order", subject: ["order"], description: "A production order was completed (delivered, reported as finished). Since 1.1." },
  "production-order-closed": { type: "dev.mfgsync.productionorder.closed.v1", data: OrderStateChangedData, about: "production-order", subject: ["order"], description: "A production order was closed (technically completed, ended). Since 1.1." },
  "operation-started": { type: "dev.mfgsync.operation.started.v1", data: OperationEventData, about: "production-order", subject: ["order"], description: "Work started on an operation." },
  "operation-paused": { type: "dev.mfgsync.operation.paused.v1", data: OperationEventData, about: "production-order", subject: ["order"], description: "Work on an operation was paused." },
  "operation-resumed": { type: "dev.mfgsync.operation.resumed.v1", data: OperationEventData, about: "production-order", subject: ["order"], description: "Work on a paused operation was resumed. Since 1.1." },
  "operation-completed": { type: "dev.mfgsync.operation.completed.v1", data: OperationEventData, about: "production-order", subject: ["order"], description: "An operation was completed." },
  "production-confirmed": { type: "dev.mfgsync.production.confirmed.v1", data: ProductionConfirmedData, about: "production-order", subject: ["order"], description: "Yield, scrap and rework were confirmed for an order or operation." },
  "production-confirmation-reversed": { type: "dev.mfgsync.production.confirmationreversed.v1", data: ConfirmationReversedData, about: "production-order", subject: ["order"], description: "A confirmation was reversed (cancelled); the data names the confirmation it reverses. Since 1.1." },
  "scrap-declared": { type: "dev.mfgsync.scrap.declared.v1", data: ScrapDeclaredData, about: "production-order", subject: ["order"], description: "A quantity was scrapped at an operation, with a reason code. Since 1.1." },
  "rework-declared": { type: "dev.mfgsync.rework.declared.v1", data: ReworkDeclaredData, about: "production-order", subject: ["order"], description: "A quantity went to rework, linked to the operation it repeats. Since 1.1." },
  "material-consumed": { type: "dev.mfgsync.material.consumed.v1", data: MaterialMovementData, about: "production-order", subject: ["order"], description: "Material (a lot) was consumed by an order: the parent side of genealogy." },
  "material-produced": { type: "dev.mfgsync.material.produced.v1", data: MaterialMovementData, about: "production-order", subject: ["order"], description: "Material (a lot) was produced by an order: the child side of genealogy." },
  "lot-created": { type: "dev.mfgsync.lot.created.v1", data: LotCreatedData, about: "lot", subject: ["lot", "id"], description: "A lot or batch was created." },
  "lot-disposition-changed": { type: "dev.mfgsync.lot.dispositionchanged.v1", data: LotDispositionChangedData, about: "lot", subject: ["lot"], description: "A lot was put on hold, released or rejected (disposition, quality status and holds)." },
  "lot-shipped": { type: "dev.mfgsync.lot.shipped.v1", data: LotShippedData, about: "lot", subject: ["lot"], description: "A lot, or part of it, was shipped (goods issue for a delivery). Since 1.1." },
  "inspection-requested": { type: "dev.mfgsync.inspection.requested.v1", data: InspectionRequestedData, about: "inspection", subject: ["inspection", "id"], description: "An inspection was requested (inspection lot or quality order created)." },
  "inspection-result-recorded": { type: "dev.mfgsync.inspection.resultrecorded.v1", data: InspectionResultRecordedData, about: "inspection", subject: ["inspection"], description: "Results were recorded for inspection characteristics." },
  "inspection-decision-made": { type: "dev.mfgsync.inspection.decisionmade.v1", data: InspectionDecisionMadeData, about: "inspection", subject: ["inspection"], description: "An inspection's overall decision (usage decision) was made." },
  "nonconformance-raised": { type: "dev.mfgsync.nonconformance.raised.v1", data: NonconformanceEventData, about: "nonconformance", subject: ["nonconformance", "id"], description: "A nonconformance was raised." },
  "nonconformance-updated": { type: "dev.mfgsync.nonconformance.updated.v1", data: NonconformanceEventData, about: "nonconformance", subject: ["nonconformance", "id"], description: "A nonconformance changed." },
  "nonconformance-closed": { type: "dev.mfgsync.nonconformance.closed.v1", data: NonconformanceEventData, about: "nonconformance", subject: ["nonconformance", "id"], description: "A nonconformance was closed." },
} as const;

type Definitions = typeof EVENT_DEFINITIONS;
/**
 * Name of a canonical event schema, e.g. `lot-disposition-changed`.
 *
 * @example
 * ```ts
 * import type { EventName } from "@mfgsync/canonical";
 * const name: EventName = "production-confirmed";
 * ```
 */
export type EventName = keyof Definitions;

// A class method gives TypeScript a generic signature to take ReturnType of per event.
class EnvelopeFactory<T extends string, D extends z.ZodType> {
  make = (name: string, type: T, data: D) => envelope(name, type, data, "");
}
type EnvelopeSchemas = { [K in EventName]: ReturnType<EnvelopeFactory<Definitions[K]["type"], Definitions[K]["data"]>["make"]> };

function buildEnvelopes(): EnvelopeSchemas {
  const out: Record<string, z.ZodType> = {};
  for (const [name, def] of Object.entries(EVENT_DEFINITIONS)) out[name] = envelope(name, def.type, def.data, def.description);
  return out as EnvelopeSchemas;
}

/**
 * The CloudEvents 1.0 envelope schema of every canonical event, by name.
 *
 * @example
 * ```ts
 * import { EventSchemas } from "@mfgsync/canonical";
 * const result = EventSchemas["lot-disposition-changed"].safeParse(JSON.parse("{}"));
 * ```
 */
export const EventSchemas: EnvelopeSchemas = buildEnvelopes();

/**
 * Any canonical event, discriminated by `type`.
 *
 * @example
 * ```ts
 * import { CanonicalEvent } from "@mfgsync/canonical";
 * CanonicalEvent.safeParse({ specversion: "1.0" }).success; // false
 * ```
 */
export const CanonicalEvent = z.discriminatedUnion("type", Object.values(EventSchemas) as unknown as [EnvelopeSchemas[EventName], ...EnvelopeSchemas[EventName][]]);
/**
 * A canonical event of a given name (or any of them).
 *
 * @example
 * ```ts
 * import type { CanonicalEventOf } from "@mfgsync/canonical";
 * function onHold(event: CanonicalEventOf<"lot-disposition-changed">) { return event.data.to.value; }
 * ```
 */
export type CanonicalEventOf<N extends EventName = EventName> = { [K in N]: z.infer<EnvelopeSchemas[K]> }[N];
/** Any canonical event. @example `import type { CanonicalEvent } from "@mfgsync/canonical";` */
export type CanonicalEvent = CanonicalEventOf;
