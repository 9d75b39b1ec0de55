import type { Nonconformance } from "@mfgsync/canonical";
import type { Mapper } from "@mfgsync/mapping";
import { compileMapper } from "@mfgsync/mapping";
import { withPages } from "../odata/bundle.js";
import type { NonConformanceTable } from "../generated/wire-types.js";
import { nonconformanceDeclaration } from "./declaration.js";

/**
 * D365 nonconformance mapper: `NonConformanceTables` ↔ canonical
 * `Nonconformance` (collection and property names [unverified]).
 *
 * @example
 * ```ts
 * import { nonconformanceMapper } from "@mfgsync/mappers-d365";
 * const r = nonconformanceMapper.decode({ dataAreaId: "usmf", InventNonConformanceID: "NC-1", InventNonConformanceType: "Vend", NonConformanceDate: "2026-03-02T00:00:00Z" });
 * if (r.ok) r.value.source.value; // "Supplier"
 * ```
 */
export const nonconformanceMapper: Mapper<NonConformanceTable, Nonconformance> = withPages(compileMapper<NonConformanceTable, "nonconformance">(nonconformanceDeclaration), "InventNonConformanceID");
