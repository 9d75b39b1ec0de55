import type { Material } from "@mfgsync/canonical";
import { compileMapper } from "@mfgsync/mapping";
import type { A_Product } from "../generated/wire-types.js";
import type { SapMapper } from "../odata/wire.js";
import { materialDeclaration } from "./declaration.js";

/**
 * SAP material mapper: API_PRODUCT_SRV `A_Product` (with expanded
 * descriptions, plants and units of measure) ↔ canonical `Material`.
 *
 * @example
 * ```ts
 * import { materialMapper } from "@mfgsync/mappers-sap";
 * const r = materialMapper.decode({ Product: "FG-1", ProductType: "FERT", BaseUnit: "PC", CrossPlantStatus: "", IsMarkedForDeletion: false });
 * if (r.ok) r.value.type.value; // "FinishedGood"
 * ```
 */
export const materialMapper: SapMapper<A_Product, Material> = compileMapper<A_Product, "material">(materialDeclaration);
