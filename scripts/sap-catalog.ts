/**
 * Derives the committed SAP entity catalogs from the vendor metadata in
 * `../shared/vendor-specs/sap/odata/` (and, for API_BATCH_SRV, which has no
 * stored spec, from a small table transcribed from `../shared/notes/sap.md`
 * section 6). It writes:
 *
 * - `packages/mappers-sap/catalog/<SERVICE>/<EntityType>.json`, one per entity type;
 * - `packages/mappers-sap/catalog/index.json`;
 * - `packages/mappers-sap/src/generated/wire-types.ts` (OData V2 JSON wire interfaces);
 * - `packages/mappers-sap/src/generated/catalog.ts` (the catalogs as constants typed by their
 *   interface, without labels and quick info: those stay in the JSON files, for the docs).
 *
 * Published files name their sources by file name ("SAP's published metadata:
 * API_PRODUCT_SRV.edmx", "the SAP research notes, section 6"), never by a path
 * inside this workspace.
 *
 * Inputs come in two forms:
 *
 * - EDMX (`API_PRODUCT_SRV.edmx`): read with a small attribute scan. Every EDM
 *   fact (type, MaxLength, Precision, Scale, Nullable, keys, sap:label) is
 *   taken as written.
 * - OpenAPI 3.0 generated from the EDMX by SAP's converter (api.sap.com, and
 *   the Ballerina-sanitised copies). The EDM type is mapped back from the
 *   converter's encoding: `maxLength`; `format: decimal` with
 *   `multipleOf`/`maximum` (or `x-sap-precision`/`x-sap-scale`); `int16`,
 *   `int32`, `uint8`, `int64`, `uuid`, `double`; the example
 *   `/Date(1492041600000)/` (a UTC-midnight date, i.e. Edm.DateTime with
 *   `sap:display-format="Date"`) and `PT15H51M04S` (Edm.Time). Keys come from
 *   the by-key path templates, nullability from `nullable: true`, labels from
 *   `title`, quick info from `description`. Where the OpenAPI form cannot tell
 *   two EDM facts apart, the property gets `"inferred": true` and an
 *   `inferredNote`:
 *   - the example `/Date(1492098664000)/` is written for both Edm.DateTimeOffset
 *     and Edm.DateTime without display-format; the catalog says DateTimeOffset;
 *   - a to-one navigation property written as a plain `$ref` (no `nullable`)
 *     is recorded as multiplicity `1`.
 *
 * The script is the single source of every catalog: run
 * `pnpm run generate:sap-catalog` after changing it or the inputs. The test
 * `packages/mappers-sap/test/catalog.test.ts` re-derives everything in memory
 * and fails when the committed files are stale.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

// ---------------------------------------------------------------------------
// Catalog model (mirrored by the interfaces emitted into catalog.ts)
// ---------------------------------------------------------------------------

export type EdmType =
  | "Edm.String"
  | "Edm.Boolean"
  | "Edm.Byte"
  | "Edm.SByte"
  | "Edm.Int16"
  | "Edm.Int32"
  | "Edm.Int64"
  | "Edm.Decimal"
  | "Edm.Double"
  | "Edm.Single"
  | "Edm.DateTime"
  | "Edm.DateTimeOffset"
  | "Edm.Time"
  | "Edm.Guid"
  | "Edm.Binary";

const EDM_TYPES: readonly EdmType[] = [
  "Edm.String",
  "Edm.Boolean",
  "Edm.Byte",
  "Edm.SByte",
  "Edm.Int16",
  "Edm.Int32",
  "Edm.Int64",
  "Edm.Decimal",
  "Edm.Double",
  "Edm.Single",
  "Edm.DateTime",
  "Edm.DateTimeOffset",
  "Edm.Time",
  "Edm.Guid",
  "Edm.Binary",
];

export interface CatalogProperty {
  name: string;
  edmType: EdmType;
  maxLength: number | null;
  nullable: boolean;
  label: string | null;
  quickInfo: string | null;
  precision: number | null;
  scale: number | null;
  displayFormat: string | null;
  inferred?: true;
  inferredNote?: string;
}

export interface CatalogNavigationProperty {
  name: string;
  target: string | null;
  targetType: string;
  multiplicity: "1" | "0..1" | "*";
  inferred?: true;
  inferredNote?: string;
}

export interface EntityCatalog {
  service: string;
  entityType: string;
  entitySet: string;
  source: string;
  derivedFrom: "spec" | "notes";
  note?: string;
  keys: string[];
  properties: CatalogProperty[];
  navigationProperties: CatalogNavigationProperty[];
}

// ---------------------------------------------------------------------------
// What to derive
// ---------------------------------------------------------------------------

interface SpecSelection {
  file: string;
  kind: "edmx" | "openapi";
  /** Entity sets to catalogue, in output order. */
  entitySets: string[];
}

const ODATA_DIR = "vendor-specs/sap/odata";

