import type { EntityDeclaration } from "@mfgsync/mapping";
import {
  amountInUnitOf, boolean, coded, odataV2Decimal, entity, field, identifier, materialRef, quantity, sameAsParent, text, unlessSameAsParent,
} from "@mfgsync/mapping";
import { A_ProductionOrderComponent_2_CATALOG } from "../generated/catalog.js";
import { sapUnit } from "../units.js";
import { SEQUENCE } from "./operation.js";

const BASE_UNIT = ["BaseUnit", "BaseUnitISOCode", "BaseUnitSAPCode"] as const;

/**
 * `A_ProductionOrderComponent_2` ↔ canonical `Component`. The reservation
 * item is the component's identity (`item`); the material use comes from
 * the goods movement type.
 */
export const componentEntity: EntityDeclaration = entity({
  entity: "A_ProductionOrderComponent_2",
  catalog: A_ProductionOrderComponent_2_CATALOG,
  fields: [
    field("ReservationItem", "item", text(), { note: "NUMC key without leading zeros (\"8\")" }),
    field("Material", "material", materialRef(), { required: true }),
    field(["RequiredQuantity", ...BASE_UNIT], "requiredQuantity", quantity(odataV2Decimal(), sapUnit({ iso: true, internal: true })), { required: true }),
    field("WithdrawnQuantity", "withdrawnQuantity", amountInUnitOf(odataV2Decimal(), sapUnit({ iso: true, internal: true }), BASE_UNIT, "requiredQuantity.unit")),
    field("GoodsMovementType", "materialUse", coded({
      list: "sap:GoodsMovementType",
      codes: { "261": "Consumed", "531": "By-product Produced", "101": "Co-product Produced" },
      fallback: "Other",
      empty: "Consumed",
    }), { note: "261 goods issue = Consumed [SEEN]", uncertain: "531 by-product and 101 co-product receipts are [INFERRED]; an empty movement type reads as Consumed" }),
    field("Batch", "lot", identifier(), { note: "assigned or planned batch only; consumed batches come from confirmations" }),
    field("ManufacturingOrderOperation", "issuingOperation", text(SEQUENCE)),
    field("Plant", "plant", unlessSameAsParent("ProductionPlant"), { note: "only when it differs from the order's plant" }),
    field("StorageLocation", "storageLocation", text()),
    field("MatlCompIsMarkedForBackflush", "backflush", boolean()),
    field("ManufacturingOrder", null, sameAsParent("ManufacturingOrder")),
    field("ManufacturingOrderCategory", null, sameAsParent("ManufacturingOrderCategory")),
    field("ManufacturingOrderType", null, sameAsParent("ManufacturingOrderType")),
    field("ProductionPlant", null, sameAsParent("ProductionPlant")),
  ],
});
