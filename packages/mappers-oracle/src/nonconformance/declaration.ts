import type { NonconformanceDisposition, NonconformanceSource, NonconformanceStatus, NonconformanceType, Severity } from "@mfgsync/canonical";
import { SCHEMA_VERSION } from "@mfgsync/canonical";
import type { MapperDeclaration } from "@mfgsync/mapping";
import { child, coded, declareMapper, entity, field, identifier, oracleRestProfile, text } from "@mfgsync/mapping";
import { ORACLE_CODE_LISTS, ORACLE_CONTEXT_DEFAULTS, ORACLE_ID_SCHEMES, ORACLE_NAMESPACE } from "../context.js";
import { oracleDateTime } from "../converters.js";
import { QUALITY_ISSUE_AFFECTED_OBJECTS_CATALOG, QUALITY_ISSUE_CATALOG } from "../generated/catalog.js";
import { withMaxLength } from "../inspection/converters.js";
import { COMMON_LOSSES, codeLoss, instantLoss, issuerLoss } from "../losses.js";
import { affectedObject } from "./affected.js";
import { issueCustomer, issueDescription, issueTitle, tenantCode, tenantIdCode } from "./converters.js";
import { issueRelationships } from "./relationships.js";

/** Attributes Oracle's reference and use case show on qualityIssues that the field catalog does not list (see the notes). */
const UNCATALOGUED = "not in the notes or the field catalog; seen in Oracle's fasrp reference (PATCH qualityIssues) [verify with /describe]";

const affectedEntity = entity({
  entity: "AffectedObjects",
  catalog: QUALITY_ISSUE_AFFECTED_OBJECTS_CATALOG,
  fields: [
    field(["SupportedEntityCode", "ObjectId"], "", affectedObject(), {
      fills: ["material", "lot", "order"],
      note: "the object type and its id: an item → material (inventory item id), a lot → lot, a work order → order; inspections, operations and other types name nothing (the row is kept whole)",
      uncertain: "the SupportedEntityCode values (defaults ITEM, LOT, WORK_ORDER are placeholders; set codeTables[\"oracle:SupportedEntityCode\"]) and that ObjectId is the object's own id are [inferred]",
    }),
  ],
});

/**
 * The declaration of the Oracle nonconformance mapper: PLM `qualityIssues`
 * with expanded `AffectedObjects` and `Relationships` ↔ canonical
 * `Nonconformance`. The issue number is the id and `IssueId` a
 * cross-reference; severity, source, disposition, quality type and workflow
 * status are tenant codes read through the context's code tables (Other
 * without an entry); the affected objects are the affected items, the
 * relationships to quality actions the CAPA references. `Security`,
 * `WorkflowApprovers` and every attribute without a canonical home are kept
 * in the extensions.
 *
 * @example
 * ```ts
 * import { nonconformanceDeclaration } from "@mfgsync/mappers-oracle";
 * nonconformanceDeclaration.root.entity; // "qualityIssues"
 * ```
 */