const SELECTION: SpecSelection[] = [
  {
    file: "API_PRODUCT_SRV.edmx",
    kind: "edmx",
    entitySets: [
      "A_Product",
      "A_ProductDescription",
      "A_ProductPlant",
      "A_ProductUnitsOfMeasure",
      "A_ProductWorkScheduling",
      "A_ProductPlantQualityMgmt",
      "A_ProductQualityMgmt",
    ],
  },
  {
    file: "OP_API_PRODUCTION_ORDER_2_SRV_0001.openapi.json",
    kind: "openapi",
    entitySets: [
      "A_ProductionOrder_2",
      "A_ProductionOrderItem_2",
      "A_ProductionOrderOperation_2",
      "A_ProductionOrderComponent_2",
      "A_ProductionOrderComponent_3",
      "A_ProductionOrderStatus_2",
    ],
  },
  {
    file: "OP_API_PROD_ORDER_CONFIRMATION_2_SRV_0001.openapi.json",
    kind: "openapi",
    entitySets: ["ProdnOrdConf2", "ProdnOrdConfMatlDocItm", "ProdnOrderConfBatchCharc"],
  },
  {
    file: "API_INSPECTIONLOT_SRV.ballerina-openapi.json",
    kind: "openapi",
    entitySets: [
      "A_InspectionLot",
      "A_InspectionLotWithStatus",
      "A_InspectionOperation",
      "A_InspectionCharacteristic",
      "A_InspectionResult",
      "A_InspectionResultValue",
      "A_InspectionSubset",
      "A_InspLotUsageDecision",
    ],
  },
  {
    file: "API_MASTERINSPCHARACTERISTIC_SRV.ballerina-openapi.json",
    kind: "openapi",
    entitySets: ["A_InspectionSpecification"],
  },
  {
    file: "API_CHARCATTRIBUTECATALOG_SRV.ballerina-openapi.json",
    kind: "openapi",
    entitySets: ["A_CharcAttribSeldSetCode"],
  },
  {
    file: "OP_API_DEFECT_SRV_0001.openapi.json",
    kind: "openapi",
    entitySets: ["A_Defect"],
  },
];

// ---------------------------------------------------------------------------
// API_BATCH_SRV: hand-written from shared/notes/sap.md section 6 (no stored spec)
// ---------------------------------------------------------------------------

const BATCH_NOTE =
  "No API_BATCH_SRV spec is stored. These facts come from the SAP research notes (section 6), " +
  "which were read from sources that could not be copied (Cloud SDK VDM CSN, a third-party EDMX). They must be " +
  "verified against a tenant's $metadata (/sap/opu/odata/sap/API_BATCH_SRV/$metadata). Only the properties the " +
  "notes name are listed; the real entity has more. Labels are unknown. The entity type name is assumed to be " +
  "the CDS-generated '<EntitySet>Type'.";

function notesProperty(
  name: string,
  edmType: EdmType,
  facts: Partial<Omit<CatalogProperty, "name" | "edmType">> = {},
): CatalogProperty {
  const p: CatalogProperty = {
    name,
    edmType,
    maxLength: facts.maxLength ?? null,
    nullable: facts.nullable ?? true,
    label: facts.label ?? null,
    quickInfo: facts.quickInfo ?? null,
    precision: facts.precision ?? null,
    scale: facts.scale ?? null,
    displayFormat: facts.displayFormat ?? null,
  };
  if (facts.inferredNote !== undefined) {
    p.inferred = true;
    p.inferredNote = facts.inferredNote;
  }
  return p;
}

const DATE_ONLY_NOTE = "notes say only '(Date)'; mapped to Edm.DateTime with sap:display-format=\"Date\"";

function batchCatalogs(): EntityCatalog[] {
  const freeDates = [1, 2, 3, 4, 5, 6].map((i) =>
    notesProperty(`FreeDefinedDate${i}`, "Edm.DateTime", { displayFormat: "Date", inferredNote: DATE_ONLY_NOTE }),
  );
  const batch: EntityCatalog = {
    service: "API_BATCH_SRV",
    entityType: "BatchType",
    entitySet: "Batch",
    source: "derived from the SAP research notes, section 6 (API_BATCH_SRV)",
    derivedFrom: "notes",
    note: BATCH_NOTE,
    keys: ["Material", "BatchIdentifyingPlant", "Batch"],
    properties: [
      notesProperty("Material", "Edm.String", {
        maxLength: 40,
        nullable: false,
        inferredNote: "notes: MaxLength 40 in a third-party EDMX; the old VDM CSN says 16 (treated as an artefact)",
      }),
      notesProperty("BatchIdentifyingPlant", "Edm.String", {
        maxLength: 4,
        nullable: false,
        quickInfo: "Empty '' when the batch is unique at material or client level",
      }),
      notesProperty("Batch", "Edm.String", { maxLength: 10, nullable: false }),
      notesProperty("BatchIsMarkedForDeletion", "Edm.Boolean"),
      notesProperty("MatlBatchIsInRstrcdUseStock", "Edm.Boolean", {
        quickInfo: "Batch is restricted (the only batch status on the API)",
      }),
      notesProperty("Supplier", "Edm.String", { maxLength: 10 }),
      notesProperty("BatchBySupplier", "Edm.String", { maxLength: 15 }),
      notesProperty("CountryOfOrigin", "Edm.String", { maxLength: 3 }),
      notesProperty("RegionOfOrigin", "Edm.String", { maxLength: 3 }),
      notesProperty("MatlBatchAvailabilityDate", "Edm.DateTime", { displayFormat: "Date", inferredNote: DATE_ONLY_NOTE }),
      notesProperty("ShelfLifeExpirationDate", "Edm.DateTime", { precision: 0 }),
      notesProperty("ManufactureDate", "Edm.DateTime", { precision: 0 }),
      ...freeDates,
      notesProperty("CreationDateTime", "Edm.DateTimeOffset", { precision: 7 }),
      notesProperty("LastChangeDateTime", "Edm.DateTimeOffset", { precision: 7 }),
      notesProperty("BatchExtWhseMgmtInternalId", "Edm.Guid"),
    ],
    navigationProperties: ["BatchCharc", "BatchClass", "BatchPlant"].map((set) => ({
      name: `to_${set}`,
      target: set,
      targetType: `${set}Type`,
      multiplicity: "*" as const,
      inferred: true as const,
      inferredNote: "notes name the navigation property only; multiplicity and target type name are assumed",
    })),
  };
  return [batch];
}

// ---------------------------------------------------------------------------
// EDMX (OData V2 $metadata): tiny attribute scan
// ---------------------------------------------------------------------------

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e === "amp") return "&";
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    return String.fromCodePoint(e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

function attrs(tagBody: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tagBody.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) out[m[1] as string] = decodeXml(m[2] as string);
  return out;
}

