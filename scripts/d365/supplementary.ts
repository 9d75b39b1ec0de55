/**
 * Catalogs of the entities the OpenAPI lacks, from the supplementary catalog
 * (`d365-supplementary-entities.catalog.json`, compiled by the notes' author):
 *
 * - ProductionOrderBillOfMaterialLines, QualityOrderHeaders, UnitsOfMeasure: Edm
 *   kinds stated per field (`Edm.Decimal`, `enum:NoYes`), read from an SAP Cloud
 *   SDK client generated from a real `$metadata` [seen-sapsdk]. BOM-line names
 *   containing `BOM` have inferred casing (the SDK lower-cases acronyms).
 * - The quality order line results and the nonconformance: attribute names from
 *   the Microsoft Common Data Model [seen-cdm], which gives no types. Their Edm
 *   kinds, keys and collection names are interpreted below; every property is
 *   `inferred` and says why.
 */
import { enumOf } from "./enums.js";
import { AOT_ENTITIES, NAVIGATIONS, READ_ONLY } from "./facts.js";
import { checked, property, type D365EntityCatalog, type D365Enum, type D365Property, type EdmType } from "./model.js";

export const SUPPLEMENTARY_FILE = "vendor-specs/d365/d365-supplementary-entities.catalog.json";

export interface SupplementaryEntity {
  evidence: string;
  keys?: string[];
  keys_inferred?: string[];
  fields: Record<string, string>;
}

export interface SupplementaryDoc {
  entities: Record<string, SupplementaryEntity>;
  enums_verified: Record<string, import("./enums.js").VerifiedEnum>;
}

/** How one CDM attribute is catalogued: Edm kind (and enum type), and why. */
type Interpretation = readonly [EdmType, string | null, string];

const DECIMAL_QTY = "Edm.Decimal assumed: D365 quantities are Edm.Decimal (notes section 1, seen-sapsdk).";
const STRING_ID = "Edm.String assumed for an identifier.";
const NOYES = "NoYes enum assumed: F&O entities send X++ flags as NoYes member names (notes section 1).";
const LINE_NUMBER =
  "Edm.Decimal assumed: X++ line and sequence numbers are reals (compare ProductionOrderBillOfMaterialLines.LineNumber, Edm.Decimal seen-sapsdk), and a decimal also accepts every integer.";

/** InventQualityOrderLineResultEntity (CDM gives names only; notes section 5 gives ResultValue and TestResult). */
const LINE_RESULT_TYPES: Readonly<Record<string, Interpretation>> = {
  QualityOrderNumber: ["Edm.String", null, "Edm.String as QualityOrderHeaders.QualityOrderNumber (seen-sapsdk)."],
  QualityTestId: ["Edm.String", null, STRING_ID],
  QualityOrderSequenceNumber: ["Edm.Decimal", null, LINE_NUMBER],
  ResultLineNumber: ["Edm.Decimal", null, LINE_NUMBER],
  TestResult: ["Edm.Enum", "InventTestOutcomeStatus", "enum InventTestOutcomeStatus per the supplementary catalog (members seen-doc); D365 derives it from ResultValue."],
  ResultValue: ["Edm.Decimal", null, "decimal per a Dataverse virtual-table probe (notes section 5)."],
  QualityTestVariableOutcomeId: ["Edm.String", null, STRING_ID],
  ResultInventoryQuantity: ["Edm.Decimal", null, DECIMAL_QTY],
  ResultCatchWeightQuantity: ["Edm.Decimal", null, DECIMAL_QTY],
  IsTestValidationIncludingResult: ["Edm.Enum", "NoYes", NOYES],
};

