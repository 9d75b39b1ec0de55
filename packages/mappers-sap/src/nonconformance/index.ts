import type { Nonconformance } from "@mfgsync/canonical";
import { compileMapper } from "@mfgsync/mapping";
import type { A_Defect } from "../generated/wire-types.js";
import type { SapMapper } from "../odata/wire.js";
import { nonconformanceDeclaration } from "./declaration.js";

/**
 * SAP nonconformance mapper: API_DEFECT_SRV `A_Defect` ↔ canonical
 * `Nonconformance`.
 *
 * @example
 * ```ts
 * import { nonconformanceMapper } from "@mfgsync/mappers-sap";
 * const r = nonconformanceMapper.decodeWire('{"d":{"DefectInternalID":"$00000000004","DefectText":"Incomplete Packing"}}');
 * ```
 */
export const nonconformanceMapper: SapMapper<A_Defect, Nonconformance> = compileMapper<A_Defect, "nonconformance">(nonconformanceDeclaration);