function intOrNull(v: string | undefined): number | null {
  if (v === undefined || !/^\d+$/.test(v)) return null;
  return Number(v);
}

function asEdmType(t: string | undefined, where: string): EdmType {
  if (t !== undefined && (EDM_TYPES as readonly string[]).includes(t)) return t as EdmType;
  throw new Error(`${where}: unsupported EDM type ${String(t)}`);
}

function deriveFromEdmx(xml: string, sel: SpecSelection): EntityCatalog[] {
  const schemaTag = /<Schema\b([^>]*)>/.exec(xml);
  const namespace = schemaTag ? attrs(schemaTag[1] as string)["Namespace"] : undefined;
  if (!namespace) throw new Error(`${sel.file}: no <Schema Namespace>`);
  const strip = (qname: string) => (qname.startsWith(`${namespace}.`) ? qname.slice(namespace.length + 1) : qname);

  // Entity container: set name <-> type name.
  const setOfType = new Map<string, string>();
  const typeOfSet = new Map<string, string>();
  for (const m of xml.matchAll(/<EntitySet\b([^>]*?)\/?>/g)) {
    const a = attrs(m[1] as string);
    if (!a["Name"] || !a["EntityType"]) continue;
    const type = strip(a["EntityType"]);
    typeOfSet.set(a["Name"], type);
    if (!setOfType.has(type)) setOfType.set(type, a["Name"]);
  }

  // Associations: name -> role -> { type, multiplicity }.
  const assocs = new Map<string, Map<string, { type: string; multiplicity: string }>>();
  for (const m of xml.matchAll(/<Association\b([^>]*)>([\s\S]*?)<\/Association>/g)) {
    const name = attrs(m[1] as string)["Name"];
    if (!name) continue;
    const roles = new Map<string, { type: string; multiplicity: string }>();
    for (const e of (m[2] as string).matchAll(/<End\b([^>]*?)\/?>/g)) {
      const a = attrs(e[1] as string);
      if (a["Role"] && a["Type"] && a["Multiplicity"]) roles.set(a["Role"], { type: strip(a["Type"]), multiplicity: a["Multiplicity"] });
    }
    assocs.set(name, roles);
  }

  // Entity types.
  const types = new Map<string, string>();
  for (const m of xml.matchAll(/<EntityType\b([^>]*)>([\s\S]*?)<\/EntityType>/g)) {
    const name = attrs(m[1] as string)["Name"];
    if (name) types.set(name, m[2] as string);
  }

  const source = specSource(sel.file);
  return sel.entitySets.map((entitySet) => {
    const entityType = typeOfSet.get(entitySet);
    if (!entityType) throw new Error(`${sel.file}: no entity set ${entitySet}`);
    const body = types.get(entityType);
    if (body === undefined) throw new Error(`${sel.file}: no entity type ${entityType}`);
    const keyBlock = /<Key>([\s\S]*?)<\/Key>/.exec(body);
    const keys = keyBlock ? [...(keyBlock[1] as string).matchAll(/<PropertyRef\b([^>]*?)\/?>/g)].map((k) => attrs(k[1] as string)["Name"] ?? "") : [];
    const properties: CatalogProperty[] = [...body.matchAll(/<Property\b([^>]*?)\/?>/g)].map((pm) => {
      const a = attrs(pm[1] as string);
      const name = a["Name"] ?? "";
      return {
        name,
        edmType: asEdmType(a["Type"], `${sel.file} ${entityType}.${name}`),
        maxLength: intOrNull(a["MaxLength"]),
        nullable: a["Nullable"] !== "false",
        label: a["sap:label"] ?? null,
        quickInfo: a["sap:quickinfo"] ?? null,
        precision: intOrNull(a["Precision"]),
        scale: intOrNull(a["Scale"]),
        displayFormat: a["sap:display-format"] ?? null,
      };
    });
    const navigationProperties: CatalogNavigationProperty[] = [...body.matchAll(/<NavigationProperty\b([^>]*?)\/?>/g)].map((nm) => {
      const a = attrs(nm[1] as string);
      const rel = strip(a["Relationship"] ?? "");
      const end = assocs.get(rel)?.get(a["ToRole"] ?? "");
      if (!end) throw new Error(`${sel.file}: cannot resolve ${entityType}.${a["Name"]} (${rel})`);
      const multiplicity = end.multiplicity;
      if (multiplicity !== "1" && multiplicity !== "0..1" && multiplicity !== "*") throw new Error(`bad multiplicity ${multiplicity}`);
      return { name: a["Name"] ?? "", target: setOfType.get(end.type) ?? null, targetType: end.type, multiplicity };
    });
    return checked({ service: namespace, entityType, entitySet, source, derivedFrom: "spec", keys, properties, navigationProperties });
  });
}

// ---------------------------------------------------------------------------
// OpenAPI 3.0 generated from OData V2 metadata
// ---------------------------------------------------------------------------

interface OpenApiSchema {
  type?: string;
  format?: string;
  nullable?: boolean;
  maxLength?: number;
  multipleOf?: number;
  maximum?: number;
  example?: unknown;
  title?: string;
  description?: string;
  anyOf?: OpenApiSchema[];
  allOf?: OpenApiSchema[];
  $ref?: string;
  properties?: Record<string, OpenApiSchema>;
  items?: OpenApiSchema;
  "x-sap-precision"?: number;
  "x-sap-scale"?: number;
}

interface OpenApiDoc {
  servers?: { url: string }[];
  paths: Record<string, { get?: { responses?: Record<string, { content?: Record<string, { schema?: OpenApiSchema }> }> } }>;
  components: { schemas: Record<string, OpenApiSchema> };
}

