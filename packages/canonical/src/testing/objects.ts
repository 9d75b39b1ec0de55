import * as fc from "fast-check";
import type * as z from "zod";
import type { Lot, SerialLink } from "../lot/lot.js";
import type { AlternativeUnit, LocalizedText, Material, MaterialPlant } from "../material/material.js";
import type { Component, Operation, ProductionOrder, RevisionRef } from "../production-order/production-order.js";
import { SCHEMA_VERSION } from "../primitives/header.js";
import { AssemblyRelationship, Disposition, MaterialUse, OperationsType, RequestState } from "../vocabularies/b2mml.js";
import { QualityStatus } from "../vocabularies/lot-quality.js";
import { LifecycleStatus, MaterialType } from "../vocabularies/quality.js";
import {
  arbitraryDateOrTimestamp, arbitraryDecimal, arbitraryExtensions, arbitraryIdentifier, arbitraryMaterialRef, arbitraryPlainDate,
  arbitraryQuantity, arbitraryReference, arbitraryTimestamp, arbitraryUnitCode, enumValue, list, matching, rec, text,
} from "./primitives.js";
import { arbitraryLotHold } from "./holds.js";

/**
 * Options shared by the object arbitraries.
 *
 * @example
 * ```ts
 * import type { ObjectArbitraryOptions } from "@mfgsync/canonical/testing";
 * const sapOnly: ObjectArbitraryOptions = { scheme: "sap-s4hana", units: ["H87", "KGM", "LTR"] };
 * ```
 */
export interface ObjectArbitraryOptions {
  /** Scheme of the object's own id and of the ids it references (cross-references keep a mix of schemes). Default: a mix. */
  readonly scheme?: string;
  /** Units that quantities and unit fields are drawn from, e.g. the units a mapper supports. Default: common units, sometimes any active Rec 20 code. */
  readonly units?: readonly string[];
}

/**
 * Arbitrary coded values for a zod enum: a canonical `value`, sometimes with
 * `otherValue`, the vendor's `originalCode` (possibly empty, as SAP sends
 * blank codes) and `originalList`.
 *
 * @example
 * ```ts
 * import { Disposition } from "@mfgsync/canonical";
 * import { arbitraryCodedValue } from "@mfgsync/canonical/testing";
 * const dispositions = arbitraryCodedValue(Disposition);
 * ```
 */
export function arbitraryCodedValue<E extends z.ZodEnum>(values: E): fc.Arbitrary<{ value: z.infer<E>; otherValue?: string; originalCode?: string; originalList?: string }> {
  const originalList = fc.oneof(fc.constantFrom("sap:system-status", "sap:ProductType", "oracle:lot-status", "d365:ProdStatus"), text(128));
  return rec<{ value: z.infer<E>; otherValue: string; originalCode: string; originalList: string }, "value">(
    { value: enumValue(values), otherValue: text(255), originalCode: text(255, 0), originalList },
    ["value"],
  );
}

/** Arbitraries for the header fields every object starts with, and its extensions. */
export function headerModel<const K extends string>(kind: K, options: ObjectArbitraryOptions) {
  return {
    schemaVersion: fc.constant(SCHEMA_VERSION),
    kind: fc.constant(kind),
    id: arbitraryIdentifier(options),
    crossReferences: list(arbitraryIdentifier()),
    lastChangedAt: arbitraryTimestamp(),
    extensions: arbitraryExtensions(),
  };
}

/** Plant codes: SAP four-character plants, D365 sites, sometimes free text. */
export const plantCode: fc.Arbitrary<string> = fc.oneof(fc.constantFrom("1010", "1710", "M1", "USMF-1", "V1"), text(32));
/** Operation sequences as vendors write them. */
export const operationSequence: fc.Arbitrary<string> = fc.oneof(fc.integer({ min: 1, max: 9999 }).map((n) => String(n).padStart(4, "0")), matching(/^\d{1,10}$/));

const nonZeroDecimal = arbitraryDecimal().filter((d) => !/^[0.]+$/.test(d));

/**
 * Arbitrary valid {@link Material} objects.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { safeParseMaterial } from "@mfgsync/canonical";
 * import { arbitraryMaterial } from "@mfgsync/canonical/testing";
 * fc.assert(fc.property(arbitraryMaterial({ scheme: "sap-s4hana" }), (m) => safeParseMaterial(m).ok));
 * ```
 */
