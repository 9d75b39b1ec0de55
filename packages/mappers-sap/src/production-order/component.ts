import type { Coded, Converter, EntityDeclaration } from "@mfgsync/mapping";
import {
  amountInUnitOf, boolean, coded, odataV2Decimal, entity, field, identifier, materialRef, quantity, sameAsParent, text, unlessSameAsParent,
} from "@mfgsync/mapping";
import { A_ProductionOrderComponent_2_CATALOG } from "../generated/catalog.js";
import { sapUnit } from "../units.js";
import { SEQUENCE } from "./operation.js";

const BASE_UNIT = ["BaseUnit", "BaseUnitISOCode", "BaseUnitSAPCode"] as const;

const movementType = coded({
  list: "sap:GoodsMovementType",
  codes: { "261": "Consumed", "531": "By-product Produced", "101": "Co-product Produced" },
  fallback: "Other",
  empty: "Consumed",
});

/**
 * The goods movement type as the component's material use. The canonical
 * `materialUse` is required, so a component sent without the property (or
 * with `null`) reads as Consumed like an empty one; the core keeps the
 * absence and the null, so the component goes back as it came.
 */
function materialUse(): Converter<string | null | undefined, Coded> {
  return {
    ...movementType,
    decode(value, scope, props) {
      if (value === undefined || value === null) {
        if (value === null) scope.carry(props[0] ?? "", null);
        return { value: "Consumed" };
      }
      return movementType.decode(value, scope, props);
    },
  };
}

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
    field("GoodsMovementType", "materialUse", materialUse(), {
      note: "261 goods issue = Consumed [SEEN]",
      uncertain: "531 by-product and 101 co-product receipts are [INFERRED]; an empty, null or absent movement type reads as Consumed",
    }),
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
