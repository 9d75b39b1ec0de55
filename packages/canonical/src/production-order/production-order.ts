import * as z from "zod";
import { codedValue } from "../primitives/coded-value.js";
import { extensionsField, headerFields } from "../primitives/header.js";
import { Identifier, MaterialRef, PlantCode, Reference } from "../primitives/identifier.js";
import { Quantity } from "../primitives/quantity.js";
import { DateOrTimestamp } from "../primitives/time.js";
import { MaterialUse, OperationsType, RequestState } from "../vocabularies/b2mml.js";

/**
 * An operation sequence number as the vendor writes it (`"0010"` in SAP,
 * `"10"` in Oracle and D365): digits only, compared numerically.
 *
 * @example
 * ```ts
 * import { OperationSequence } from "@mfgsync/canonical";
 * OperationSequence.parse("0010");
 * ```
 */
export const OperationSequence = z.string().regex(/^\d{1,10}$/, { error: "an operation sequence is 1 to 10 digits, e.g. 0010" });
/** An {@link OperationSequence} value. @example `const s: OperationSequence = "0020";` */
export type OperationSequence = z.infer<typeof OperationSequence>;

/**
 * A reference to a bill of materials or routing at a revision.
 *
 * @example
 * ```ts
 * import { RevisionRef } from "@mfgsync/canonical";
 * RevisionRef.parse({ id: "00000042", alternative: "1", revision: "B" });
 * ```
 */
export const RevisionRef = z.strictObject({
  /** Identifier of the BOM or routing (group) in the planning system. */
  id: z.string().min(1).max(64),
  /** Alternative or variant within the group (SAP BOM alternative, routing group counter). */
  alternative: z.string().min(1).max(16).optional(),
  /** Engineering revision or change number the order was exploded with. */
  revision: z.string().min(1).max(40).optional(),
});
/** A {@link RevisionRef} value. @example `const r: RevisionRef = { id: "50000123" };` */
export type RevisionRef = z.infer<typeof RevisionRef>;

/**
 * One routing operation of a production order. ISA-95 / B2MML:
 * `SegmentRequirement` (level-4 view) or `JobOrder` (level-3 dispatch).
 *
 * @example
 * ```ts
 * import { Operation } from "@mfgsync/canonical";
 * Operation.parse({ sequence: "0010", description: "Machining", workCenter: "MILL-01", state: { value: "Released" } });
 * ```
 */
export const Operation = z.strictObject({
  /** Operation number, unique and ascending within the order (validators: `order/operation-sequence`). */
  sequence: OperationSequence,
  /** The operation's own id in the source system, when it has one besides the sequence (SAP operation confirmation counter). */
  id: Identifier.optional(),
  /** Short text. B2MML: `Description`. */
  description: z.string().max(1000).optional(),
  /** Work center or resource that performs the operation. B2MML: `EquipmentRequirement` / `HierarchyScope` at WorkCenter level. */
  workCenter: z.string().min(1).max(64).optional(),
  /** Plant of the operation, when it differs from the order's plant. */
  plant: PlantCode.optional(),
  /** Operation state, vendor status kept as `originalCode`. B2MML: `SegmentState` (RequestState values). */
  state: codedValue(RequestState),
  /** Planned start. B2MML: `EarliestStartTime`. */
  plannedStart: DateOrTimestamp.optional(),
  /** Planned end. B2MML: `LatestEndTime`. */
  plannedEnd: DateOrTimestamp.optional(),
  /** Actual start, once work began. B2MML: `SegmentResponse/ActualStartTime`. */
  actualStart: DateOrTimestamp.optional(),
  /** Actual end, once work finished. B2MML: `SegmentResponse/ActualEndTime`. */
  actualEnd: DateOrTimestamp.optional(),
  /** Quantity the operation is planned for. */
  plannedQuantity: Quantity.optional(),
  /** Good quantity confirmed so far. B2MML: `MaterialActual` with use `Produced`. */
  confirmedYield: Quantity.optional(),
  /** Scrap confirmed so far. */
  confirmedScrap: Quantity.optional(),
  /** Rework quantity confirmed so far. */
  confirmedRework: Quantity.optional(),
  /** For a rework operation: the sequence of the operation it repeats. Since 1.1. */
  repeats: OperationSequence.optional(),
});
/** An {@link Operation} value. @example `import type { Operation } from "@mfgsync/canonical";` */
export type Operation = z.infer<typeof Operation>;

/**
 * A component (BOM item, reservation) of a production order. ISA-95 /
 * B2MML: `MaterialRequirement` of a segment requirement.
 *
 * @example
 * ```ts
 * import { Component } from "@mfgsync/canonical";
 * Component.parse({
 *   item: "0010", material: { id: { value: "RM-200", scheme: "sap-s4hana" } },
 *   requiredQuantity: { value: "4", unit: "KGM" }, materialUse: { value: "Consumed" },
 * });
 * ```
 */