const TABLE_NAME = "entity property name unverified: the CDM table field name is used.";
/** InventNonConformanceTable table fields (the supplementary catalog's own type words). */
const NONCONFORMANCE_TYPES: Readonly<Record<string, Interpretation>> = {
  InventNonConformanceID: ["Edm.String", null, TABLE_NAME],
  InventNonConformanceType: ["Edm.Enum", "InventNonConformanceType", TABLE_NAME],
  InventNonConformanceApproval: ["Edm.Enum", "InventNonConformanceApproval", TABLE_NAME],
  Closed: ["Edm.Enum", "NoYes", TABLE_NAME],
  InventTestProblemTypeId: ["Edm.String", null, TABLE_NAME],
  ItemId: ["Edm.String", null, TABLE_NAME],
  InventDimId: ["Edm.String", null, `${TABLE_NAME} An inventory dimension id: the batch is not a field of the table.`],
  NonConformanceDate: ["Edm.DateTimeOffset", null, `${TABLE_NAME} A table date: F&O entities expose dates as Edm.DateTimeOffset at midnight UTC (notes section 1).`],
  TestDefectQty: ["Edm.Decimal", null, TABLE_NAME],
  UnitId: ["Edm.String", null, TABLE_NAME],
  InventRefId: ["Edm.String", null, TABLE_NAME],
  InventTransIdRef: ["Edm.String", null, TABLE_NAME],
  InventTransType: ["Edm.Enum", "InventTransType", TABLE_NAME],
  InventTestInfoStat: ["Edm.Enum", "InventTestInfoStat", TABLE_NAME],
  InventTestInfoStatRef: ["Edm.String", null, TABLE_NAME],
  InventTestQuarantineType: ["Edm.Enum", "InventTestQuarantineType", TABLE_NAME],
  QuarantineZoneId: ["Edm.String", null, TABLE_NAME],
  CustAccount: ["Edm.String", null, TABLE_NAME],
  VendAccount: ["Edm.String", null, TABLE_NAME],
  TestResponsibleWorker: ["Edm.Int64", null, `${TABLE_NAME} A worker RecId (int64).`],
  Rush: ["Edm.Int32", null, `${TABLE_NAME} "int" per the supplementary catalog; it may be a NoYes flag on the entity.`],
  PdsCWTestDefectQty: ["Edm.Decimal", null, TABLE_NAME],
  // The table's DataAreaId: every F&O data entity exposes the company as `dataAreaId`.
  DataAreaId: ["Edm.String", null, "table field DataAreaId; every F&O data entity calls it dataAreaId."],
};

interface Selection {
  /** Key in the supplementary catalog's `entities`. */
  match: (key: string) => boolean;
  entitySet: string;
  wireType: string;
  evidence: string;
  /** Evidence for the entity as a whole (collection name), when it differs from the properties'. */
  entityEvidence?: string;
  note: string;
  /** CDM-derived entities: how each attribute is catalogued, and the keys when the source gives none. */
  interpret?: Readonly<Record<string, Interpretation>>;
  keys?: string[];
  /** Extra notes (property -> note) that mark a property inferred. */
  extraNotes?: Readonly<Record<string, string>>;
}

const SELECTION: readonly Selection[] = [
  {
    match: (k) => k === "ProductionOrderBillOfMaterialLines",
    entitySet: "ProductionOrderBillOfMaterialLines",
    wireType: "ProductionOrderBillOfMaterialLine",
    evidence: "seen-sapsdk",
    note: "Not in the OpenAPI. Field list and Edm kinds from an SAP Cloud SDK client generated from a real D365 $metadata; names containing BOM have inferred casing. Entity type name unknown.",
  },
  {
    match: (k) => k === "QualityOrderHeaders",
    entitySet: "QualityOrderHeaders",
    wireType: "QualityOrderHeader",
    evidence: "seen-sapsdk",
    note:
      "Not in the OpenAPI. Field list and Edm kinds from an SAP Cloud SDK client generated from a real D365 $metadata. No navigation to the " +
      "result rows (QualityOrderLineResults): callers attach them. QualityOrderNumber comes from a number sequence; F&O rejects a supplied value on create.",
    extraNotes: {
      QualityOrderPolicyType: "A public project calls this property ReferenceType (notes, Later findings); the tenant-generated SDK says QualityOrderPolicyType.",
    },
  },
  {
    match: (k) => k === "UnitsOfMeasure",
    entitySet: "UnitsOfMeasure",
    wireType: "UnitOfMeasure",
    evidence: "seen-sapsdk",
    note: "Not in the OpenAPI. Global (no dataAreaId). Field list and Edm kinds from an SAP Cloud SDK client generated from a real D365 $metadata.",
  },
  {
    match: (k) => k === "InventQualityOrderLineResultEntity",
    entitySet: "QualityOrderLineResults",
    wireType: "QualityOrderLineResult",
    evidence: "seen-cdm",
    entityEvidence: "seen-cdm (properties); collection name seen-code, unverified",
    note:
      "Collection name QualityOrderLineResults reported by a public project that read a live $metadata (notes, Later findings), not verified. " +
      "Property names from the CDM entity definition; Edm kinds and keys inferred (CDM gives no types).",
    interpret: LINE_RESULT_TYPES,
  },
  {
    match: (k) => k.startsWith("InventNonConformanceTable "),
    entitySet: "NonConformanceTables",
    wireType: "NonConformanceTable",
    evidence: "seen-cdm",
    entityEvidence: "seen-cdm (table fields); collection name seen-code, unverified",
    note:
      "Collection name NonConformanceTables reported by a public project (notes, Later findings; seen-code, unverified). Property names are " +
      "the CDM table fields of InventNonConformanceTable; the data entity's own names are unverified. The table has no description field; " +
      "the batch is only reachable through InventDimId.",
    interpret: NONCONFORMANCE_TYPES,
    keys: ["dataAreaId", "InventNonConformanceID"],
  },
];

