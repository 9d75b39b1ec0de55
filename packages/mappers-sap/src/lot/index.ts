import type { Lot } from "@mfgsync/canonical";
import { compileMapper } from "@mfgsync/mapping";
import type { Batch } from "../generated/wire-types.js";
import type { SapMapper } from "../odata/wire.js";
import { batchDeclaration } from "./declaration.js";

/**
 * SAP batch mapper: API_BATCH_SRV `Batch` ↔ canonical `Lot`.
 *
 * @example
 * ```ts
 * import { batchMapper } from "@mfgsync/mappers-sap";
 * const r = batchMapper.decode({ Material: "FG226", BatchIdentifyingPlant: "1710", Batch: "0000000008", MatlBatchIsInRstrcdUseStock: true });
 * if (r.ok) r.value.disposition.value; // "Restricted"
 * ```
 */
export const batchMapper: SapMapper<Batch, Lot> = compileMapper<Batch, "lot">(batchDeclaration);
