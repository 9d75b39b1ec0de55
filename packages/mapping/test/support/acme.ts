// Two small vendors to test the core's profiles without any real vendor's
// quirks: "ACME REST" (Oracle REST profile: nulls, links, nested operation
// materials, organisation-scoped keys) and "ACME OData" (OData V4 profile:
// etags, company-scoped keys, primary and secondary route rows, enums, NoYes,
// date sentinels).
import { SCHEMA_VERSION } from "@mfgsync/canonical";
import type { CatalogEntityInfo, CatalogPropertyInfo } from "@mfgsync/mapping";
import {
  child, coded, fixed, compileMapper, dateAndSecondsOfDay, declareMapper, entity, enumMember, field, identifier, isoDate, isoDateTime, isoDateTimeAsDate,
  jsonDecimal, lossNormalizers, materialRef, noYes, odataV4Profile, oracleRestProfile, quantity, sameAsParent, text, unitCode, unitCodeAndName,
} from "@mfgsync/mapping";

const prop = (name: string, edmType: string, extra: Partial<CatalogPropertyInfo> = {}): CatalogPropertyInfo =>
  ({ name, edmType, maxLength: null, nullable: true, precision: null, scale: null, ...extra });

export const REST_ORDER: CatalogEntityInfo = {
  entitySet: "orders", keys: ["WorkOrderId"], derivedFrom: "spec",
  properties: [
    prop("WorkOrderId", "Edm.Int64", { readOnly: true }), prop("WorkOrderNumber", "Edm.String", { maxLength: 20 }), prop("OrganizationCode", "Edm.String", { maxLength: 18 }),
    prop("ItemNumber", "Edm.String", { maxLength: 40 }), prop("PlannedStartQuantity", "Edm.Decimal"), prop("UOMCode", "Edm.String", { maxLength: 3 }),
    prop("UnitOfMeasure", "Edm.String", { maxLength: 25 }), prop("StatusCode", "Edm.String", { maxLength: 30 }), prop("PlannedStartDate", "Edm.DateTimeOffset"),
    prop("PlannedCompletionDate", "Edm.Date"), prop("FirmPlannedFlag", "Edm.Boolean"), prop("LotControlCode", "Edm.Int64"), prop("LotControlValue", "Edm.String"),
    prop("Description", "Edm.String", { maxLength: 240 }), prop("LastUpdateDate", "Edm.DateTimeOffset", { readOnly: true }),
  ],
  navigationProperties: [{ name: "Operation", multiplicity: "*" }, { name: "Resource", multiplicity: "*" }],
};
export const REST_OPERATION: CatalogEntityInfo = {
  entitySet: "Operation", keys: ["OperationId"],
  properties: [prop("OperationId", "Edm.Int64", { readOnly: true }), prop("OperationSequenceNumber", "Edm.Decimal"), prop("OperationName", "Edm.String", { maxLength: 120 }), prop("WorkCenterCode", "Edm.String", { maxLength: 30 })],
  navigationProperties: [{ name: "Material", multiplicity: "*" }],
};
export const REST_MATERIAL: CatalogEntityInfo = {
  entitySet: "Material", keys: ["MaterialId"],
  properties: [prop("MaterialId", "Edm.Int64", { readOnly: true }), prop("MaterialSequenceNumber", "Edm.Decimal"), prop("ItemNumber", "Edm.String", { maxLength: 40 }), prop("Quantity", "Edm.Decimal"), prop("UOMCode", "Edm.String", { maxLength: 3 })],
  navigationProperties: [],
};

const UNITS = { units: { Ea: "H87", Kg: "KGM", Each: "H87" }, unitsOut: { H87: "Ea", KGM: "Kg" } };

