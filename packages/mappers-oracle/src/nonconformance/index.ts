import type { Nonconformance } from "@mfgsync/canonical";
import type { Mapper } from "@mfgsync/mapping";
import { compileMapper } from "@mfgsync/mapping";
import type { QualityIssue } from "../generated/wire-types.js";
import { nonconformanceDeclaration } from "./declaration.js";

/**
 * Oracle nonconformance mapper: PLM REST `qualityIssues` (with expanded
 * `AffectedObjects` and `Relationships`) ↔ canonical `Nonconformance`.
 * Compiled once when the module loads.
 *
 * @example
 * ```ts
 * import { qualityIssueMapper } from "@mfgsync/mappers-oracle";
 * const r = qualityIssueMapper.decode({ IssueId: 300100115930062, IssueNumber: "ISSUE151", Name: "Burr on flange", Severity: "ORA_HIGH", ReportedDate: "2026-12-03T08:00:00+00:00" });
 * if (r.ok) console.log(r.value.id.value, r.value.severity.originalCode); // "ISSUE151" "ORA_HIGH"
 * ```
 */
export const qualityIssueMapper: Mapper<QualityIssue, Nonconformance> = compileMapper<QualityIssue, "nonconformance">(nonconformanceDeclaration);
