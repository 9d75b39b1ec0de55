import type { Material } from "@mfgsync/canonical";
import type { Mapper } from "@mfgsync/mapping";
import { compileMapper } from "@mfgsync/mapping";
import { withPages } from "../odata/bundle.js";
import type { ReleasedProductV2 } from "../generated/wire-types.js";
import { materialDeclaration } from "./declaration.js";

/**
 * D365 material mapper: `ReleasedProductsV2` ↔ canonical `Material`.
 *
 * @example
 * ```ts
 * import { materialMapper } from "@mfgsync/mappers-d365";
 * const r = materialMapper.decode({ dataAreaId: "usmf", ItemNumber: "D0001", ProductType: "Item", ProductionType: "BOM", InventoryUnitSymbol: "ea" });
 * if (r.ok) r.value.type.value; // "FinishedGood"
 * ```
 */
export const materialMapper: Mapper<ReleasedProductV2, Material> = withPages(compileMapper<ReleasedProductV2, "material">(materialDeclaration), "ItemNumber");