export const restDeclaration = declareMapper({
  name: "acme-rest:production-order", title: "ACME REST work orders", canonical: "production-order", profile: oracleRestProfile, namespace: "acme",
  defaults: { scheme: "acme", ...UNITS },
  root: entity({
    entity: "orders", catalog: REST_ORDER, constants: { schemaVersion: SCHEMA_VERSION, kind: "production-order", plant: "M1" },
    scope: { vendor: "OrganizationCode", type: "organization", fallback: "plant" },
    fields: [
      field("WorkOrderNumber", "id", identifier({ scoped: true, crossReferences: true }), { required: true }),
      field("WorkOrderId", "crossReferences[scheme=acme.work-order-id]", identifier({ numeric: true, scheme: "acme.work-order-id" })),
      field("ItemNumber", "material", materialRef({ scoped: true }), { required: true }),
      field(["PlannedStartQuantity", "UOMCode", "UnitOfMeasure"], "plannedQuantity", quantity(jsonDecimal(), unitCodeAndName()), { required: true }),
      field("StatusCode", "state", coded({ list: "acme:status", codes: { RELEASED: "Released", UNRELEASED: "Forecast", ON_HOLD: "Held" }, fallback: "Other", tenant: true }), { required: true }),
      field("PlannedStartDate", "plannedStart", isoDateTime({ utc: "+00:00" })),
      field("PlannedCompletionDate", "plannedEnd", isoDate()),
      field("LastUpdateDate", "lastChangedAt", isoDateTime({ utc: "+00:00" })),
    ],
    children: [child("Operation", "operations", entity({
      entity: "Operation", catalog: REST_OPERATION,
      fields: [
        field("OperationSequenceNumber", "sequence", jsonDecimal(), { required: true }),
        field("OperationName", "description", text()),
        field("WorkCenterCode", "workCenter", text()),
      ],
      constants: { state: { value: "Released" } },
      children: [child("Material", "components", entity({
        entity: "Material", catalog: REST_MATERIAL, constants: { materialUse: { value: "Consumed" } },
        fields: [
          field("MaterialSequenceNumber", "item", jsonDecimal()),
          field("ItemNumber", "material", materialRef({ scoped: true }), { required: true }),
          field(["Quantity", "UOMCode"], "requiredQuantity", quantity(jsonDecimal(), unitCode()), { required: true }),
        ],
      }), { match: "item", flatten: { into: "components", link: { canonical: "issuingOperation", parent: "sequence" } } })],
    }), { match: "sequence" })],
  }),
  knownLoss: [],
});
export const restMapper = compileMapper<Record<string, unknown>, "production-order">(restDeclaration);

export const ODATA_ORDER: CatalogEntityInfo = {
  entitySet: "Orders", keys: ["dataAreaId", "OrderNumber"],
  properties: [
    prop("dataAreaId", "Edm.String", { maxLength: 4, nullable: false }), prop("OrderNumber", "Edm.String", { maxLength: 20, nullable: false }), prop("ItemNumber", "Edm.String", { maxLength: 20 }),
    prop("ScheduledQuantity", "Edm.Decimal"), prop("Status", "Edm.Enum", { enumType: "Acme.OrderStatus", enumMembers: ["Created", "Released", "Completed"] }),
    prop("IsLocked", "Edm.Enum", { enumType: "Acme.NoYes", enumMembers: ["No", "Yes"] }), prop("ScheduledStartDate", "Edm.DateTimeOffset"), prop("ScheduledStartTime", "Edm.Int32"),
    prop("DeliveryDate", "Edm.DateTimeOffset"), prop("SiteId", "Edm.String", { maxLength: 10 }),
  ],
  navigationProperties: [{ name: "Lines", multiplicity: "*" }, { name: "Route", multiplicity: "*" }],
};
export const ODATA_LINE: CatalogEntityInfo = {
  entitySet: "OrderLines", keys: ["dataAreaId", "OrderNumber", "LineNumber"],
  properties: [
    prop("dataAreaId", "Edm.String", { maxLength: 4 }), prop("OrderNumber", "Edm.String", { maxLength: 20 }), prop("LineNumber", "Edm.Decimal"), prop("ItemNumber", "Edm.String", { maxLength: 20 }),
    prop("LineQuantity", "Edm.Decimal"), prop("UnitSymbol", "Edm.String", { maxLength: 10 }),
    prop("IsBackflushed", "Edm.Enum", { enumType: "Acme.NoYes", enumMembers: ["No", "Yes"] }),
  ],
  navigationProperties: [],
};
export const ODATA_ROUTE: CatalogEntityInfo = {
  entitySet: "OrderRoute", keys: ["dataAreaId", "OrderNumber", "OperationNumber", "OperationPriority"],
  properties: [
    prop("dataAreaId", "Edm.String", { maxLength: 4 }), prop("OrderNumber", "Edm.String", { maxLength: 20 }), prop("OperationNumber", "Edm.Int32"),
    prop("OperationPriority", "Edm.Enum", { enumType: "Acme.RouteOprPriority", enumMembers: ["Primary", "Secondary1", "Secondary2"] }), prop("ResourceId", "Edm.String", { maxLength: 20 }),
  ],
  navigationProperties: [],
};