export const nonconformanceDeclaration: MapperDeclaration<"nonconformance"> = declareMapper({
  name: "oracle:nonconformance",
  title: "Oracle Fusion Cloud SCM quality issue (REST qualityIssues)",
  canonical: "nonconformance",
  profile: oracleRestProfile,
  namespace: ORACLE_NAMESPACE,
  defaults: ORACLE_CONTEXT_DEFAULTS,
  notes: [
    "Status is workflow-driven (WorkflowStatusId, configured per quality type) and Severity, Source and Disposition are lookup codes whose values the notes did not see: their canonical meanings come from the context's code tables (oracle:WorkflowStatusId, oracle:QualityTypeId, oracle:QualityIssueSeverity, oracle:QualityIssueSource, oracle:QualityIssueDisposition); without an entry they read as Other, the code kept as originalCode.",
    "ReportedDate, ReportedBy and OrganizationCode are not in the notes or the field catalog: they are seen in Oracle's fasrp reference and use case for qualityIssues. Verify them with GET qualityIssues/describe.",
    "Description is also a LOB enclosure that a GET may leave out: an issue without one reads its Name (or its number) as the canonical description, which is required.",
    "Downtime is typed int64 by a catalog supplement (Oracle's reference; the notes give no type, the unit is not stated) and kept in extensions.",
  ],
  root: entity({
    entity: "qualityIssues",
    catalog: QUALITY_ISSUE_CATALOG,
    constants: { schemaVersion: SCHEMA_VERSION, kind: "nonconformance", defects: [], containmentActions: [] },
    requiredKeys: [],
    plant: { vendor: "OrganizationCode", canonical: "plant" },
    fields: [
      field("IssueNumber", "id", identifier({ crossReferences: true }), { required: true, note: "user key (required on POST)", uncertain: "whether issue numbers repeat across organisations is not stated; read as unique in the pod" }),
      field("IssueId", `crossReferences[scheme=${ORACLE_ID_SCHEMES.qualityIssue}]`, identifier({ numeric: true, scheme: ORACLE_ID_SCHEMES.qualityIssue }), { note: "int64 surrogate key, kept exactly" }),
      field("Name", "title", issueTitle(), { note: "at most 255 characters as the title; longer names are kept in extensions" }),
      field("Description", "description", issueDescription(), { required: true, note: "also a LOB enclosure; without one the Name (or \"Quality issue <IssueNumber>\") is the description" }),
      field("QualityTypeId", "type", tenantIdCode<NonconformanceType>(ORACLE_CODE_LISTS.qualityType, "Other"), { required: true, note: "quality type id → codeTables[\"oracle:QualityTypeId\"], else Other" }),
      field("Severity", "severity", withMaxLength(tenantCode<Severity>(ORACLE_CODE_LISTS.qualityIssueSeverity, "Other"), "Severity", 30), { required: true, uncertain: "lookup codes not seen in the notes (Oracle's use case sends ORA_HIGH); the 30-character limit is from Oracle's reference" }),
      field("Source", "source", withMaxLength(tenantCode<NonconformanceSource>(ORACLE_CODE_LISTS.qualityIssueSource, "Other"), "Source", 255), { required: true, uncertain: "lookup codes not seen in the notes (Oracle's use case sends ORA_QUALITY); its length is not stated: at most a canonical code (255)" }),
      field("WorkflowStatusId", "status", tenantIdCode<NonconformanceStatus>(ORACLE_CODE_LISTS.workflowStatus, "Other"), { required: true, note: "workflow status id → codeTables[\"oracle:WorkflowStatusId\"], else Other", uncertain: "no fixed status enum exists (notes §6)" }),
      field("Disposition", "disposition", withMaxLength(coded<NonconformanceDisposition>({ list: ORACLE_CODE_LISTS.qualityIssueDisposition, codes: {}, fallback: "Other", tenant: true }), "Disposition", 30), {
        uncertain: "lookup codes not seen; the 30-character limit is from Oracle's reference",
      }),
      field("CustomerId", "complaint", issueCustomer(), { note: "the customer complaint behind the issue (int64 customer id)" }),
      field("OrganizationCode", "plant", text({ maxLength: 32 }), { uncertain: UNCATALOGUED }),
      field("ReportedBy", "reportedBy", text({ maxLength: 128 }), { uncertain: UNCATALOGUED }),
      field("ReportedDate", "openedAt", oracleDateTime(), { required: true, note: "date-time; the canonical openedAt is required", uncertain: UNCATALOGUED }),
      field("ExpectedResolutionDate", "dueAt", oracleDateTime()),
      field("Relationships", "capaReferences", issueRelationships(), {
        note: "rows to quality actions → CAPA references (oracle-fusion.quality-action-id); all rows kept and written back as read",
        uncertain: "the object type code of a quality action (default ORA_ACTION, from the quality tables' lookup) is [inferred]",
      }),
    ],
    children: [child("AffectedObjects", "affected", affectedEntity, { note: "one affected item per row, rows kept whole" })],
  }),
  knownLoss: [
    ...COMMON_LOSSES,
    { path: "/crossReferences", reason: `only IssueId (${ORACLE_ID_SCHEMES.qualityIssue}) is kept as a cross-reference`, normalize: (value) => {
      if (!Array.isArray(value)) return value;
      const kept = (value as { scheme?: unknown }[]).filter((r) => r.scheme === ORACLE_ID_SCHEMES.qualityIssue).map((r) => {
        const { issuer: _i, scope: _s, crossReferences: _c, ...rest } = r as Record<string, unknown>;
        return rest;
      });
      return kept.length > 0 ? kept.slice(0, 1) : undefined;
    } },
    ...issuerLoss(["/id"]),
    ...codeLoss(["/type", "/severity", "/source", "/status", "/disposition"]),
    { path: "/title", reason: "a blank title is not a title in Oracle (kept as the Name)", normalize: (v) => (typeof v === "string" && v.trim() === "" ? undefined : v) },
    { path: "/description", reason: "a blank Description is no description: the issue reads its Name (or its number) instead", normalize: (v, env) => {
      if (typeof v !== "string" || v.trim() !== "") return v;
      const root = env.root as { title?: string; id?: { value?: string } };
      if (typeof root.title === "string" && root.title.trim() !== "") return root.title;
      return typeof root.id?.value === "string" && root.id.value !== "" ? `Quality issue ${root.id.value}` : "Quality issue";
    } },
    { path: "/complaint", reason: "Oracle keeps the customer id only (CustomerId): the complaint record and a complaint without a customer are not kept", normalize: (value) => {
      const c = value as { party?: { value?: unknown }; partner?: { value?: unknown; scheme?: unknown } } | undefined;
      if (c?.party?.value !== "Customer" || c.partner === undefined) return undefined;
      return { party: { value: "Customer" }, partner: { value: c.partner.value, scheme: c.partner.scheme } };
    } },
    { path: "/capaReferences", reason: "only quality action ids are kept, without issuer, scope or cross-references", normalize: (value) => {
      if (!Array.isArray(value)) return value;
      const refs = (value as { value?: unknown; scheme?: unknown }[]).map((r) => ({ value: r.value, scheme: r.scheme }));
      return refs.length > 0 ? refs : undefined;
    } },
    ...instantLoss(["/openedAt", "/dueAt"]),
    { path: "/affected/*/material/id", reason: "an affected item is named by its inventory item id (ObjectId) only", normalize: (value) => {
      const id = value as { value?: unknown; scheme?: unknown } | undefined;
      return id === undefined ? undefined : { value: id.value, scheme: id.scheme };
    } },
    ...issuerLoss(["/affected/*/lot", "/affected/*/order"]),
    { path: "/affected/*/material/revision", reason: "an AffectedObjects row names the object's id only (SubContextCode is kept in extensions)" },
    { path: "/affected/*/serialNumbers", reason: "an AffectedObjects row names the object's id only" },
    { path: "/affected/*/quantity", reason: "AffectedObjects rows carry no quantity in the catalog" },
    { path: "/affected/*/operation", reason: "an operation is an AffectedObjects row of its own type, kept in extensions" },
    { path: "/lastChangedAt", reason: "not among the catalogued qualityIssues attributes" },
    { path: "/defects", reason: "quality issues carry no coded defects in the catalog", normalize: () => [] },
    { path: "/containmentActions", reason: "containment is recorded as quality actions (qualityActions), not on the issue", normalize: () => [] },
    { path: "/rootCause", reason: "not among the catalogued qualityIssues attributes (DispositionComment is kept in extensions)" },
    { path: "/approval", reason: "approvals are the WorkflowApprovers rows, kept in extensions" },
    { path: "/heldLots", reason: "not among the catalogued qualityIssues attributes" },
    { path: "/stoppedOrders", reason: "not among the catalogued qualityIssues attributes (Downtime is kept in extensions)" },
    { path: "/inspection", reason: "an inspection is an AffectedObjects row of its own type, kept in extensions" },
    { path: "/closedAt", reason: "not among the catalogued qualityIssues attributes" },
  ],
});
