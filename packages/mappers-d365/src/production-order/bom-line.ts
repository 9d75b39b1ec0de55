import { ISSUE_CODES } from "@mfgsync/canonical";
import type { Converter, EntityDeclaration } from "@mfgsync/mapping";
import { entity, field, identifier, jsonDecimal, materialRef, quantity, sameAsParent, text, unitCode, unlessSameAsParent } from "@mfgsync/mapping";
import { showValue } from "../odata/show.js";
import { ProductionOrderBillOfMaterialLines_CATALOG } from "../generated/catalog.js";
import { emptyKept, operationNumber } from "./converters.js";

/** `LineNumber` (Edm.Decimal): a canonical item that is no decimal (another vendor's "A1") cannot be written. */
function lineNumber(): Converter<unknown, string> {
  const number = jsonDecimal();
  return {
    ...(number as Converter<unknown, string>),
    encode(value, scope, pointer) {
      if (value !== undefined && !/^\d{1,18}(?:\.\d{1,12})?$/.test(value)) return scope.issue(pointer, ISSUE_CODES.invalidFormat, `a D365 BOM line number (LineNumber) is a decimal; the component item ${showValue(value)} cannot be written`);
      return number.encode(value, scope, pointer);
    },
  };
}

/**
 * `ProductionOrderBillOfMaterialLines` (expanded as `ProdutionOrderBOMLines`,
 * sic) ↔ canonical `Component`. `LineNumber` is a decimal (`2.5` exists) and
 * is the component's identity (`item`). Consumption type (constant or
 * variable), the quantity denominator, line type, flushing principle and the
 * other quantities stay in `extensions.d365`.
 */
export const bomLineEntity: EntityDeclaration = entity({
  entity: "ProductionOrderBillOfMaterialLines",
  catalog: ProductionOrderBillOfMaterialLines_CATALOG,
  constants: { materialUse: { value: "Consumed" } },
  scope: { vendor: "dataAreaId", type: "company", caseInsensitive: true },
  fields: [
    field("LineNumber", "item", lineNumber(), { required: true, note: "Edm.Decimal line number, digits kept (\"2.5\")" }),
    field("ItemNumber", "material", materialRef({ scoped: true }), { required: true }),
    field(["BOMLineQuantity", "BOMLineUnitSymbol"], "requiredQuantity", quantity(jsonDecimal(), unitCode()), {
      required: true,
      note: "the quantity per BOMLineQuantityDenominator units of the order's item (the denominator is kept in extensions)",
      uncertain: "property casing BOMLine… converted back from the SDK's camelCase [inferred]; per-series semantics [inferred]",
    }),
    field("ItemBatchNumber", "lot", emptyKept(identifier({ scoped: true })), { note: "reserved or consumed batch" }),
    field("RouteOperationNumber", "issuingOperation", operationNumber({ zeroIsNone: true }), { uncertain: "0 meaning \"no operation\" is [inferred]" }),
    field("ConsumptionSiteId", "plant", unlessSameAsParent("ProductionSiteId"), { note: "only when it differs from the order's site" }),
    field("ConsumptionWarehouseId", "storageLocation", text()),
    field("ProductionOrderNumber", null, sameAsParent("ProductionOrderNumber")),
  ],
});
