import * as fc from "fast-check";
import type * as z from "zod";
import type { CanonicalEventOf, EventName } from "../events/catalog.js";
import { EVENT_DEFINITIONS } from "../events/catalog.js";
import type { EventInput } from "../events/create.js";
import { createEvent } from "../events/create.js";
import type {
  InspectionDecisionMadeData, InspectionResultRecordedData, LotDispositionChangedData, LotShippedData, MaterialMovementData, OperationEventData,
  OrderEventData, ProductionConfirmedData,
} from "../events/data.js";
import type {
  ConfirmationReversedData, OrderAcknowledgementData, OrderStateChangedData, ReworkDeclaredData, ScrapDeclaredData,
} from "../events/execution-data.js";
import type { VendorCode } from "../primitives/coded-value.js";
import { Disposition, MaterialUse, RequestState } from "../vocabularies/b2mml.js";
import { QualityStatus } from "../vocabularies/lot-quality.js";
import { arbitraryHoldRelease, arbitraryLotHold } from "./holds.js";
import type { ObjectArbitraryOptions } from "./objects.js";
import { arbitraryCodedValue, arbitraryLot, arbitraryProductionOrder, operationSequence, plantCode } from "./objects.js";
import {
  arbitraryIdentifier, arbitraryMaterialRef, arbitraryQuantity, arbitraryReference, arbitraryTimestamp, enumValue, list, matching, rec, text,
} from "./primitives.js";
import { arbitraryInspection, arbitraryNonconformance, characteristicResult, inspectionDecision, inspectionSubject } from "./quality.js";

type Data<S extends z.ZodType> = z.infer<S>;