export function arbitraryMaterial(options: ObjectArbitraryOptions = {}): fc.Arbitrary<Material> {
  const unit = arbitraryUnitCode(options);
  const quantity = arbitraryQuantity(options);
  const description = rec<LocalizedText, "language" | "text">(
    { language: fc.constantFrom("en", "de", "de-DE", "fr", "ja", "zh-Hans-CN", "pt-BR"), text: text(4000, 0) },
    ["language", "text"],
  );
  const alternativeUnit = rec<AlternativeUnit, "unit" | "numerator" | "denominator">(
    { unit, numerator: nonZeroDecimal, denominator: fc.integer({ min: 1, max: 10_000 }).map(String) },
    ["unit", "numerator", "denominator"],
  );
  const plant = rec<MaterialPlant, "plant">({
    plant: plantCode, lotControlled: fc.boolean(), serialControlled: fc.boolean(), status: arbitraryCodedValue(LifecycleStatus),
    inspectionActive: fc.boolean(), storageLocation: text(32),
  }, ["plant"]);
  return rec<Material, "schemaVersion" | "kind" | "id" | "type" | "baseUnit" | "lifecycleStatus">({
    ...headerModel("material", options),
    revision: text(40),
    gtin: matching(/^(?:\d{8}|\d{12,14})$/),
    descriptions: list(description),
    type: arbitraryCodedValue(MaterialType),
    group: text(64),
    baseUnit: unit,
    alternativeUnits: list(alternativeUnit),
    lotControlled: fc.boolean(),
    serialControlled: fc.boolean(),
    shelfLifeDays: fc.integer({ min: 0, max: 100_000 }),
    grossWeight: quantity,
    netWeight: quantity,
    lifecycleStatus: arbitraryCodedValue(LifecycleStatus),
    plants: list(plant),
    specifications: list(arbitraryIdentifier(options)),
    inspectionPlans: list(arbitraryIdentifier(options)),
  }, ["schemaVersion", "kind", "id", "type", "baseUnit", "lifecycleStatus"]);
}

function revisionRef(): fc.Arbitrary<RevisionRef> {
  return rec<RevisionRef, "id">({ id: text(64), alternative: text(16), revision: text(40) }, ["id"]);
}

/**
 * Arbitrary valid {@link ProductionOrder} objects. Operations have unique,
 * ascending sequence numbers (`"0010"`-style) and components that name an
 * issuing operation usually point at one of them, as real orders do.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { safeParseProductionOrder } from "@mfgsync/canonical";
 * import { arbitraryProductionOrder } from "@mfgsync/canonical/testing";
 * fc.assert(fc.property(arbitraryProductionOrder(), (o) => safeParseProductionOrder(o).ok));
 * ```
 */
