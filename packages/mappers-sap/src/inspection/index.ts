import type { Inspection } from "@mfgsync/canonical";
import { compileMapper } from "@mfgsync/mapping";
import type { A_InspectionLot } from "../generated/wire-types.js";
import type { SapMapper } from "../odata/wire.js";
import { inspectionDeclaration } from "./declaration.js";

/**
 * SAP inspection mapper: API_INSPECTIONLOT_SRV `A_InspectionLot` with its
 * status, and the characteristics, results and usage decision the caller
 * attaches (`to_InspectionCharacteristic`, `to_InspectionResult`,
 * `to_InspLotUsageDecision`) ↔ canonical `Inspection`.
 *
 * @example
 * ```ts
 * import { inspectionMapper } from "@mfgsync/mappers-sap";
 * const r = inspectionMapper.decode({ InspectionLot: "890000000123", InspectionLotOrigin: "04", Plant: "1010" }, { plantTimeZones: { "1010": "Europe/Berlin" } });
 * if (r.ok) r.value.origin.value; // "Final"
 * ```
 */
export const inspectionMapper: SapMapper<A_InspectionLot, Inspection> = compileMapper<A_InspectionLot, "inspection">(inspectionDeclaration);