/** Builders of the `data` arbitrary of each event; only the one asked for is built. */
function dataArbitraries(o: ObjectArbitraryOptions): { [N in EventName]: () => fc.Arbitrary<unknown> } {
  const id = arbitraryIdentifier(o);
  const ref = arbitraryReference(o);
  const quantity = arbitraryQuantity(o);
  const at = arbitraryTimestamp();
  const serials = list(text(64));
  const reason = rec<VendorCode, "code">({ code: text(255), list: text(128), text: text(1000, 0) }, ["code"]);
  const orderData = () => rec<Data<typeof OrderEventData>, "order">({
    order: arbitraryProductionOrder(o),
    changedFields: list(fc.constantFrom("/state", "/plannedQuantity", "/scheduledStart", "/scheduledEnd", "/operations/0/state", "/components")),
  }, ["order"]);
  const acknowledgement = () => rec<OrderAcknowledgementData, "order" | "occurredAt">({
    order: ref, receiverOrder: ref, receiver: fc.constantFrom("urn:mfgsync:mes:plant-1010", "urn:mfgsync:mes:line-3"), reason,
    problems: list(rec<NonNullable<OrderAcknowledgementData["problems"]>[number], "message">({ path: fc.constantFrom("/operations/0/workCenter", "/components/1/material"), message: text(4000) }, ["message"])),
    occurredAt: at,
  }, ["order", "occurredAt"]);
  const stateChanged = () => rec<OrderStateChangedData, "order" | "occurredAt">({
    order: ref, state: arbitraryCodedValue(RequestState), reason, nonconformance: ref, confirmedYield: quantity, changedBy: text(128), occurredAt: at,
  }, ["order", "occurredAt"]);
  const operationData = () => rec<Data<typeof OperationEventData>, "order" | "operation" | "occurredAt">({
    order: ref, operation: operationSequence, workCenter: text(64), occurredAt: at, reason: text(255),
  }, ["order", "operation", "occurredAt"]);
  const confirmed = () => rec<Data<typeof ProductionConfirmedData>, "order" | "yield" | "final" | "occurredAt">({
    order: ref, operation: operationSequence, confirmation: ref, yield: quantity, scrap: quantity, rework: quantity, final: fc.boolean(),
    workCenter: text(64), plant: plantCode, occurredAt: at,
  }, ["order", "yield", "final", "occurredAt"]);
  const reversed = () => rec<ConfirmationReversedData, "order" | "confirmation" | "occurredAt">({
    order: ref, operation: operationSequence, confirmation: ref, reversal: id, yield: quantity, scrap: quantity, rework: quantity, reason, plant: plantCode, occurredAt: at,
  }, ["order", "confirmation", "occurredAt"]);
  const scrap = () => rec<ScrapDeclaredData, "order" | "quantity" | "reason" | "occurredAt">({
    order: ref, operation: operationSequence, material: arbitraryMaterialRef(o), lot: ref, serialNumbers: serials, quantity, reason,
    confirmation: ref, workCenter: text(64), plant: plantCode, occurredAt: at,
  }, ["order", "quantity", "reason", "occurredAt"]);
  const rework = () => rec<ReworkDeclaredData, "order" | "operation" | "repeats" | "quantity" | "occurredAt">({
    order: ref, operation: operationSequence, repeats: operationSequence, quantity, serialNumbers: serials, reason,
    nonconformance: ref, workCenter: text(64), occurredAt: at,
  }, ["order", "operation", "repeats", "quantity", "occurredAt"]);
  const movement = (uses: readonly z.infer<typeof MaterialUse>[]) => rec<Data<typeof MaterialMovementData>, "order" | "material" | "quantity" | "materialUse" | "occurredAt">({
    order: ref, operation: operationSequence, material: arbitraryMaterialRef(o), lot: ref, serialNumbers: serials, quantity,
    materialUse: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...uses) }, { weight: 1, arbitrary: enumValue(MaterialUse) }),
    movement: id, movementType: fc.oneof(fc.constantFrom("101", "102", "261", "262", "531"), text(16)), reversal: fc.boolean(),
    plant: plantCode, storageLocation: text(32), occurredAt: at,
  }, ["order", "material", "quantity", "materialUse", "occurredAt"]);
  const dispositionChanged = () => rec<Data<typeof LotDispositionChangedData>, "lot" | "change" | "to" | "occurredAt">({
    lot: ref, material: arbitraryMaterialRef(o), plant: plantCode, change: fc.constantFrom("Hold", "Release", "Reject", "Other"),
    from: arbitraryCodedValue(Disposition), to: arbitraryCodedValue(Disposition), qualityStatus: arbitraryCodedValue(QualityStatus),
    holdsPlaced: list(arbitraryLotHold(o)), holdsReleased: list(arbitraryHoldRelease(o)),
    reason: text(1000), inspection: ref, nonconformance: ref, occurredAt: at,
  }, ["lot", "change", "to", "occurredAt"]);
  const shipped = () => rec<Data<typeof LotShippedData>, "lot" | "quantity" | "occurredAt">({
    lot: ref, material: arbitraryMaterialRef(o), quantity, serialNumbers: serials, shipment: ref, shipTo: ref, plant: plantCode,
    storageLocation: text(32), reversal: fc.boolean(), occurredAt: at,
  }, ["lot", "quantity", "occurredAt"]);
  const resultRecorded = () => rec<Data<typeof InspectionResultRecordedData>, "inspection" | "results">({
    inspection: ref, subject: inspectionSubject(o), results: list(characteristicResult(o), 1),
  }, ["inspection", "results"]);
  const decisionMade = () => rec<Data<typeof InspectionDecisionMadeData>, "inspection" | "subject" | "decision">({
    inspection: ref, subject: inspectionSubject(o), inspectedQuantity: quantity, decision: inspectionDecision(o),
  }, ["inspection", "subject", "decision"]);
  const nonconformance = () => fc.record({ nonconformance: arbitraryNonconformance(o) }, { noNullPrototype: true });
  return {
    "production-order-released": orderData,
    "production-order-changed": orderData,
    "production-order-acknowledged": acknowledgement,
    "production-order-rejected": acknowledgement,
    "production-order-held": stateChanged,
    "production-order-resumed": stateChanged,
    "production-order-completed": stateChanged,
    "production-order-closed": stateChanged,
    "operation-started": operationData,
    "operation-paused": operationData,
    "operation-resumed": operationData,
    "operation-completed": operationData,
    "production-confirmed": confirmed,
    "production-confirmation-reversed": reversed,
    "scrap-declared": scrap,
    "rework-declared": rework,
    "material-consumed": () => movement(["Consumed", "Material Consumed", "Consumable"]),
    "material-produced": () => movement(["Produced", "Co-product Produced", "By-product Produced", "Yield Produced"]),
    "lot-created": () => fc.record({ lot: arbitraryLot(o) }, { noNullPrototype: true }),
    "lot-disposition-changed": dispositionChanged,
    "lot-shipped": shipped,
    "inspection-requested": () => fc.record({ inspection: arbitraryInspection(o) }, { noNullPrototype: true }),
    "inspection-result-recorded": resultRecorded,
    "inspection-decision-made": decisionMade,
    "nonconformance-raised": nonconformance,
    "nonconformance-updated": nonconformance,
    "nonconformance-closed": nonconformance,
  };
}

