// The nonconformances an Oracle quality issue can hold (the documented input
// domain of the Oracle nonconformance mapper): tenant codes the test context's
// code tables know, int64 surrogate ids for affected objects, CAPA references
// and the customer, one object per affected item. What Oracle keeps lossily
// is declared as known loss by the mapper instead.
import type { AffectedItem, Nonconformance } from "@mfgsync/canonical";
import type { MappingContext } from "@mfgsync/mapping";
import { SCHEME, clean, withoutOracle } from "./fit.js";

/** The test tenant's code tables: every canonical value but Other has a code. */
export const NONCONFORMANCE_CONTEXT: MappingContext = {
  codeTables: {
    "oracle:QualityTypeId": { "300100190000301": "Product", "300100190000302": "Material", "300100190000303": "Process", "300100190000304": "Equipment", "300100190000305": "Documentation" },
    "oracle:QualityIssueSeverity": { ORA_CRITICAL: "Critical", ORA_HIGH: "Major", ORA_LOW: "Minor", ORA_OBSERVATION: "Observation" },
    "oracle:QualityIssueSource": { ORA_QUALITY: "Internal", ORA_SUPPLIER: "Supplier", ORA_CUSTOMER: "Customer", ORA_AUDIT: "Audit" },
    "oracle:WorkflowStatusId": { "300100190000101": "Open", "300100190000102": "UnderInvestigation", "300100190000103": "Contained", "300100190000104": "Closed", "300100190000105": "Cancelled" },
    "oracle:QualityIssueDisposition": { ORA_USE_AS_IS: "UseAsIs", ORA_REWORK: "Rework", ORA_REPAIR: "Repair", ORA_SCRAP: "Scrap", ORA_RETURN: "ReturnToVendor" },
  },
};

/** A digits-only id (an Oracle int64 surrogate) standing for any identifier value. */
function surrogate(value: string): string {
  let h = 7;
  for (const c of value) h = (h * 31 + c.charCodeAt(0)) % 1_000_000_007;
  return String(300100000000000 + h);
}

/** One object per affected item, named by its surrogate id. */
function fitAffected(item: AffectedItem): AffectedItem {
  if (item.material !== undefined) return { material: { id: { value: surrogate(item.material.id.value), scheme: "oracle-fusion.inventory-item-id" } } };
  if (item.lot !== undefined) return { lot: { value: surrogate(item.lot.value), scheme: "oracle-fusion.lot-id" } };
  if (item.order !== undefined) return { order: { value: surrogate(item.order.value), scheme: "oracle-fusion.work-order-id" } };
  return {};
}

/** The nonconformances an Oracle quality issue can hold. */
export function fitNonconformance(nc: Nonconformance): Nonconformance {
  const partner = nc.complaint?.partner;
  return clean({
    ...nc,
    extensions: withoutOracle(nc.extensions),
    id: { value: nc.id.value, scheme: SCHEME },
    affected: nc.affected.map(fitAffected),
    // Other has no Oracle disposition code: Oracle refuses free text in lookup attributes.
    disposition: nc.disposition?.value === "Other" ? undefined : nc.disposition,
    capaReferences: nc.capaReferences?.map((r) => ({ value: surrogate(r.value), scheme: "oracle-fusion.quality-action-id" })),
    complaint: partner === undefined ? undefined : { party: { value: "Customer" as const }, partner: { value: surrogate(partner.value), scheme: "oracle-fusion.customer-id" } },
  });
}
