import type { Inspection } from "@mfgsync/canonical";
import type { Mapper } from "@mfgsync/mapping";
import { compileMapper } from "@mfgsync/mapping";
import type { InspectionEvent } from "../generated/wire-types.js";
import { inspectionDeclaration } from "./declaration.js";

/**
 * Oracle inspection mapper: Quality REST `inspectionEvents` (with expanded
 * `eventCharacteristics`, `samplesAndResults` and `EventDisposition`) ↔
 * canonical `Inspection`. Compiled once when the module loads.
 *
 * @example
 * ```ts
 * import { inspectionMapper } from "@mfgsync/mappers-oracle";
 * const r = inspectionMapper.decode({ IpEventId: 300100190001001, OrganizationCode: "M1", EventType: "RCV", EventDisposition: [{ Disposition: "ACCEPT" }] });
 * if (r.ok) console.log(r.value.decision?.outcome.value); // "Accepted"
 * ```
 */
export const inspectionMapper: Mapper<InspectionEvent, Inspection> = compileMapper<InspectionEvent, "inspection">(inspectionDeclaration);