const RESERVED_NAMES = new Set(["specversion", "id", "source", "type", "subject", "time", "datacontenttype", "dataschema", "correlationid", "causationid", "sequence", "partitionkey", "traceparent", "data"]);
// Extension attributes brokers and tracers add; names are valid CloudEvents attribute names that are not mfgsync's own.
const extensionName = fc.oneof(
  fc.constantFrom("tracestate", "knativearrivaltime", "recordedtime", "severity", "dataref"),
  matching(/^[a-z][a-z0-9]{0,19}$/),
).filter((name) => !RESERVED_NAMES.has(name));
const extensionValue = fc.oneof(text(100, 0), fc.integer({ min: -2147483648, max: 2147483647 }), fc.boolean());

/**
 * Arbitrary valid CloudEvents envelopes of one canonical event, built with
 * `createEvent`, so that `id` is always the idempotency key of the generated
 * source, type, subject (with its scope) and revision (or sequence).
 * `sequence` is sometimes above 2^53, given as a bigint or a decimal string;
 * events sometimes carry a causation id and CloudEvents extension attributes.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { safeParseEvent } from "@mfgsync/canonical";
 * import { arbitraryEvent } from "@mfgsync/canonical/testing";
 * fc.assert(fc.property(arbitraryEvent("lot-disposition-changed"), (e) => safeParseEvent(e).ok));
 * ```
 */
export function arbitraryEvent<N extends EventName>(name: N, options: ObjectArbitraryOptions = {}): fc.Arbitrary<CanonicalEventOf<N>> {
  if (!Object.hasOwn(EVENT_DEFINITIONS, name)) throw new RangeError(`unknown event "${String(name)}"`);
  const data = dataArbitraries(options)[name]();
  const source = fc.tuple(fc.constantFrom("sap-s4hana", "oracle-fusion", "d365", "mes", "qms"), fc.constantFrom("S4P-100", "PRD-200", "usmf", "line-3"))
    .map(([system, instance]) => `urn:mfgsync:${system}:${instance}`);
  const input = rec<{ [K in keyof EventInput<N>]-?: EventInput<N>[K] }, "source" | "subject" | "time" | "sequence" | "correlationId" | "data">({
    source,
    subject: arbitraryIdentifier(options).map((i) => i.value),
    time: arbitraryTimestamp(),
    sequence: fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.bigInt({ min: 1n, max: 10n ** 19n - 1n }), fc.bigInt({ min: 1n, max: 10n ** 19n - 1n }).map(String)),
    correlationId: fc.oneof(fc.uuid(), text(255)),
    causationId: fc.uuid(),
    revision: fc.oneof(matching(/^20\d{12}$/), text(64)),
    partitionKey: text(1024),
    traceparent: matching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/),
    extensions: fc.dictionary(extensionName, extensionValue, { minKeys: 1, maxKeys: 3, noNullPrototype: true }),
    data: data as fc.Arbitrary<EventInput<N>["data"]>,
  }, ["source", "subject", "time", "sequence", "correlationId", "data"]);
  return input.map((i) => createEvent(name, i as EventInput<N>));
}
