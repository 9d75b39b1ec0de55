/**
 * The model the Oracle catalog script derives: one {@link OracleEntity} per REST
 * resource and per child resource. Its runtime part is exactly the catalog
 * interface of `@mfgsync/mapping` (`CatalogEntityInfo` / `CatalogPropertyInfo`);
 * the rest (`oracleType`, `note`, `access`, `postRequired`, …) is documentation
 * that only the JSON catalog files carry.
 */

/** JSON types of the field catalog (`string(N)` carries a length). */
export type OracleJsonType = "string" | "number" | "integer" | "boolean" | "date" | "date-time";

/** The EDM types this catalog uses (catalog-v2: Oracle JSON type -> EDM type). */
export type OracleEdmType = "Edm.String" | "Edm.Decimal" | "Edm.Int64" | "Edm.Boolean" | "Edm.Date" | "Edm.DateTimeOffset";

export const EDM_OF: Readonly<Record<OracleJsonType, OracleEdmType>> = {
  string: "Edm.String",
  number: "Edm.Decimal", // quantities are exact decimals
  integer: "Edm.Int64", // surrogate ids are int64 around 3e14
  boolean: "Edm.Boolean",
  date: "Edm.Date",
  "date-time": "Edm.DateTimeOffset",
};

/** One attribute. The fields up to `evidence` are the runtime catalog; the rest is docs. */
export interface OracleProperty {
  name: string;
  edmType: OracleEdmType;
  maxLength: number | null;
  nullable: boolean;
  precision: null;
  scale: null;
  inferred?: true;
  inferredNote?: string;
  enumMembers?: string[];
  knownValues?: string[];
  readOnly?: true;
  evidence?: string;
  /** Docs: the type as the field catalog writes it, or `(not stated)`. */
  oracleType: string;
  /** Docs: the field catalog's note on the attribute. */
  note?: string;
}

/** A child resource of an entity (always a collection in Oracle REST). */
export interface OracleNavigation {
  name: string;
  multiplicity: "*";
  /** Catalog path of the child entity. */
  target: string;
  /** Docs: set when the navigation name itself was inferred. */
  inferred?: true;
  inferredNote?: string;
}

export interface OracleEntity {
  /** Catalog path: resource and child names joined by `/`, e.g. `workOrders/WorkOrderOperation`. */
  path: string;
  /** Top-level resource, e.g. `workOrders`. */
  resource: string;
  /** The resource's or child's own name, as in the URL and in the parent's JSON. */
  entitySet: string;
  /** Name of the generated TS wire interface. */
  typeName: string;
  /** Name of the generated runtime catalog constant. */
  constName: string;
  /** Path of the parent entity, null for a top-level resource. */
  parent: string | null;
  /** `catalog` (the curated field catalog) or `notes` (only the research notes name it). */
  derivedFrom: "catalog" | "notes";
  /** Docs: the evidence tag the field catalog gives the entity (or inherits from its parent). */
  evidence?: string;
  /** Docs: the operations the field catalog documents (`GET only`, `CRUD`, …). */
  access?: string;
  /** Docs: the item path segment when it is not a key attribute (`…UniqID` hash keys). */
  pathKey?: { name: string; kind: "hash"; note: string };
  /** Docs: attributes a POST must send (field catalog `post_required`). */
  postRequired?: string[];
  /** Docs: attributes of the POST body the Postman collection shows (field catalog `post`): the required ones, or a sample of writable ones. */
  postBody?: string[];
  /** Docs: attributes the field catalog lists as patchable. */
  patchable?: string[];
  /** Docs: notes about the entity. */
  notes: string[];
  keys: string[];
  properties: OracleProperty[];
  navigationProperties: OracleNavigation[];
}
