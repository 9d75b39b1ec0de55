import type { Lot } from "@mfgsync/canonical";
import type { Mapper } from "@mfgsync/mapping";
import { compileMapper } from "@mfgsync/mapping";
import type { InventoryItemLot } from "../generated/wire-types.js";
import { lotDeclaration } from "./declaration.js";

/**
 * Oracle lot mapper: Inventory REST `inventoryItemLots` ↔ canonical `Lot`.
 *
 * @example
 * ```ts
 * import { lotMapper } from "@mfgsync/mappers-oracle";
 * const r = lotMapper.decode({ LotNumber: "L1", OrganizationCode: "M1", ItemNumber: "RM-1", StatusCode: "Hold" });
 * if (r.ok) console.log(r.value.qualityStatus); // { value: "OnHold" }
 * ```
 */
export const lotMapper: Mapper<InventoryItemLot, Lot> = compileMapper<InventoryItemLot, "lot">(lotDeclaration);