const DATE_ONLY_EXAMPLE = "/Date(1492041600000)/"; // Edm.Date after V2->V4 (= Edm.DateTime + display-format Date)
const DATE_TIME_EXAMPLE = "/Date(1492098664000)/"; // Edm.DateTimeOffset, or Edm.DateTime without display-format
const TIME_EXAMPLE = /^PT\d{2}H\d{2}M\d{2}(?:\.(\d+))?S$/;

function refName(ref: string): string {
  return ref.replace(/^#\/components\/schemas\//, "");
}

/** The integer digits of the converter's `maximum` (e.g. 9999999999.999 -> 10). */
function integerDigits(max: number): number {
  const int = Math.trunc(Math.abs(max));
  return int === 0 ? 0 : String(int).length;
}

function scaleOf(multipleOf: number | undefined): number | null {
  if (multipleOf === undefined) return null;
  if (multipleOf === 1) return 0;
  const s = -Math.log10(multipleOf);
  const r = Math.round(s);
  if (Math.abs(s - r) > 1e-9) throw new Error(`unexpected multipleOf ${multipleOf}`);
  return r;
}

function openApiProperty(name: string, p: OpenApiSchema, where: string): CatalogProperty {
  const base: CatalogProperty = {
    name,
    edmType: "Edm.String",
    maxLength: null,
    nullable: p.nullable === true,
    label: p.title ?? null,
    quickInfo: p.description ?? null,
    precision: null,
    scale: null,
    displayFormat: null,
  };
  if (p.anyOf) {
    const kinds = p.anyOf.map((x) => x.type).sort().join(",");
    if (kinds === "number,string" && p.format === "double") return { ...base, edmType: "Edm.Double" };
    if (kinds === "number,string" && p.format === "float") return { ...base, edmType: "Edm.Single" };
    throw new Error(`${where}: unsupported anyOf ${JSON.stringify(p)}`);
  }
  if (p.type === "boolean") return { ...base, edmType: "Edm.Boolean" };
  if (p.type === "integer") {
    const byFormat: Record<string, EdmType> = { uint8: "Edm.Byte", int8: "Edm.SByte", int16: "Edm.Int16", int32: "Edm.Int32", int64: "Edm.Int64" };
    const t = p.format === undefined ? undefined : byFormat[p.format];
    if (!t) throw new Error(`${where}: unsupported integer format ${String(p.format)}`);
    return { ...base, edmType: t };
  }
  if (p.type !== "string") throw new Error(`${where}: unsupported schema ${JSON.stringify(p)}`);
  if (p.format === "decimal") {
    const scale = p["x-sap-scale"] ?? scaleOf(p.multipleOf);
    const fromMax = p.maximum !== undefined && scale !== null ? integerDigits(p.maximum) + scale : null;
    const precision = p["x-sap-precision"] ?? fromMax;
    if (p["x-sap-precision"] !== undefined && fromMax !== null && fromMax !== p["x-sap-precision"]) {
      throw new Error(`${where}: x-sap-precision ${p["x-sap-precision"]} disagrees with maximum ${p.maximum}`);
    }
    const prop: CatalogProperty = { ...base, edmType: "Edm.Decimal", precision, scale };
    if (precision === null) {
      prop.inferred = true;
      prop.inferredNote = "precision not encoded in the OpenAPI (the converter omits minimum/maximum from precision 16)";
    }
    return prop;
  }
  if (p.format === "int64") return { ...base, edmType: "Edm.Int64" };
  if (p.format === "uuid") return { ...base, edmType: "Edm.Guid" };
  if (p.format === "base64url") return { ...base, edmType: "Edm.Binary", maxLength: p.maxLength ?? null };
  if (p.format !== undefined) throw new Error(`${where}: unsupported string format ${p.format}`);
  if (p.example === DATE_ONLY_EXAMPLE) return { ...base, edmType: "Edm.DateTime", displayFormat: "Date" };
  if (p.example === DATE_TIME_EXAMPLE) {
    return {
      ...base,
      edmType: "Edm.DateTimeOffset",
      inferred: true,
      inferredNote:
        "OpenAPI example /Date(1492098664000)/ is written for Edm.DateTimeOffset and for Edm.DateTime without display-format; DateTimeOffset assumed, precision unknown",
    };
  }
  if (typeof p.example === "string" && TIME_EXAMPLE.test(p.example)) {
    const frac = TIME_EXAMPLE.exec(p.example)?.[1];
    return { ...base, edmType: "Edm.Time", precision: frac ? frac.length : null };
  }
  if (p.example !== undefined) throw new Error(`${where}: unexpected example on a string ${JSON.stringify(p)}`);
  return { ...base, edmType: "Edm.String", maxLength: p.maxLength ?? null };
}

function navigation(p: OpenApiSchema): { ref: string; multiplicity: "1" | "0..1" | "*"; inferredNote?: string } | undefined {
  const itemsRef = p.type === "object" ? p.properties?.["results"]?.items?.$ref : undefined;
  if (itemsRef) return { ref: itemsRef, multiplicity: "*" };
  if (p.$ref) {
    return {
      ref: p.$ref,
      multiplicity: "1",
      inferredNote: "to-one written as a plain $ref (no nullable), which SAP's converter emits for Nullable=false, i.e. V2 multiplicity 1",
    };
  }
  const wrapped = (p.allOf ?? p.anyOf)?.find((x) => x.$ref)?.$ref;
  if (wrapped) return { ref: wrapped, multiplicity: p.nullable ? "0..1" : "1" };
  return undefined;
}

function deriveFromOpenApi(doc: OpenApiDoc, sel: SpecSelection): EntityCatalog[] {
  const url = doc.servers?.[0]?.url ?? "";
  const service = url.split("/").filter(Boolean).pop();
  if (!service) throw new Error(`${sel.file}: no service URL`);
  const ballerina = sel.file.includes("ballerina");

  // Entity sets: collection paths whose GET returns d.results[] of a schema.
  const schemaOfSet = new Map<string, string>();
  const setOfSchema = new Map<string, string>();
  const keysOfSet = new Map<string, string[]>();
  for (const [p, item] of Object.entries(doc.paths)) {
    const collection = /^\/([A-Za-z_]\w*)$/.exec(p);
    if (collection) {
      const ref = item.get?.responses?.["200"]?.content?.["application/json"]?.schema?.properties?.["d"]?.properties?.["results"]?.items?.$ref;
      if (ref) {
        schemaOfSet.set(collection[1] as string, refName(ref));
        setOfSchema.set(refName(ref), collection[1] as string);
      }
      continue;
    }
    const byKey = /^\/([A-Za-z_]\w*)\(([^/]*)\)$/.exec(p);
    if (byKey) {
      const pred = byKey[2] as string;
      const single = /^'\{(\w+)\}'$/.exec(pred);
      const keys = single ? [single[1] as string] : [...pred.matchAll(/(\w+)='\{(\w+)\}'/g)].map((m) => m[1] as string);
      keysOfSet.set(byKey[1] as string, keys);
    }
  }

  const entityTypeOf = (schemaName: string) => (schemaName.includes(".") ? schemaName.slice(schemaName.lastIndexOf(".") + 1) : `${schemaName}Type`);
  const source = specSource(sel.file);

  return sel.entitySets.map((entitySet) => {
    const schemaName = schemaOfSet.get(entitySet);
    if (!schemaName) throw new Error(`${sel.file}: no entity set ${entitySet}`);
    const schema = doc.components.schemas[schemaName];
    if (!schema?.properties) throw new Error(`${sel.file}: no schema ${schemaName}`);
    const keys = keysOfSet.get(entitySet);
    if (!keys || keys.length === 0) throw new Error(`${sel.file}: no by-key path for ${entitySet}`);
    const properties: CatalogProperty[] = [];
    const navigationProperties: CatalogNavigationProperty[] = [];
    for (const [name, p] of Object.entries(schema.properties)) {
      const nav = navigation(p);
      if (nav) {
        const targetSchema = refName(nav.ref);
        const np: CatalogNavigationProperty = {
          name,
          target: setOfSchema.get(targetSchema) ?? null,
          targetType: entityTypeOf(targetSchema),
          multiplicity: nav.multiplicity,
        };
        if (nav.inferredNote) {
          np.inferred = true;
          np.inferredNote = nav.inferredNote;
        }
        navigationProperties.push(np);
        continue;
      }
      properties.push(openApiProperty(name, p, `${sel.file} ${schemaName}.${name}`));
    }
    const cat: EntityCatalog = {
      service,
      entityType: entityTypeOf(schemaName),
      entitySet,
      source,
      derivedFrom: "spec",
      keys,
      properties,
      navigationProperties,
    };
    if (ballerina) {
      cat.note =
        `Ballerina-sanitised OpenAPI: schema names were shortened (namespace and 'Type' suffix dropped), so the entity type name '${cat.entityType}' is reconstructed. ` +
        "Property names, types and max lengths are unchanged from api.sap.com.";
    }
    return checked(cat);
  });
}

/** The published source line of a catalog read from a vendor spec file: its file name, not a workspace path. */
function specSource(file: string): string {
  return `derived from SAP's published metadata: ${file}`;
}

function checked(cat: EntityCatalog): EntityCatalog {
  const byName = new Map(cat.properties.map((p) => [p.name, p]));
  if (byName.size !== cat.properties.length) throw new Error(`${cat.entitySet}: duplicate property names`);
  if (cat.keys.length === 0) throw new Error(`${cat.entitySet}: no keys`);
  for (const k of cat.keys) {
    const p = byName.get(k);
    if (!p) throw new Error(`${cat.entitySet}: key ${k} is not a property`);
    if (p.nullable) throw new Error(`${cat.entitySet}: key ${k} is nullable`);
  }
  return cat;
}

// ---------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------

export const CATALOG_DIR = "packages/mappers-sap/catalog";
export const GENERATED_DIR = "packages/mappers-sap/src/generated";
const HEADER = "// Generated by scripts/sap-catalog.ts — do not edit.";

function catalogPath(cat: EntityCatalog): string {
  return `${cat.service}/${cat.entityType}.json`;
}

/** The runtime form of a property: the facts checks need, without the documentation texts. */
function runtimeProperty(p: CatalogProperty): Omit<CatalogProperty, "label" | "quickInfo"> {
  const { label: _label, quickInfo: _quickInfo, ...facts } = p;
  return facts;
}

/**
 * Stable, diff-friendly JSON: one property / navigation property per line.
 * `runtime` leaves out labels and quick info (documentation, kept in the JSON files only).
 */
function renderCatalogJson(cat: EntityCatalog, runtime = false): string {
  const lines = ["{"];
  const head: [string, unknown][] = [
    ["service", cat.service],
    ["entityType", cat.entityType],
    ["entitySet", cat.entitySet],
    ["source", cat.source],
    ["derivedFrom", cat.derivedFrom],
  ];
  if (cat.note !== undefined) head.push(["note", cat.note]);
  head.push(["keys", cat.keys]);
  for (const [k, v] of head) lines.push(`  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  const list = (items: object[]) => (items.length === 0 ? "[]" : `[\n${items.map((i) => `    ${JSON.stringify(i)}`).join(",\n")}\n  ]`);
  lines.push(`  "properties": ${list(runtime ? cat.properties.map(runtimeProperty) : cat.properties)},`);
  lines.push(`  "navigationProperties": ${list(cat.navigationProperties)}`);
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

function renderIndex(cats: EntityCatalog[]): string {
  const entries = cats.map((c) => ({
    service: c.service,
    entityType: c.entityType,
    entitySet: c.entitySet,
    path: catalogPath(c),
    derivedFrom: c.derivedFrom,
    propertyCount: c.properties.length,
    inferredPropertyCount: c.properties.filter((p) => p.inferred).length,
  }));
  return `{\n  "generatedBy": "scripts/sap-catalog.ts",\n  "catalogs": [\n${entries.map((e) => `    ${JSON.stringify(e)}`).join(",\n")}\n  ]\n}\n`;
}

function doc(s: string): string {
  return s.replace(/\*\//g, "*\\/").replace(/\s+/g, " ").trim();
}

function isIdent(s: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(s);
}

function propKey(s: string): string {
  return isIdent(s) ? s : JSON.stringify(s);
}

function wireTsType(t: EdmType): string {
  switch (t) {
    case "Edm.Int16":
    case "Edm.Int32":
    case "Edm.Byte":
    case "Edm.SByte":
      return "number";
    case "Edm.Boolean":
      return "boolean";
    case "Edm.Double":
    case "Edm.Single":
      return "string | number";
    default:
      return "string";
  }
}

function typeSummary(p: CatalogProperty): string {
  let t: string = p.edmType;
  if (p.edmType === "Edm.Decimal") t += `(${p.precision ?? "?"},${p.scale ?? "?"})`;
  else if (p.precision !== null) t += ` precision ${p.precision}`;
  if (p.maxLength !== null) t += `, maxLength ${p.maxLength}`;
  if (p.displayFormat !== null) t += `, display-format ${p.displayFormat}`;
  return t;
}

function exampleValue(p: CatalogProperty): string {
  switch (p.edmType) {
    case "Edm.String":
      return JSON.stringify("1".padStart(Math.min(p.maxLength ?? 4, 4), "0"));
    case "Edm.Decimal":
      return JSON.stringify(p.scale ? `1.${"0".repeat(p.scale)}` : "1");
    case "Edm.DateTime":
      return JSON.stringify(p.displayFormat === "Date" ? "/Date(1492041600000)/" : "/Date(1492098664000)/");
    case "Edm.DateTimeOffset":
      return JSON.stringify("/Date(1492098664000+0000)/");
    case "Edm.Time":
      return JSON.stringify("PT15H51M04S");
    case "Edm.Guid":
      return JSON.stringify("00000000-0000-0000-0000-000000000000");
    case "Edm.Int64":
      return JSON.stringify("1");
    case "Edm.Double":
    case "Edm.Single":
      return JSON.stringify("1.0000000000000000E+00");
    case "Edm.Boolean":
      return "false";
    case "Edm.Binary":
      return JSON.stringify("");
    default:
      return "1";
  }
}

function exampleObject(cat: EntityCatalog, indent: string): string[] {
  const keyProps = cat.keys.map((k) => cat.properties.find((p) => p.name === k) as CatalogProperty);
  const others = cat.properties.filter((p) => !cat.keys.includes(p.name)).slice(0, 2);
  return [...keyProps, ...others].map((p) => `${indent}${propKey(p.name)}: ${exampleValue(p)},`);
}

function sourceLine(cat: EntityCatalog): string {
  return cat.derivedFrom === "notes" ? `${cat.source}; NOT from a spec, verify against a tenant's $metadata` : cat.source;
}

function renderWireTypes(cats: EntityCatalog[]): string {
  const known = new Set(cats.map((c) => c.entitySet));
  const out: string[] = [
    HEADER,
    "//",
    "// SAP OData V2 JSON wire shapes for the entities catalogued in packages/mappers-sap/catalog/.",
    "// Edm.Decimal, Edm.Int64, Edm.DateTime(Offset) (\"/Date(ms)/\"), Edm.Time (\"PT06H30M00S\") and Edm.Guid are strings;",
    "// Edm.Int16/Int32/Byte are numbers; Edm.Double may arrive as a number or a string. Properties that are",
    "// nullable in the metadata may be null. Keys are required; everything else is optional because of $select.",
    "",
    "/**",
    " * A navigation property that was not expanded.",
    " *",
    " * @example",
    " * ```ts",
    ' * const d: ODataV2Deferred = { __deferred: { uri: "https://host/sap/opu/odata/sap/API_PRODUCTION_ORDER_2_SRV/A_ProductionOrder_2(\'1000000\')/to_ProductionOrderOperation" } };',
    " * ```",
    " */",
    "export interface ODataV2Deferred {",
    "  /** Where the related entities can be read. */",
    "  __deferred: { uri: string };",
    "}",
    "",
    "/**",
    " * The `__metadata` block SAP Gateway puts on every entity in V2 JSON.",
    " *",
    " * @example",
    " * ```ts",
    ' * const m: ODataV2Metadata = { id: "https://host/sap/opu/odata/sap/API_DEFECT_SRV/A_Defect(\'%2400000000004\')", uri: "https://host/sap/opu/odata/sap/API_DEFECT_SRV/A_Defect(\'%2400000000004\')", type: "API_DEFECT_SRV.A_DefectType" };',
    " * ```",
    " */",
    "export interface ODataV2Metadata {",
    "  /** Canonical entity id (a URI). */",
    "  id?: string;",
    "  /** Entity URI. */",
    "  uri: string;",
    "  /** Qualified entity type name, e.g. `API_PRODUCTION_ORDER_2_SRV.A_ProductionOrder_2Type`. */",
    "  type: string;",
    "  /** ETag, when the entity type has one. */",
    "  etag?: string;",
    "}",
  ];
  for (const cat of cats) {
    if (!isIdent(cat.entitySet)) throw new Error(`entity set ${cat.entitySet} is not an identifier`);
    out.push(
      "",
      "/**",
      ` * \`${cat.entitySet}\` (entity type \`${cat.entityType}\`) of ${cat.service}, as sent in OData V2 JSON.`,
      ` * Keys: ${cat.keys.join(", ")}. Source: ${doc(sourceLine(cat))}.`,
      " *",
      " * @example",
      " * ```ts",
      ` * const value: ${cat.entitySet} = {`,
      ...exampleObject(cat, " *   "),
      " * };",
      " * ```",
      " */",
      `export interface ${cat.entitySet} {`,
      "  /** OData V2 entity metadata. */",
      "  __metadata?: ODataV2Metadata;",
    );
    for (const p of cat.properties) {
      const isKey = cat.keys.includes(p.name);
      const label = p.label ?? "(no label)";
      const inferred = p.inferred ? " (inferred, see catalog)" : "";
      out.push(`  /** ${doc(`${label} — ${typeSummary(p)}${isKey ? ", key" : ""}${inferred}`)} */`);
      const ts = wireTsType(p.edmType) + (!isKey && p.nullable ? " | null" : "");
      out.push(`  ${propKey(p.name)}${isKey ? "" : "?"}: ${ts};`);
    }
    for (const n of cat.navigationProperties) {
      const target = n.target !== null && known.has(n.target) ? n.target : "Record<string, unknown>";
      out.push(`  /** Navigation to ${n.target ?? n.targetType} (${n.multiplicity})${n.inferred ? " (multiplicity inferred)" : ""}. */`);
      const ts =
        n.multiplicity === "*"
          ? `{ results: ${target}[] } | ODataV2Deferred`
          : `${target}${n.multiplicity === "0..1" ? " | null" : ""} | ODataV2Deferred`;
      out.push(`  ${propKey(n.name)}?: ${ts};`);
    }
    out.push("}");
  }
  return `${out.join("\n")}\n`;
}

function renderCatalogTs(cats: EntityCatalog[]): string {
  const edmUnion = EDM_TYPES.map((t) => `  | ${JSON.stringify(t)}`).join("\n");
  const out: string[] = [
    HEADER,
    "//",
    "// The SAP entity catalogs (the JSON files under packages/mappers-sap/catalog/ in the repository)",
    "// as constants typed by their interface, for runtime (vendor-side) validation of types and max",
    "// lengths without Node built-ins. Labels and quick info are left out: they are documentation.",
    "",
    "/** An OData V2 EDM primitive type. */",
    "export type EdmType =",
    `${edmUnion};`,
    "",
    "/**",
    " * One structural property of an SAP entity type, as stated by its metadata.",
    " * The labels and quick info of the metadata are documentation: they are in the JSON catalogs",
    " * of the repository and in the wire types' doc comments, not in these runtime constants.",
    " * `null` means the source does not state the fact. `displayFormat` is `sap:display-format`",
    " * (EDMX only; OpenAPI-derived catalogs can only recover `\"Date\"`). `inferred` marks facts",
    " * the source form could not carry; `inferredNote` says what was assumed.",
    " *",
    " * @example",
    " * ```ts",
    ' * const p: CatalogProperty = { name: "ManufacturingOrder", edmType: "Edm.String", maxLength: 12, nullable: false, precision: null, scale: null, displayFormat: null };',
    " * ```",
    " */",
    "export interface CatalogProperty {",
    "  /** Property name as on the wire. */",
    "  readonly name: string;",
    "  /** EDM type. */",
    "  readonly edmType: EdmType;",
    "  /** MaxLength (strings), or null when unbounded / not stated. */",
    "  readonly maxLength: number | null;",
    "  /** False when the metadata says Nullable=\"false\". */",
    "  readonly nullable: boolean;",
    "  /** Precision (Edm.Decimal total digits; fractional-second digits for date/time types). */",
    "  readonly precision: number | null;",
    "  /** Scale (Edm.Decimal only). */",
    "  readonly scale: number | null;",
    "  /** `sap:display-format`, e.g. `Date`, `UpperCase`, `NonNegative`. */",
    "  readonly displayFormat: string | null;",
    "  /** Present (true) when some fact above was inferred rather than read. */",
    "  readonly inferred?: boolean;",
    "  /** What was inferred and why. */",
    "  readonly inferredNote?: string;",
    "}",
    "",
    "/**",
    " * A navigation property of an SAP entity type.",
    " *",
    " * @example",
    " * ```ts",
    ' * const n: CatalogNavigationProperty = { name: "to_ProductionOrderOperation", target: "A_ProductionOrderOperation_2", targetType: "A_ProductionOrderOperation_2Type", multiplicity: "*" };',
    " * ```",
    " */",
    "export interface CatalogNavigationProperty {",
    "  /** Navigation property name. */",
    "  readonly name: string;",
    "  /** Target entity set, or null when the service has none for the target type. */",
    "  readonly target: string | null;",
    "  /** Target entity type name (without namespace). */",
    "  readonly targetType: string;",
    "  /** Multiplicity of the target end. */",
    "  readonly multiplicity: \"1\" | \"0..1\" | \"*\";",
    "  /** Present (true) when the multiplicity or target was inferred. */",
    "  readonly inferred?: boolean;",
    "  /** What was inferred and why. */",
    "  readonly inferredNote?: string;",
    "}",
    "",
    "/**",
    " * The catalog of one SAP entity type: keys, properties (in metadata order) and navigation.",
    " *",
    " * @example",
    " * ```ts",
    " * const c: EntityCatalog = {",
    ' *   service: "API_DEFECT_SRV", entityType: "A_DefectType", entitySet: "A_Defect",',
    ' *   source: "derived from SAP\'s published metadata: OP_API_DEFECT_SRV_0001.openapi.json", derivedFrom: "spec",',
    ' *   keys: ["DefectInternalID"],',
    ' *   properties: [{ name: "DefectInternalID", edmType: "Edm.String", maxLength: 12, nullable: false, precision: null, scale: null, displayFormat: null }],',
    " *   navigationProperties: [],",
    " * };",
    " * ```",
    " */",
    "export interface EntityCatalog {",
    "  /** Technical service name, e.g. `API_PRODUCTION_ORDER_2_SRV`. */",
    "  readonly service: string;",
    "  /** Entity type name without namespace. */",
    "  readonly entityType: string;",
    "  /** Entity set name (the URL segment). */",
    "  readonly entitySet: string;",
    "  /** Which file the catalog was derived from. */",
    "  readonly source: string;",
    "  /** `spec` (machine-readable metadata) or `notes` (research notes; verify on a tenant). */",
    "  readonly derivedFrom: \"spec\" | \"notes\";",
    "  /** Caveats about the source. */",
    "  readonly note?: string;",
    "  /** Key property names, in key order. */",
    "  readonly keys: readonly string[];",
    "  /** Structural properties, in metadata order. */",
    "  readonly properties: readonly CatalogProperty[];",
    "  /** Navigation properties, in metadata order. */",
    "  readonly navigationProperties: readonly CatalogNavigationProperty[];",
    "}",
  ];
  for (const cat of cats) {
    const lines = renderCatalogJson(cat, true).trimEnd().split("\n");
    const keyProp = cat.properties.find((p) => p.name === cat.keys[0]) as CatalogProperty;
    out.push(
      "",
      "/**",
      ` * Catalog of \`${cat.entitySet}\` (\`${cat.entityType}\`, ${cat.service}): ${cat.properties.length} properties, keys ${cat.keys.join(", ")}.`,
      ` * Source: ${doc(sourceLine(cat))}.`,
      " *",
      " * @example",
      " * ```ts",
      ` * const key = ${cat.entitySet}_CATALOG.properties.find((p) => p.name === ${JSON.stringify(keyProp.name)});`,
      ` * // key?.edmType === ${JSON.stringify(keyProp.edmType)}${keyProp.maxLength !== null ? `, key?.maxLength === ${keyProp.maxLength}` : ""}`,
      " * ```",
      " */",
      `export const ${cat.entitySet}_CATALOG: EntityCatalog = ${lines.join("\n")};`,
    );
  }
  out.push(
    "",
    "/**",
    " * An SAP entity set with a catalog, e.g. `A_ProductionOrder_2`.",
    " *",
    " * @example",
    " * ```ts",
    ' * import type { SapEntitySet } from "@mfgsync/mappers-sap";',
    ' * const set: SapEntitySet = "Batch";',
    " * ```",
    " */",
    "export type SapEntitySet =",
    `${cats.map((c) => `  | ${JSON.stringify(c.entitySet)}`).join("\n")};`,
    "",
    "/**",
    " * Every catalog, keyed by entity set.",
    " *",
    " * @example",
    " * ```ts",
    " * const cat: EntityCatalog = SAP_ENTITY_CATALOGS.A_ProductionOrder_2;",
    " * // cat.keys -> [\"ManufacturingOrder\"]",
    " * ```",
    " */",
    "export const SAP_ENTITY_CATALOGS: { readonly [Set in SapEntitySet]: EntityCatalog } = {",
    ...cats.map((c) => `  ${propKey(c.entitySet)}: ${c.entitySet}_CATALOG,`),
    "};",
  );
  return `${out.join("\n")}\n`;
}

// ---------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------

/** Derives every catalog object from `sharedDir` (the `shared/` folder next to the repo). */
export function deriveSapCatalogObjects(sharedDir: string): EntityCatalog[] {
  const cats: EntityCatalog[] = [];
  for (const sel of SELECTION) {
    const text = fs.readFileSync(path.join(sharedDir, ODATA_DIR, sel.file), "utf8");
    cats.push(...(sel.kind === "edmx" ? deriveFromEdmx(text, sel) : deriveFromOpenApi(JSON.parse(text) as OpenApiDoc, sel)));
  }
  cats.push(...batchCatalogs());
  const sets = new Set<string>();
  for (const c of cats) {
    if (sets.has(c.entitySet)) throw new Error(`duplicate entity set ${c.entitySet}`);
    sets.add(c.entitySet);
  }
  return cats;
}

/**
 * Derives every output file in memory: repo-relative path -> content. Pure apart
 * from reading the inputs under `sharedDir`.
 */
export function deriveSapCatalogs(sharedDir: string): Map<string, string> {
  const cats = deriveSapCatalogObjects(sharedDir);
  const files = new Map<string, string>();
  for (const c of cats) files.set(`${CATALOG_DIR}/${catalogPath(c)}`, renderCatalogJson(c));
  files.set(`${CATALOG_DIR}/index.json`, renderIndex(cats));
  files.set(`${GENERATED_DIR}/wire-types.ts`, renderWireTypes(cats));
  files.set(`${GENERATED_DIR}/catalog.ts`, renderCatalogTs(cats));
  return files;
}

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const shared = process.env.MFGSYNC_SHARED ?? path.resolve(ROOT, "../shared");
  const files = deriveSapCatalogs(shared);
  // Remove catalog JSON files that are no longer derived (the catalog dir is fully generated).
  const catalogRoot = path.join(ROOT, CATALOG_DIR);
  if (fs.existsSync(catalogRoot)) {
    for (const entry of fs.readdirSync(catalogRoot, { recursive: true, encoding: "utf8" })) {
      const rel = `${CATALOG_DIR}/${entry.split(path.sep).join("/")}`;
      if (rel.endsWith(".json") && !files.has(rel)) fs.rmSync(path.join(ROOT, rel));
    }
  }
  for (const [rel, content] of files) {
    const abs = path.join(ROOT, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  console.log(`wrote ${files.size} files (${files.size - 3} catalogs) under ${CATALOG_DIR} and ${GENERATED_DIR}`);
}
