import type { Inspection, Lot, Material, Nonconformance, ProductionOrder } from "@mfgsync/canonical";
import type { Mapper, MapResult, VendorMappers } from "@mfgsync/mapping";
import type { ItemBatch, NonConformanceTable, ProductionOrderBundle, ProductionOrderHeader, QualityOrderBundle, ReleasedProductV2 } from "@mfgsync/mappers-d365";
import { D365_VENDOR, batchMapper, d365EnumLiteral, d365KeyPath, inspectionMapper, materialMapper, nonconformanceMapper, productionOrderMapper } from "@mfgsync/mappers-d365";
import { describe, expectTypeOf, it } from "vitest";

describe("public types of @mfgsync/mappers-d365", () => {
  it("types each mapper by its wire row and canonical object", () => {
    expectTypeOf(productionOrderMapper).toEqualTypeOf<Mapper<ProductionOrderHeader | ProductionOrderBundle, ProductionOrder>>();
    expectTypeOf(materialMapper).toEqualTypeOf<Mapper<ReleasedProductV2, Material>>();
    expectTypeOf(batchMapper).toEqualTypeOf<Mapper<ItemBatch, Lot>>();
    expectTypeOf(inspectionMapper).toEqualTypeOf<Mapper<QualityOrderBundle, Inspection>>();
    expectTypeOf(nonconformanceMapper).toEqualTypeOf<Mapper<NonConformanceTable, Nonconformance>>();
    expectTypeOf(productionOrderMapper.decode).returns.toEqualTypeOf<MapResult<ProductionOrder>>();
  });

  it("types the vendor and the helpers", () => {
    expectTypeOf(D365_VENDOR).toEqualTypeOf<VendorMappers>();
    expectTypeOf(d365KeyPath).parameter(0).toEqualTypeOf<import("@mfgsync/mappers-d365").D365EntitySet>();
    expectTypeOf(d365EnumLiteral).returns.toEqualTypeOf<string | undefined>();
    expectTypeOf<QualityOrderBundle["QualityOrderLineResults"]>().toEqualTypeOf<readonly import("@mfgsync/mappers-d365").QualityOrderLineResult[] | undefined>();
  });
});
