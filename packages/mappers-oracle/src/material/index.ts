import type { Material } from "@mfgsync/canonical";
import type { Mapper } from "@mfgsync/mapping";
import { compileMapper } from "@mfgsync/mapping";
import type { ItemV2 } from "../generated/wire-types.js";
import { itemDeclaration } from "./declaration.js";

/**
 * Oracle item mapper: Product Hub REST `itemsV2` ↔ canonical `Material`.
 *
 * @example
 * ```ts
 * import { itemMapper } from "@mfgsync/mappers-oracle";
 * const r = itemMapper.decode({ ItemNumber: "FG-1", OrganizationCode: "M1", PrimaryUOMValue: "Each", ItemStatusValue: "Active" });
 * if (r.ok) console.log(r.value.baseUnit); // "H87"
 * ```
 */
export const itemMapper: Mapper<ItemV2, Material> = compileMapper<ItemV2, "material">(itemDeclaration);