export const odataDeclaration = declareMapper({
  name: "acme-odata:production-order", title: "ACME OData orders", canonical: "production-order", profile: odataV4Profile, namespace: "acme",
  defaults: { scheme: "acme", units: { ea: "H87", kg: "KGM" }, unitsOut: { H87: "ea", KGM: "kg" } },
  root: entity({
    entity: "Orders", catalog: ODATA_ORDER, constants: { schemaVersion: SCHEMA_VERSION, kind: "production-order", plannedQuantity: { value: "0", unit: "H87" } },
    scope: { vendor: "dataAreaId", type: "company", caseInsensitive: true },
    plant: { vendor: "SiteId", canonical: "plant" },
    fields: [
      field("OrderNumber", "id", identifier({ scoped: true }), { required: true }),
      field("ItemNumber", "material", materialRef({ scoped: true }), { required: true }),
      field("SiteId", "plant", text(), { required: true }),
      field("ScheduledQuantity", "plannedQuantity.value", jsonDecimal(), { required: true }),
      field("Status", "state", enumMember({ list: "acme:OrderStatus", members: { Created: "Forecast", Released: "Released", Completed: "Completed" }, fallback: "Other" }), { required: true }),
      field(["ScheduledStartDate", "ScheduledStartTime"], "scheduledStart", dateAndSecondsOfDay({ noDate: "1900-01-01T00:00:00Z" })),
      field("DeliveryDate", "plannedEnd", isoDateTimeAsDate({ noDate: "1900-01-01T00:00:00Z" })),
    ],
    children: [
      child("Lines", "components", entity({
        entity: "OrderLines", catalog: ODATA_LINE, constants: { materialUse: { value: "Consumed" } },
        scope: { vendor: "dataAreaId", type: "company", caseInsensitive: true },
        fields: [
          field("LineNumber", "item", jsonDecimal(), { required: true }),
          field("ItemNumber", "material", materialRef({ scoped: true }), { required: true }),
          field(["LineQuantity", "UnitSymbol"], "requiredQuantity", quantity(jsonDecimal(), unitCode()), { required: true }),
          field("IsBackflushed", "backflush", noYes()),
          field("OrderNumber", null, sameAsParent("OrderNumber")),
        ],
      }), { match: "item" }),
      child("Route", "operations", entity({
        entity: "OrderRoute", catalog: ODATA_ROUTE, constants: { state: { value: "Released" } },
        scope: { vendor: "dataAreaId", type: "company", caseInsensitive: true },
        fields: [
          field("OperationNumber", "sequence", jsonDecimal(), { required: true }),
          field("ResourceId", "workCenter", text()),
          field("OperationPriority", null, fixed("Primary")),
          field("OrderNumber", null, sameAsParent("OrderNumber")),
        ],
      }), { match: "sequence", group: { by: "OperationNumber", primary: { property: "OperationPriority", value: "Primary" } } }),
    ],
  }),
  knownLoss: [
    { path: "/plannedEnd", reason: "a date only", normalize: lossNormalizers.dateOnly },
    { path: "/plannedQuantity/unit", reason: "the header has no unit", normalize: () => "H87" },
  ],
});
export const odataMapper = compileMapper<Record<string, unknown>, "production-order">(odataDeclaration);
