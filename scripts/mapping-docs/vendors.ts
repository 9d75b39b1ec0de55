/**
 * The vendors the generated docs cover, found in the mapper packages rather
 * than listed by hand: every export of `@mfgsync/mappers-*` that is a
 * `VendorMappers` (`{ name, title, mappers }`, what a package registers with
 * the CLI) contributes its mappers' declarations. A vendor package that does
 * not export one yet is shown from its generated entity catalog, with the
 * catalog entities below: which canonical object each would feed, stated
 * here as [inferred] until the vendor's mapper declares it.
 */
import type { ObjectName } from "@mfgsync/canonical";
import { OBJECT_NAMES } from "@mfgsync/canonical";
import type { MapperDeclaration, VendorMappers } from "@mfgsync/mapping";
import * as d365 from "@mfgsync/mappers-d365";
import * as oracle from "@mfgsync/mappers-oracle";
import * as sap from "@mfgsync/mappers-sap";

/** One vendor as the docs show it. */
export interface VendorDocs {
  /** Registry name: `sap`, `oracle`, `d365`. */
  readonly name: string;
  /** Human name of the vendor API. */
  readonly title: string;
  /** The mappers' declarations, one per canonical object covered; empty while the vendor has no mappers. */
  readonly declarations: readonly MapperDeclaration[];
  /** For a vendor without declarations: the catalog entities expected to feed each canonical object. */
  readonly catalogFit: Partial<Readonly<Record<ObjectName, readonly string[]>>>;
}

interface VendorPackage {
  readonly name: string;
  readonly title: string;
  readonly exports: Readonly<Record<string, unknown>>;
  /** Entity sets of the package's generated catalog. */
  readonly catalog: readonly string[];
  /** Until the package declares mappers: catalog entities by canonical object, from the vendor notes ([inferred]). */
  readonly catalogFit: Partial<Readonly<Record<ObjectName, readonly string[]>>>;
}

const PACKAGES: readonly VendorPackage[] = [
  { name: "sap", title: "SAP S/4HANA (OData V2)", exports: sap, catalog: Object.keys(sap.SAP_ENTITY_CATALOGS), catalogFit: {} },
  {
    name: "oracle", title: "Oracle Fusion Cloud SCM (REST)", exports: oracle, catalog: Object.keys(oracle.ORACLE_CATALOGS),
    catalogFit: {
      material: ["itemsV2", "unitsOfMeasure"],
      "production-order": ["workOrders", "workOrders/WorkOrderOperation", "workOrders/WorkOrderMaterial", "processWorkOrders"],
      lot: ["inventoryItemLots", "genealogyObjects", "genealogyRelationships"],
      inspection: ["inspectionEvents", "inspectionResults", "inspectionPlans"],
      nonconformance: ["qualityIssues", "qualityActions"],
    },
  },
  {
    name: "d365", title: "Dynamics 365 SCM (OData V4)", exports: d365, catalog: Object.keys(d365.D365_ENTITY_CATALOGS),
    catalogFit: {
      material: ["ReleasedProductsV2", "ProductsV2", "UnitsOfMeasure"],
      "production-order": ["ProductionOrderHeaders", "ProductionOrderRouteOperations", "ProductionOrderBillOfMaterialLines"],
      lot: ["ItemBatches", "WarehouseInventoryStatusesOnHandV2"],
      inspection: ["QualityOrderHeaders", "QualityOrderLineResults", "QualitySamples"],
      nonconformance: ["NonConformanceTables", "CAPACases"],
    },
  },
];

function isVendorMappers(value: unknown): value is VendorMappers {
  if (value === null || typeof value !== "object") return false;
  const v = value as Partial<VendorMappers>;
  return typeof v.name === "string" && typeof v.title === "string" && typeof v.mappers === "object" && v.mappers !== null &&
    Object.values(v.mappers).some((m) => m !== undefined && typeof m === "object" && "declaration" in m);
}

/** The vendors, in a stable order (SAP, Oracle, D365), with their declarations or their catalog fit. */
export function documentedVendors(): VendorDocs[] {
  return PACKAGES.map((pkg) => {
    const registered = Object.values(pkg.exports).find(isVendorMappers);
    const declarations = registered
      ? OBJECT_NAMES.flatMap((object) => {
        const mapper = registered.mappers[object];
        return mapper ? [mapper.declaration] : [];
      })
      : [];
    for (const entities of Object.values(pkg.catalogFit)) {
      for (const entity of entities ?? []) if (!pkg.catalog.includes(entity)) throw new Error(`${pkg.name}: ${entity} is not in the package's entity catalog`);
    }
    return { name: registered?.name ?? pkg.name, title: registered?.title ?? pkg.title, declarations, catalogFit: declarations.length > 0 ? {} : pkg.catalogFit };
  });
}
