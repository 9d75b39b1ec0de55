// Type tests of the generated Oracle REST wire types: what a mapper author relies on when typing payloads.
import { describe, expectTypeOf, it } from "vitest";
import type {
  InspectionEventDisposition,
  InventoryItemLot,
  ItemV2,
  OracleChildCollection,
  OracleCollection,
  OracleLink,
  WorkOrder,
  WorkOrderOperation,
  WorkOrderOperationMaterial,
} from "@mfgsync/mappers-oracle";

describe("Oracle wire types", () => {
  it("types quantities and ids as numbers, dates as strings, flags as booleans, unset attributes as null", () => {
    expectTypeOf<WorkOrder["PlannedStartQuantity"]>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<WorkOrder["InventoryItemId"]>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<WorkOrder["PlannedStartDate"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<WorkOrder["ExplosionFlag"]>().toEqualTypeOf<boolean | null | undefined>();
    expectTypeOf<InventoryItemLot["ExpirationDate"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<ItemV2["LotControlCode"]>().toEqualTypeOf<number | null | undefined>();
    // A key is never null (it may be absent: fields= projections, create bodies).
    expectTypeOf<WorkOrder["WorkOrderId"]>().toEqualTypeOf<number | undefined>();
  });

  it("types a closed code list as its members and an open one as string", () => {
    expectTypeOf<InspectionEventDisposition["Disposition"]>().toEqualTypeOf<"ACCEPT" | "REJECT" | "COMPLETE" | "PENDING" | null | undefined>();
    expectTypeOf<WorkOrder["WorkOrderStatusCode"]>().toEqualTypeOf<string | null | undefined>();
    // @ts-expect-error: not a documented disposition
    const bad: InspectionEventDisposition = { Disposition: "ACCEPTED" };
    void bad;
  });

  it("accepts expanded children as a bare array or as a collection object", () => {
    expectTypeOf<WorkOrder["WorkOrderOperation"]>().toEqualTypeOf<OracleChildCollection<WorkOrderOperation> | undefined>();
    expectTypeOf<WorkOrderOperation["WorkOrderOperationMaterial"]>().toEqualTypeOf<OracleChildCollection<WorkOrderOperationMaterial> | undefined>();
    const material: WorkOrderOperationMaterial = { WorkOrderOperationMaterialId: 300100185622320, Quantity: 480.5, UOMCode: "Ea" };
    const v2: WorkOrder = { WorkOrderId: 300100185622311, WorkOrderOperation: [{ WorkOrderOperationId: 300100185622315, WorkOrderOperationMaterial: [material] }] };
    const v3: WorkOrder = {
      WorkOrderId: 300100185622311,
      WorkOrderOperation: { items: [{ WorkOrderOperationId: 300100185622315 }], count: 1, hasMore: false, limit: 25, offset: 0, links: [] },
    };
    expectTypeOf(v2).toEqualTypeOf<WorkOrder>();
    expectTypeOf(v3.WorkOrderOperation).toEqualTypeOf<OracleChildCollection<WorkOrderOperation> | undefined>();
    // @ts-expect-error: a quantity is a JSON number, not a string
    const wrong: WorkOrder = { PlannedStartQuantity: "480,5" };
    void wrong;
    // @ts-expect-error: a flag is a JSON boolean, not "Y"
    const flag: WorkOrder = { ExplosionFlag: "Y" };
    void flag;
  });

  it("types the collection envelope and links", () => {
    expectTypeOf<OracleCollection<WorkOrder>["items"]>().toEqualTypeOf<WorkOrder[]>();
    expectTypeOf<OracleCollection<WorkOrder>["totalResults"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<WorkOrder["links"]>().toEqualTypeOf<OracleLink[] | undefined>();
    expectTypeOf<OracleLink["href"]>().toEqualTypeOf<string>();
    // Attributes the field catalog does not list are allowed, typed unknown.
    expectTypeOf<WorkOrder["SomeAttributeNotCatalogued"]>().toEqualTypeOf<unknown>();
  });
});
