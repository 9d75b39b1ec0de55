import * as fc from "fast-check";
import type { z } from "zod";
import type { CanonicalEventOf, EventName } from "../events/catalog.js";
import { EVENT_DEFINITIONS } from "../events/catalog.js";
import type { EventInput } from "../events/create.js";
import { createEvent } from "../events/create.js";
import type {
  InspectionDecisionMadeData, InspectionResultRecordedData, LotDispositionChangedData, MaterialMovementData, OperationEventData,
  OrderEventData, ProductionConfirmedData,
} from "../events/data.js";
import { Disposition, MaterialUse } from "../vocabularies/b2mml.js";
import type { ObjectArbitraryOptions } from "./objects.js";
import { arbitraryCodedValue, arbitraryLot, arbitraryProductionOrder, operationSequence, plantCode } from "./objects.js";
import {
  arbitraryIdentifier, arbitraryMaterialRef, arbitraryQuantity, arbitraryTimestamp, enumValue, list, matching, rec, text,
} from "./primitives.js";
import { arbitraryInspection, arbitraryNonconformance, characteristicResult, inspectionDecision, inspectionSubject } from "./quality.js";

type Data<S extends z.ZodType> = z.infer<S>;

/** Builders of the `data` arbitrary of each event; only the one asked for is built. */
function dataArbitraries(o: ObjectArbitraryOptions): { [N in EventName]: () => fc.Arbitrary<unknown> } {
  const id = arbitraryIdentifier(o);
  const quantity = arbitraryQuantity(o);
  const at = arbitraryTimestamp();
  const orderData = () => rec<Data<typeof OrderEventData>, "order">({
    order: arbitraryProductionOrder(o),
    changedFields: list(fc.constantFrom("/state", "/plannedQuantity", "/scheduledStart", "/scheduledEnd", "/operations/0/state", "/components")),
  }, ["order"]);
  const operationData = () => rec<Data<typeof OperationEventData>, "order" | "operation" | "occurredAt">({
    order: id, operation: operationSequence, workCenter: text(64), occurredAt: at, reason: text(255),
  }, ["order", "operation", "occurredAt"]);
  const confirmed = () => rec<Data<typeof ProductionConfirmedData>, "order" | "yield" | "final" | "occurredAt">({
    order: id, operation: operationSequence, confirmation: id, yield: quantity, scrap: quantity, rework: quantity, final: fc.boolean(),
    workCenter: text(64), plant: plantCode, occurredAt: at,
  }, ["order", "yield", "final", "occurredAt"]);
  const movement = (uses: readonly z.infer<typeof MaterialUse>[]) => rec<Data<typeof MaterialMovementData>, "order" | "material" | "quantity" | "materialUse" | "occurredAt">({
    order: id, operation: operationSequence, material: arbitraryMaterialRef(o), lot: id, quantity,
    materialUse: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...uses) }, { weight: 1, arbitrary: enumValue(MaterialUse) }),
    movement: id, movementType: fc.oneof(fc.constantFrom("101", "102", "261", "262", "531"), text(16)), reversal: fc.boolean(),
    plant: plantCode, storageLocation: text(32), occurredAt: at,
  }, ["order", "material", "quantity", "materialUse", "occurredAt"]);
  const dispositionChanged = () => rec<Data<typeof LotDispositionChangedData>, "lot" | "change" | "to" | "occurredAt">({
    lot: id, material: arbitraryMaterialRef(o), plant: plantCode, change: fc.constantFrom("Hold", "Release", "Reject", "Other"),
    from: arbitraryCodedValue(Disposition), to: arbitraryCodedValue(Disposition), reason: text(1000), inspection: id, nonconformance: id, occurredAt: at,
  }, ["lot", "change", "to", "occurredAt"]);
  const resultRecorded = () => rec<Data<typeof InspectionResultRecordedData>, "inspection" | "results">({
    inspection: id, subject: inspectionSubject(o), results: list(characteristicResult(o), 1),
  }, ["inspection", "results"]);
  const decisionMade = () => rec<Data<typeof InspectionDecisionMadeData>, "inspection" | "subject" | "decision">({
    inspection: id, subject: inspectionSubject(o), decision: inspectionDecision(),
  }, ["inspection", "subject", "decision"]);
  const nonconformance = () => fc.record({ nonconformance: arbitraryNonconformance(o) }, { noNullPrototype: true });
  return {
    "production-order-released": orderData,
    "production-order-changed": orderData,
    "operation-started": operationData,
    "operation-paused": operationData,
    "operation-completed": operationData,
    "production-confirmed": confirmed,
    "material-consumed": () => movement(["Consumed", "Material Consumed", "Consumable"]),
    "material-produced": () => movement(["Produced", "Co-product Produced", "By-product Produced", "Yield Produced"]),
    "lot-created": () => fc.record({ lot: arbitraryLot(o) }, { noNullPrototype: true }),
    "lot-disposition-changed": dispositionChanged,
    "inspection-requested": () => fc.record({ inspection: arbitraryInspection(o) }, { noNullPrototype: true }),
    "inspection-result-recorded": resultRecorded,
    "inspection-decision-made": decisionMade,
    "nonconformance-raised": nonconformance,
    "nonconformance-updated": nonconformance,
    "nonconformance-closed": nonconformance,
  };
}

/**
 * Arbitrary valid CloudEvents envelopes of one canonical event, built with
 * `createEvent`, so that `id` is always the idempotency key of the generated
 * source, type, subject and revision (or sequence). `sequence` is sometimes a
 * number above 2^53 written as a string, as the envelope allows.
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
    sequence: fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.bigInt({ min: 1n, max: 10n ** 19n - 1n }).map(String)),
    correlationId: fc.oneof(fc.uuid(), text(255)),
    revision: fc.oneof(matching(/^20\d{12}$/), text(64)),
    partitionKey: text(1024),
    traceparent: matching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/),
    data: data as fc.Arbitrary<EventInput<N>["data"]>,
  }, ["source", "subject", "time", "sequence", "correlationId", "data"]);
  return input.map((i) => createEvent(name, i as EventInput<N>));
}
