import { d365EnumFilter, d365EnumLiteral, d365KeyPath } from "@mfgsync/mappers-d365";
import { describe, expect, it } from "vitest";

describe("D365 query helpers", () => {
  it("build the qualified enum literal that $filter and keys need", () => {
    expect(d365EnumLiteral("ProdStatus", "Released")).toBe("Microsoft.Dynamics.DataEntities.ProdStatus'Released'");
    expect(d365EnumLiteral("Microsoft.Dynamics.DataEntities.NoYes", "Yes")).toBe("Microsoft.Dynamics.DataEntities.NoYes'Yes'");
    expect(d365EnumLiteral({ entitySet: "ProductionOrderRouteOperations", property: "OperationPriority" }, "Secondary1")).toBe("Microsoft.Dynamics.DataEntities.RouteOprPriority'Secondary1'");
    expect(d365EnumLiteral({ entitySet: "ProductionOrderHeaders", property: "ItemNumber" }, "X")).toBeUndefined();
    expect(d365EnumFilter("ProductionOrderHeaders", "ProductionOrderStatus", "StartedUp", "ne")).toBe("ProductionOrderStatus ne Microsoft.Dynamics.DataEntities.ProdStatus'StartedUp'");
  });

  it("render key URLs in the catalog's key order: strings quoted, numbers bare, enums qualified", () => {
    expect(d365KeyPath("ProductionOrderHeaders", { ProductionOrderNumber: "P000123", dataAreaId: "usmf", ItemNumber: "X" })).toBe("ProductionOrderHeaders(dataAreaId='usmf',ProductionOrderNumber='P000123')");
    expect(d365KeyPath("ProductionOrderRouteOperations", { dataAreaId: "usmf", ProductionOrderNumber: "P1", OperationNumber: 10, OperationPriority: "Primary" }))
      .toBe("ProductionOrderRouteOperations(dataAreaId='usmf',ProductionOrderNumber='P1',OperationNumber=10,OperationPriority=Microsoft.Dynamics.DataEntities.RouteOprPriority'Primary')");
    expect(d365KeyPath("ItemBatches", { dataAreaId: "usmf", ItemNumber: "O'Neil", BatchNumber: "B1" })).toBe("ItemBatches(dataAreaId='usmf',ItemNumber='O''Neil',BatchNumber='B1')");
    expect(d365KeyPath("ProductsV2", { ProductNumber: "D0001" })).toBe("ProductsV2('D0001')");
    expect(d365KeyPath("ProductionOrderHeaders", { dataAreaId: "usmf" })).toBeUndefined();
  });
});
