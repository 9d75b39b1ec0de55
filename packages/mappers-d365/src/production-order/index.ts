import type { ProductionOrder } from "@mfgsync/canonical";
import type { Mapper } from "@mfgsync/mapping";
import { compileMapper } from "@mfgsync/mapping";
import type { ProductionOrderBillOfMaterialLine, ProductionOrderHeader, ProductionOrderRouteOperation, ReleasedProductV2 } from "../generated/wire-types.js";
import { withBundles } from "../odata/bundle.js";
import { PRODUCTION_ORDER_NAVIGATIONS, productionOrderDeclaration } from "./declaration.js";

/** Rows of a bundle: an array, or a `{ "value": [...] }` page as the service returned it. */
type BundleRowsOf<T> = readonly T[] | { readonly value: readonly T[] };

/**
 * A production order given as a bundle: the header (or headers) beside its
 * rows, each set as fetched with its own GET. Rows are linked to their header
 * by `dataAreaId` (case-insensitively) and `ProductionOrderNumber`; the
 * released product by `dataAreaId` and `ItemNumber`. An order read from a
 * bundle is written back as a bundle.
 *
 * @example
 * ```ts
 * import type { ProductionOrderBundle } from "@mfgsync/mappers-d365";
 * const bundle: ProductionOrderBundle = { ProductionOrderHeaders: [], ProductionOrderBillOfMaterialLines: [] };
 * ```
 */
export interface ProductionOrderBundle {
  readonly ProductionOrderHeaders?: ProductionOrderHeader | BundleRowsOf<ProductionOrderHeader>;
  readonly value?: readonly ProductionOrderHeader[];
  readonly ProductionOrderBillOfMaterialLines?: BundleRowsOf<ProductionOrderBillOfMaterialLine>;
  readonly ProductionOrderRouteOperations?: BundleRowsOf<ProductionOrderRouteOperation>;
  readonly ReleasedProductsV2?: ReleasedProductV2 | BundleRowsOf<ReleasedProductV2>;
}

/**
 * D365 production order mapper: `ProductionOrderHeaders` with the
 * navigations `ProdutionOrderBOMLines`, `ProdutionOrderRouteOperations` and
 * `ReleasedProductV2` expanded ↔ canonical `ProductionOrder`. The same rows
 * may come beside the header as a bundle
 * (`{ "ProductionOrderHeaders": [...], "ProductionOrderBillOfMaterialLines": [...], "ProductionOrderRouteOperations": [...], "ReleasedProductsV2": [...] }`)
 * and are written back that way. Compiled once when the module loads.
 *
 * @example
 * ```ts
 * import { productionOrderMapper } from "@mfgsync/mappers-d365";
 * const r = productionOrderMapper.decodeWire('{"value":[{"dataAreaId":"usmf","ProductionOrderNumber":"P1","ItemNumber":"D0001","ProductionSiteId":"1","ScheduledQuantity":10,"ProductionOrderStatus":"Released","ReleasedProductV2":{"dataAreaId":"usmf","ItemNumber":"D0001","InventoryUnitSymbol":"ea"}}]}');
 * if (r.ok && r.results[0]?.ok) r.results[0].value.plannedQuantity; // { value: "10", unit: "H87" }
 * ```
 */
export const productionOrderMapper: Mapper<ProductionOrderHeader | ProductionOrderBundle, ProductionOrder> = withBundles(compileMapper<ProductionOrderHeader | ProductionOrderBundle, "production-order">(productionOrderDeclaration), {
  headerKeys: ["ProductionOrderHeaders", "value"],
  headerKey: "ProductionOrderNumber",
  rows: [
    { navigation: PRODUCTION_ORDER_NAVIGATIONS.bomLines, keys: ["ProductionOrderBillOfMaterialLines", PRODUCTION_ORDER_NAVIGATIONS.bomLines], link: [["dataAreaId", "dataAreaId"], ["ProductionOrderNumber", "ProductionOrderNumber"]] },
    { navigation: PRODUCTION_ORDER_NAVIGATIONS.route, keys: ["ProductionOrderRouteOperations", PRODUCTION_ORDER_NAVIGATIONS.route], link: [["dataAreaId", "dataAreaId"], ["ProductionOrderNumber", "ProductionOrderNumber"]] },
    { navigation: PRODUCTION_ORDER_NAVIGATIONS.releasedProduct, keys: ["ReleasedProductsV2", PRODUCTION_ORDER_NAVIGATIONS.releasedProduct], link: [["dataAreaId", "dataAreaId"], ["ItemNumber", "ItemNumber"]], single: true },
  ],
});