export function arbitraryProductionOrder(options: ObjectArbitraryOptions = {}): fc.Arbitrary<ProductionOrder> {
  const quantity = arbitraryQuantity(options);
  const date = arbitraryDateOrTimestamp();
  const operation = rec<Operation, "sequence" | "state">({
    sequence: fc.integer({ min: 1, max: 999 }).map((n) => String(n * 10).padStart(4, "0")), id: arbitraryIdentifier(options),
    description: text(1000, 0), workCenter: text(64), plant: plantCode, state: arbitraryCodedValue(RequestState),
    plannedStart: date, plannedEnd: date, actualStart: date, actualEnd: date,
    plannedQuantity: quantity, confirmedYield: quantity, confirmedScrap: quantity, confirmedRework: quantity, repeats: operationSequence,
  }, ["sequence", "state"]);
  const component = rec<Component, "material" | "requiredQuantity" | "materialUse">({
    item: fc.oneof(fc.integer({ min: 1, max: 999 }).map((n) => String(n * 10).padStart(4, "0")), text(16)),
    material: arbitraryMaterialRef(options), requiredQuantity: quantity, withdrawnQuantity: quantity,
    materialUse: arbitraryCodedValue(MaterialUse), lotRequired: fc.boolean(), lot: arbitraryReference(options),
    issuingOperation: operationSequence, plant: plantCode, storageLocation: text(32), backflush: fc.boolean(),
  }, ["material", "requiredQuantity", "materialUse"]);
  // Each component carries a pick that, most of the time, points its issuing operation at one of the order's operations.
  const picked = fc.tuple(component, fc.option(fc.nat(), { freq: 4, nil: undefined }));
  return rec<Omit<ProductionOrder, "components"> & { components: Array<[Component, number | undefined]> }, "schemaVersion" | "kind" | "id" | "material" | "plant" | "plannedQuantity" | "state" | "operations" | "components">({
    ...headerModel("production-order", options),
    orderType: arbitraryCodedValue(OperationsType),
    material: arbitraryMaterialRef(options),
    plant: plantCode,
    plannedQuantity: quantity,
    confirmedYield: quantity,
    confirmedScrap: quantity,
    plannedStart: date,
    plannedEnd: date,
    scheduledStart: date,
    scheduledEnd: date,
    actualStart: date,
    actualEnd: date,
    state: arbitraryCodedValue(RequestState),
    priority: fc.integer({ min: 0, max: 999 }),
    operations: fc.uniqueArray(operation, { maxLength: 5, selector: (o) => o.sequence }).map((ops) => [...ops].sort((a, b) => Number(a.sequence) - Number(b.sequence))),
    components: list(picked),
    billOfMaterials: revisionRef(),
    routing: revisionRef(),
    producedLot: arbitraryReference(options),
  }, ["schemaVersion", "kind", "id", "material", "plant", "plannedQuantity", "state", "operations", "components"]).map(({ components, ...order }) => ({
    ...order,
    components: components.map(([c, pick]) => (c.issuingOperation === undefined || pick === undefined || order.operations.length === 0
      ? c
      : { ...c, issuingOperation: order.operations[pick % order.operations.length]!.sequence })),
  }));
}

/**
 * Arbitrary valid {@link Lot} objects, sometimes with serial numbers,
 * quality status, active holds, vendor status and genealogy links (with
 * their movements and serial-level links) to parent and child lots.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { safeParseLot } from "@mfgsync/canonical";
 * import { arbitraryLot } from "@mfgsync/canonical/testing";
 * fc.assert(fc.property(arbitraryLot({ units: ["KGM"] }), (lot) => safeParseLot(lot).ok));
 * ```
 */
export function arbitraryLot(options: ObjectArbitraryOptions = {}): fc.Arbitrary<Lot> {
  const quantity = arbitraryQuantity(options);
  const serial = matching(/^[A-Z]{2}\d{2}-\d{6}$/);
  const serialLink = rec<SerialLink, "linkedSerialNumber">({ serialNumber: serial, linkedSerialNumber: serial }, ["linkedSerialNumber"]);
  const link = rec<NonNullable<Lot["parents"]>[number], "lot">({
    lot: arbitraryReference(options), material: arbitraryMaterialRef(options), quantity, order: arbitraryReference(options),
    relationship: enumValue(AssemblyRelationship), movement: arbitraryReference(options), movedAt: arbitraryTimestamp(), serialLinks: list(serialLink),
  }, ["lot"]);
  const vendorStatus = rec<NonNullable<Lot["vendorStatus"]>, "code">({ code: text(255), list: text(128), text: text(1000, 0) }, ["code"]);
  return rec<Lot, "schemaVersion" | "kind" | "id" | "material" | "disposition">({
    ...headerModel("lot", options),
    material: arbitraryMaterialRef(options),
    plant: plantCode,
    serialNumbers: list(text(64)),
    quantity,
    manufacturedAt: arbitraryDateOrTimestamp(),
    expiresOn: arbitraryDateOrTimestamp(),
    retestOn: arbitraryPlainDate(),
    disposition: arbitraryCodedValue(Disposition),
    qualityStatus: arbitraryCodedValue(QualityStatus),
    holds: list(arbitraryLotHold(options)),
    vendorStatus,
    supplierLot: text(64),
    supplier: arbitraryReference(options),
    countryOfOrigin: matching(/^[A-Z]{2}$/),
    parents: list(link),
    children: list(link),
    producedBy: arbitraryReference(options),
  }, ["schemaVersion", "kind", "id", "material", "disposition"]);
}