const BOM_CASING =
  "casing inferred: converted back from the SDK's camelCase by the rule sourceBomId = SourceBOMId (notes section 3); confirm against $metadata.";

/** Parses `Edm.Decimal` / `enum:NoYes` (the sapsdk-derived entities). */
function explicitType(t: string, where: string): [EdmType, string | null] {
  const m = /^enum:(\w+)$/.exec(t);
  if (m) return ["Edm.Enum", m[1] as string];
  const edm = ["Edm.String", "Edm.Int32", "Edm.Decimal", "Edm.DateTimeOffset", "Edm.Boolean", "Edm.Int64", "Edm.Guid"];
  if (edm.includes(t)) return [t as EdmType, null];
  throw new Error(`${where}: unsupported type ${t}`);
}

export function deriveSupplementaryCatalogs(doc: SupplementaryDoc, enums: ReadonlyMap<string, D365Enum>): D365EntityCatalog[] {
  return SELECTION.map((sel) => {
    const found = Object.entries(doc.entities).filter(([k]) => sel.match(k));
    if (found.length !== 1) throw new Error(`${SUPPLEMENTARY_FILE}: expected one entity for ${sel.entitySet}, found ${found.length}`);
    const [key, entity] = found[0] as [string, SupplementaryEntity];
    const bomCasing = sel.entitySet === "ProductionOrderBillOfMaterialLines";
    if (bomCasing && !/INFERRED casing/.test(entity.evidence)) throw new Error(`${key}: the casing caveat is gone; revisit BOM_CASING`);
    const keys = entity.keys ?? entity.keys_inferred ?? sel.keys;
    if (!keys) throw new Error(`${key}: no keys`);
    const keysInferred = entity.keys === undefined;
    const readOnly = READ_ONLY[sel.entitySet] ?? {};
    const fields = Object.entries(entity.fields).map(([name, t]) => (name === "DataAreaId" ? (["dataAreaId", t, name] as const) : ([name, t, name] as const)));
    // keys_inferred may name a company key the CDM attribute list lacks.
    if (keys.includes("dataAreaId") && !fields.some(([n]) => n === "dataAreaId")) fields.unshift(["dataAreaId", "Edm.String", "dataAreaId"]);
    else fields.sort((a, b) => Number(b[0] === "dataAreaId") - Number(a[0] === "dataAreaId"));
    if (sel.interpret) {
      const listed = new Set(fields.map(([, , source]) => source));
      for (const f of Object.keys(sel.interpret)) if (!listed.has(f)) throw new Error(`${key}: interpreted field ${f} is not in the catalog`);
    }
    const properties: D365Property[] = fields.map(([name, t, sourceName]) => {
      const where = `${key}.${sourceName}`;
      const notes: string[] = [];
      let edmType: EdmType;
      let enumName: string | null;
      if (sel.interpret) {
        const i = sel.interpret[sourceName] ?? (name === "dataAreaId" ? (["Edm.String", null, "company key from keys_inferred; not a CDM attribute."] as const) : undefined);
        if (!i) throw new Error(`${where}: no interpretation for "${t}"`);
        [edmType, enumName] = i;
        notes.push(i[2]);
      } else {
        [edmType, enumName] = explicitType(t, where);
      }
      if (bomCasing && name.includes("BOM")) notes.push(BOM_CASING);
      if (keysInferred && keys.includes(name)) notes.push("Key membership inferred (the source gives no keys).");
      const extra = sel.extraNotes?.[name];
      if (extra) notes.push(extra);
      const ro = readOnly[name];
      if (ro?.inferredNote) notes.push(ro.inferredNote);
      const facts = { evidence: ro?.evidence ?? sel.evidence, nullable: !keys.includes(name), readOnly: ro !== undefined, ...(notes.length > 0 ? { inferredNote: notes.join(" ") } : {}) };
      return property(name, edmType, facts, enumName === null ? undefined : enumOf(enums, enumName, where));
    });
    for (const name of Object.keys(readOnly)) if (!properties.some((p) => p.name === name)) throw new Error(`${sel.entitySet}: read-only ${name} is no property`);
    return checked({
      entitySet: sel.entitySet,
      entityType: null,
      wireType: sel.wireType,
      aotEntity: AOT_ENTITIES[sel.entitySet] ?? null,
      source: `derived from shared/${SUPPLEMENTARY_FILE} (entities["${key}"])`,
      derivedFrom: "catalog",
      evidence: sel.entityEvidence ?? sel.evidence,
      note: sel.note,
      keys,
      properties,
      navigationProperties: [...(NAVIGATIONS[sel.entitySet] ?? [])],
    });
  });
}
