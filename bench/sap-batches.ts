// SAP batches and inspection lots for the benchmarks (see sap-data.ts for orders).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DAY, PLANTS, deferred, odataDate, pad } from "./sap-data.js";

type Json = Record<string, unknown>;
const BATCH_SERVICE = "https://my-s4.example.com/sap/opu/odata/sap/API_BATCH_SRV";

/** An SAP batch (`API_BATCH_SRV` `Batch`) as SAP Gateway sends it. */
export function makeSapBatch(i: number): Json {
  const material = `FG-${pad(i % 500, 4)}`;
  const plant = PLANTS[i % PLANTS.length]!;
  const batch = pad(i, 10);
  const made = Date.UTC(2026, 0, 1) + (i % 300) * DAY;
  const key = `Material='${material}',BatchIdentifyingPlant='${plant}',Batch='${batch}'`;
  const uri = `${BATCH_SERVICE}/Batch(${key})`;
  return {
    __metadata: { id: uri, uri, type: "cds_api_batch_srv.BatchType" },
    Material: material,
    BatchIdentifyingPlant: plant,
    Batch: batch,
    BatchIsMarkedForDeletion: i % 50 === 0,
    MatlBatchIsInRstrcdUseStock: i % 10 === 0,
    Supplier: i % 3 === 0 ? String(17_300_000 + (i % 100)) : "",
    BatchBySupplier: i % 3 === 0 ? `S-${pad(i, 8)}` : "",
    CountryOfOrigin: "DE",
    RegionOfOrigin: "BY",
    MatlBatchAvailabilityDate: odataDate(made),
    ShelfLifeExpirationDate: odataDate(made + 730 * DAY),
    ManufactureDate: odataDate(made),
    FreeDefinedDate1: null,
    FreeDefinedDate2: null,
    FreeDefinedDate3: null,
    FreeDefinedDate4: null,
    FreeDefinedDate5: null,
    FreeDefinedDate6: null,
    CreationDateTime: `/Date(${made + 3_600_000}+0000)/`,
    LastChangeDateTime: `/Date(${made + 7_200_123}+0000)/`,
    BatchExtWhseMgmtInternalId: "00000000-0000-0000-0000-000000000000",
    to_BatchCharc: deferred(`${uri}/to_BatchCharc`),
    to_BatchClass: deferred(`${uri}/to_BatchClass`),
    to_BatchPlant: deferred(`${uri}/to_BatchPlant`),
  };
}

const INSPECTION_FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../packages/mappers-sap/fixtures/inspection/lot-890000000123-final-accepted.json");
let inspectionTemplate: string | undefined;

/**
 * An SAP inspection lot (`API_INSPECTIONLOT_SRV` `A_InspectionLot` with its
 * characteristics, results and usage decision expanded, about 22 KB): the
 * stored fixture with a fresh lot number. Its content is the sample's; only
 * the size and shape matter for the benchmark.
 */
export function makeSapInspectionLotPayload(i: number): { d: Json } {
  inspectionTemplate ??= JSON.stringify(JSON.parse(fs.readFileSync(INSPECTION_FIXTURE, "utf8")));
  return JSON.parse(inspectionTemplate.replaceAll("890000000123", String(890_000_100_000 + i))) as { d: Json };
}

