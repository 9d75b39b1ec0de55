import type { Lot } from "@mfgsync/canonical";
import type { Mapper } from "@mfgsync/mapping";
import { compileMapper } from "@mfgsync/mapping";
import { withPages } from "../odata/bundle.js";
import type { ItemBatch } from "../generated/wire-types.js";
import { batchDeclaration } from "./declaration.js";

/**
 * D365 batch mapper: `ItemBatches` ↔ canonical `Lot`, with the batch
 * disposition code read through the context's code table.
 *
 * @example
 * ```ts
 * import { batchMapper } from "@mfgsync/mappers-d365";
 * const r = batchMapper.decode({ dataAreaId: "usmf", ItemNumber: "P2100", BatchNumber: "B-1", BatchDispositionCode: "QC-HOLD", PrimaryVendorOriginCountryRegionId: "CHE" });
 * if (r.ok) r.value.countryOfOrigin; // "CH"
 * ```
 */
export const batchMapper: Mapper<ItemBatch, Lot> = withPages(compileMapper<ItemBatch, "lot">(batchDeclaration), "BatchNumber");
