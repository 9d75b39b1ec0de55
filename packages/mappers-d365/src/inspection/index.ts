import type { Inspection } from "@mfgsync/canonical";
import type { Mapper } from "@mfgsync/mapping";
import { compileMapper } from "@mfgsync/mapping";
import type { QualityOrderHeader, QualityOrderLineResult, ReleasedProductV2 } from "../generated/wire-types.js";
import { withBundles } from "../odata/bundle.js";
import { withDerivedCharacteristics } from "./characteristics.js";
import { QUALITY_ORDER_PRODUCT, QUALITY_ORDER_RESULTS, inspectionDeclaration } from "./declaration.js";

/**
 * A quality order with its result rows (and the released product that
 * gives its quantity a unit) attached, as the inspection mapper
 * reads and writes it.
 *
 * @example
 * ```ts
 * import type { QualityOrderBundle } from "@mfgsync/mappers-d365";
 * const order: QualityOrderBundle = { dataAreaId: "usmf", QualityOrderNumber: "QO-1", QualityOrderLineResults: [] };
 * ```
 */
export type QualityOrderBundle = QualityOrderHeader & { readonly QualityOrderLineResults?: readonly QualityOrderLineResult[]; readonly ReleasedProductV2?: ReleasedProductV2 };

/**
 * D365 inspection mapper: `QualityOrderHeaders` with the caller-attached
 * `QualityOrderLineResults` ↔ canonical `Inspection` (characteristics
 * derived from the results' tests). The rows may also come
 * beside the headers (`{ "QualityOrderHeaders": [...], "QualityOrderLineResults": [...] }`),
 * linked by `dataAreaId` and `QualityOrderNumber`, and are then written back
 * that way.
 *
 * @example
 * ```ts
 * import { inspectionMapper } from "@mfgsync/mappers-d365";
 * const r = inspectionMapper.decode({ dataAreaId: "usmf", QualityOrderNumber: "QO-1", QualityOrderPolicyType: "Production", QualityOrderStatus: "Pass", QualityOrderLineResults: [] });
 * if (r.ok) r.value.decision?.outcome.value; // "Accepted"
 * ```
 */
export const inspectionMapper: Mapper<QualityOrderBundle, Inspection> = withDerivedCharacteristics(withBundles(compileMapper<QualityOrderBundle, "inspection">(inspectionDeclaration), {
  headerKeys: ["QualityOrderHeaders", "value"],
  headerKey: "QualityOrderNumber",
  rows: [
    { navigation: QUALITY_ORDER_RESULTS, keys: [QUALITY_ORDER_RESULTS], link: [["dataAreaId", "dataAreaId"], ["QualityOrderNumber", "QualityOrderNumber"]] },
    { navigation: QUALITY_ORDER_PRODUCT, keys: ["ReleasedProductsV2", QUALITY_ORDER_PRODUCT], link: [["dataAreaId", "dataAreaId"], ["ItemNumber", "ItemNumber"]], single: true },
  ],
}), QUALITY_ORDER_RESULTS);
