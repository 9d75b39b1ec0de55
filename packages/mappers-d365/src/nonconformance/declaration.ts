import { showValue } from "../odata/show.js";
import { SCHEMA_VERSION } from "@mfgsync/canonical";
import type { Converter } from "@mfgsync/mapping";
import { declareMapper, entity, enumMember, field, identifier, isoDateTime, odataV4Profile } from "@mfgsync/mapping";
import { D365_CONTEXT_DEFAULTS, D365_NAMESPACE, D365_NO_DATE } from "../context.js";
import { NonConformanceTables_CATALOG } from "../generated/catalog.js";
import { COMMON_LOSSES, codeLoss, issuerLoss } from "../losses.js";
import { affectedItem, nonconformanceType, problemType } from "./converters.js";

/** `Closed` (NoYes) → Closed or Open; written Yes for Closed and Cancelled. */
const closedFlag: Converter<unknown, { value: string }> = {
  kind: "NoYes closed flag",
  description: "Yes → Closed, No or none → Open",
  arity: 1,
  decode(value, scope, props) {
    if (value === undefined) return { value: "Open" };
    if (value === "Yes") return { value: "Closed" };
    if (value === "No") return { value: "Open" };
    if (value === null) {
      scope.carry(props[0] ?? "", null);
      return { value: "Open" };
    }
    return scope.issue(props[0] ?? "", "value.invalid", `${props[0] ?? ""} is a NoYes enum ("Yes" or "No"), got ${showValue(value)}`);
  },
  encode(value) {
    return value?.value === "Closed" || value?.value === "Cancelled" ? "Yes" : "No";
  },
};

/**
 * `NonConformanceTables` (entity InventNonConformanceTableEntity; collection
 * name and property names [unverified]) ↔ canonical `Nonconformance`.
 *
 * @example
 * ```ts
 * import { nonconformanceDeclaration } from "@mfgsync/mappers-d365";
 * nonconformanceDeclaration.root.entity; // "NonConformanceTables"
 * ```
 */
export const nonconformanceDeclaration = declareMapper({
  name: "d365:nonconformance",
  title: "Dynamics 365 SCM NonConformanceTables (OData V4)",
  canonical: "nonconformance",
  profile: odataV4Profile,
  namespace: D365_NAMESPACE,
  defaults: D365_CONTEXT_DEFAULTS,
  notes: [
    "The collection name NonConformanceTables and the property names (the CDM table fields of InventNonConformanceTable) are [unverified]: check them against the tenant's $metadata.",
    "The table has no description: the canonical description is derived from the problem type and the number, and is not written back (a known loss).",
    "State: Closed = Yes → Closed, else Open; approval New → Pending, Approved, Refused (InventNonConformanceApproval) [member names inferred].",
    "Severity: the table has no severity field [seen-cdm] (Rush is an urgency flag, kept in extensions): severity reads as Other and is not written.",
    "References: InventRefId (the production, purchase or sales order) is the affected item's order; InventTransType (the kind of document) is kept in extensions as read. The table has no batch number: the batch is behind InventDimId, and InventTransIdRef is an inventory lot id (a transaction), not a batch; both are kept in extensions.",
  ],
  root: entity({
    entity: "NonConformanceTables",
    catalog: NonConformanceTables_CATALOG,
    constants: { schemaVersion: SCHEMA_VERSION, kind: "nonconformance", severity: { value: "Other" }, containmentActions: [] },
    scope: { vendor: "dataAreaId", type: "company", caseInsensitive: true },
    fields: [
      field("InventNonConformanceID", "id", identifier({ scoped: true }), { required: true, note: "number sequence" }),
      field("InventNonConformanceType", "", nonconformanceType(), { fills: ["source", "type"], required: true, uncertain: "member names Cust, Vend, Service from a public project [unverified]; the type per member is [inferred]" }),
      field("InventTestProblemTypeId", "", problemType(), { fills: ["description", "defects"], note: "the problem type is the defect code; the description is derived (\"<problem type> (nonconformance <id>)\")" }),
      field("Closed", "status", closedFlag, { note: "Yes → Closed, else Open" }),
      field("InventNonConformanceApproval", "approval.state", enumMember({ list: "d365:InventNonConformanceApproval", members: { New: "Pending", Approved: "Approved", Refused: "Refused" }, fallback: "Other" }), { uncertain: "member names New, Approved, Refused [inferred from labels]" }),
      field(["ItemId", "TestDefectQty", "UnitId", "InventRefId"], "", affectedItem(), {
        fills: ["affected"],
        note: "the item, the defective quantity and the source document (production, purchase or sales order) it was found in; the batch is behind InventDimId, InventTransIdRef is an inventory lot id (both kept in extensions)",
        uncertain: "that InventRefId is the source document number, its kind given by InventTransType (member names not seen, kept as read), is [inferred]",
      }),
      field("NonConformanceDate", "openedAt", isoDateTime({ utc: "Z", noDate: D365_NO_DATE }), { required: true, note: "a date, read as midnight UTC" }),
    ],
  }),
  knownLoss: [
    ...COMMON_LOSSES,
    ...codeLoss(["/source", "/type", "/approval/state"]),
    ...issuerLoss(["/id", "/affected/*/material/id"]),
    { path: "/description", reason: "derived from the problem type and the number: the table has no description", normalize: (_v, env) => {
      const root = env.root as { id: { value: string }; defects?: { code: string }[] };
      const code = root.defects?.[0]?.code;
      return code === undefined ? `Nonconformance ${root.id.value}` : `${code} (nonconformance ${root.id.value})`;
    } },
    { path: "/defects", reason: "one problem type per nonconformance, its code only", normalize: (v) => (Array.isArray(v) && v.length > 0 ? [{ code: (v[0] as { code: string }).code }] : []) },
    { path: "/status", reason: "D365 keeps a closed flag only", normalize: (v) => ({ value: ["Closed", "Cancelled"].includes((v as { value: string }).value) ? "Closed" : "Open" }) },
    { path: "/severity", reason: "D365 nonconformances have no severity (Rush is kept in extensions)", normalize: () => ({ value: "Other" }) },
    { path: "/approval/decidedBy", reason: "not on the table" },
    { path: "/approval/decidedAt", reason: "not on the table" },
    { path: "/approval/comment", reason: "not on the table" },
    { path: "/affected/*/lot", reason: "the batch is behind InventDimId (kept in extensions)" },
    { path: "/affected/*/serialNumbers", reason: "serials are behind InventDimId" },
    ...issuerLoss(["/affected/*/order"]),
    { path: "/affected/*/operation", reason: "not on the table" },
    { path: "/affected/*/material/revision", reason: "product dimensions are behind InventDimId" },
    { path: "/affected", reason: "one item per nonconformance", normalize: (v) => (Array.isArray(v) ? v.slice(0, 1) : v) },
    { path: "/openedAt", reason: "NonConformanceDate is written in UTC", normalize: (v) => (typeof v === "string" ? new Date(Date.parse(v)).toISOString().replace(/\.000Z$/, "Z") : v) },
    ...["/title", "/plant", "/containmentActions", "/disposition", "/rootCause", "/capaReferences", "/complaint", "/heldLots", "/stoppedOrders", "/inspection", "/reportedBy", "/dueAt", "/closedAt", "/lastChangedAt"]
      .map((path) => ({ path, reason: "not on the nonconformance table (corrections, diagnostics and CAPA are separate entities)" })),
  ],
});