export const Component = z.strictObject({
  /** Item or reservation item number in the source system (SAP `BillOfMaterialItemNumber` / reservation item). */
  item: z.string().min(1).max(16).optional(),
  /** The component material. B2MML: `MaterialDefinitionID`. */
  material: MaterialRef,
  /** Quantity required for the whole order. B2MML: `Quantity`. */
  requiredQuantity: Quantity,
  /** Quantity already issued to the order. */
  withdrawnQuantity: Quantity.optional(),
  /** How the material is used; components are normally `Consumed`, co-products `Co-product Produced`. B2MML: `MaterialUse`. */
  materialUse: codedValue(MaterialUse),
  /** The component must be issued from a specific lot/batch (lot-controlled material). */
  lotRequired: z.boolean().optional(),
  /** The lot to issue, when one is prescribed. B2MML: `MaterialLotID`. */
  lot: Reference.optional(),
  /** Sequence of the operation the component is issued to. */
  issuingOperation: OperationSequence.optional(),
  /** Plant that supplies the component, when it differs from the order's plant. */
  plant: PlantCode.optional(),
  /** Storage location the component is issued from. B2MML: `StorageLocation`. */
  storageLocation: z.string().min(1).max(32).optional(),
  /** Component is backflushed (issued automatically at confirmation) rather than picked. */
  backflush: z.boolean().optional(),
});
/** A {@link Component} value. @example `import type { Component } from "@mfgsync/canonical";` */
export type Component = z.infer<typeof Component>;

/**
 * A production (manufacturing, work) order. ISA-95 / B2MML:
 * `OperationsRequest` in an `OperationsSchedule`, with `SegmentRequirement`s
 * for operations and `MaterialRequirement`s for components.
 *
 * @example
 * ```ts
 * import { parseProductionOrder } from "@mfgsync/canonical";
 * parseProductionOrder({
 *   schemaVersion: "1.1", kind: "production-order",
 *   id: { value: "1000123", scheme: "sap-s4hana" },
 *   material: { id: { value: "FG-1000", scheme: "sap-s4hana" } }, plant: "1010",
 *   plannedQuantity: { value: "100", unit: "H87" },
 *   state: { value: "Released", originalCode: "REL" },
 *   operations: [], components: [],
 * });
 * ```
 */
export const ProductionOrder = z.strictObject({
  ...headerFields("production-order"),
  /** Kind of operations; the vendor's order type (SAP `PP01`) is kept as `originalCode`. B2MML: `OperationsType`. */
  orderType: codedValue(OperationsType).optional(),
  /** Material to produce, at its revision. B2MML: `MaterialRequirement` with use `Produced`. */
  material: MaterialRef,
  /** Producing plant. B2MML: `HierarchyScope`. */
  plant: PlantCode,
  /** Quantity to produce. B2MML: `SegmentRequirement/MaterialRequirement/Quantity`. */
  plannedQuantity: Quantity,
  /** Good quantity confirmed so far (yield). B2MML: `OperationsResponse` `MaterialActual`. */
  confirmedYield: Quantity.optional(),
  /** Scrap confirmed so far. */
  confirmedScrap: Quantity.optional(),
  /** Planned (basic) start. B2MML: `StartTime`. */
  plannedStart: DateOrTimestamp.optional(),
  /** Planned (basic) end. B2MML: `EndTime`. */
  plannedEnd: DateOrTimestamp.optional(),
  /** Scheduled start after capacity scheduling. */
  scheduledStart: DateOrTimestamp.optional(),
  /** Scheduled end after capacity scheduling. */
  scheduledEnd: DateOrTimestamp.optional(),
  /** Actual start. */
  actualStart: DateOrTimestamp.optional(),
  /** Actual end (delivery / completion). */
  actualEnd: DateOrTimestamp.optional(),
  /** Order state reduced to one canonical value; the vendor's status(es) in `originalCode`. B2MML: `RequestState`. */
  state: codedValue(RequestState),
  /** Scheduling priority, 1 highest. B2MML: `Priority`. */
  priority: z.int().min(0).max(999).optional(),
  /** Routing operations in sequence. B2MML: `SegmentRequirement`. */
  operations: z.array(Operation).max(10000),
  /** Components to consume or by-products to produce. B2MML: `MaterialRequirement`. */
  components: z.array(Component).max(10000),
  /** Bill of materials the order was exploded from. B2MML: `BillOfMaterialID`. */
  billOfMaterials: RevisionRef.optional(),
  /** Routing the operations come from. B2MML: `OperationsDefinitionID`. */
  routing: RevisionRef.optional(),
  /** Lot the order will produce, when assigned up front. B2MML: `MaterialLotID` on the produced requirement. */
  producedLot: Reference.optional(),
  ...extensionsField,
}).meta({ id: "ProductionOrder", title: "Production order", description: "A production order (ISA-95 OperationsRequest)." });
/** A {@link ProductionOrder} value. @example `import type { ProductionOrder } from "@mfgsync/canonical";` */
export type ProductionOrder = z.infer<typeof ProductionOrder>;
