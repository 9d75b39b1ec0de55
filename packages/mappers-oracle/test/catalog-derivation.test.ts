// The rules of scripts/oracle-catalog on small synthetic field catalogs (no ../shared needed): how a
// change in the field catalog would show up in the generated catalogs.
import { describe, expect, it } from "vitest";
import { codeList, deriveEntities, words } from "../../../scripts/oracle-catalog/derive.js";
import type { OracleEntity } from "../../../scripts/oracle-catalog/model.js";
import { parseFieldSpec, typeFromName } from "../../../scripts/oracle-catalog/parse.js";

function derive(resources: Record<string, unknown>): Map<string, OracleEntity> {
  return new Map(deriveEntities({ resources }).map((e) => [e.path, e]));
}

// RESOURCE_TYPE_NAMES knows the real resource names only, so synthetic catalogs reuse them.
describe("Oracle catalog derivation", () => {
  it("decides closed lists by evidence and completeness", () => {
    expect(codeList(["ACCEPT", "REJECT"], "D/P", undefined)).toEqual({ enumMembers: ["ACCEPT", "REJECT"] });
    expect(codeList(["ACCEPT", "REJECT"], "C", undefined)).toEqual({ knownValues: ["ACCEPT", "REJECT"] });
    expect(codeList(["A", "<user-defined codes>"], "D", undefined)).toEqual({ knownValues: ["A"] });
    expect(codeList(["A", "B"], "D", "others inferred from seeded statuses")).toEqual({ knownValues: ["A", "B"] });
    expect(codeList(["A"], "D/I", undefined)).toEqual({ knownValues: ["A"] });
    expect(codeList([1, 2], "D", undefined)).toEqual({ enumMembers: ["1", "2"] });
  });

  it("reads the field-list notations and refuses unknown ones", () => {
    expect(parseFieldSpec("Quantity (I)", "t")).toEqual({ name: "Quantity", evidence: "I" });
    expect(parseFieldSpec("Document(240)", "t")).toEqual({ name: "Document", type: "string", maxLength: 240 });
    expect(parseFieldSpec("RequiredDate(date-time)", "t")).toEqual({ name: "RequiredDate", type: "date-time" });
    expect(parseFieldSpec("EffectivityDate date-time", "t")).toEqual({ name: "EffectivityDate", type: "date-time" });
    expect(parseFieldSpec("StatusCode int", "t")).toEqual({ name: "StatusCode", type: "integer" });
    expect(parseFieldSpec("OutputType (e.g. PRODUCT)", "t")).toMatchObject({ name: "OutputType", knownValues: ["PRODUCT"] });
    expect(parseFieldSpec("StatusCode (default NOT_STARTED)", "t")).toMatchObject({ knownValues: ["NOT_STARTED"] });
    expect(parseFieldSpec("OutputLotNumber[]", "t")).toEqual({ name: "OutputLotNumber", array: true });
    expect(() => parseFieldSpec("Quantity (decimal)", "t")).toThrow(/unknown type/);
    expect(() => parseFieldSpec("two words here", "t")).toThrow(/cannot read/);
  });

  it("types untyped attributes by naming convention", () => {
    expect(typeFromName("CountPointOperationFlag").type).toBe("boolean");
    expect(typeFromName("InventoryItemId").type).toBe("integer");
    expect(typeFromName("QuantityPERProduct").type).toBe("number");
    expect(typeFromName("MaterialSequenceNumber").type).toBe("number");
    expect(typeFromName("DateReleased").type).toBe("date-time");
    expect(typeFromName("SerialNumber").type).toBe("string");
    expect(words("ItemV2")).toEqual(["Item", "V2"]);
    expect(words("LotStandardDFF")).toEqual(["Lot", "Standard", "DFF"]);
  });

  it("derives types, keys, code lists, inference and nested children", () => {
    const cats = derive({
      workOrders: {
        key: "WorkOrderId (int64) - plain id in path",
        post_required: ["PlannedStartQuantity"],
        fields: {
          WorkOrderId: { type: "integer", ev: "D" },
          PlannedStartQuantity: { type: "number", ev: "P" },
          Status: { type: "string", ev: "D", values: ["A", "B"] },
          Tenant: { type: "string", ev: "C", values: ["X", "<user-defined codes>"] },
          Reason: { type: "string(240)", ev: "P/D" },
          Guess: { type: "date", ev: "C/I" },
        },
        children: {
          WorkOrderOperation: { key: "WorkOrderOperationId", fields: ["WorkOrderOperationId", "OperationSequenceNumber(number)", "ReadyFlag"], ev: "P" },
          "WorkOrderOperation/WorkOrderOperationMaterial": { post: ["ItemNumber"], more: ["Quantity (I)"], ev: "P" },
          WorkOrderMaterial: { note: "read-only flattened view (GET only)", ev: "P" },
          WorkOrderResource: { note: "read-only flattened view of operation resources", ev: "P" },
          "WorkOrderOperation/WorkOrderOperationResource": { fields: ["ResourceCode"], ev: "P" },
        },
      },
    });
    const wo = cats.get("workOrders") as OracleEntity;
    const p = (name: string) => wo.properties.find((x) => x.name === name);
    expect(wo.keys).toEqual(["WorkOrderId"]);
    expect(p("WorkOrderId")).toMatchObject({ edmType: "Edm.Int64", nullable: false, readOnly: true, inferred: true });
    expect(p("PlannedStartQuantity")).toMatchObject({ edmType: "Edm.Decimal", nullable: true, evidence: "P" });
    expect(p("PlannedStartQuantity")?.inferred).toBeUndefined();
    expect(p("Status")?.enumMembers).toEqual(["A", "B"]);
    expect(p("Tenant")).toMatchObject({ knownValues: ["X"] });
    expect(p("Tenant")?.enumMembers).toBeUndefined();
    expect(p("Reason")).toMatchObject({ edmType: "Edm.String", maxLength: 240 });
    expect(p("Guess")).toMatchObject({ edmType: "Edm.Date", inferred: true });
    // WorkOrderExceptionCount: a child only the notes name (supplements.ts), added to every derivation.
    expect(wo.navigationProperties.map((n) => n.name)).toEqual(["WorkOrderOperation", "WorkOrderMaterial", "WorkOrderResource", "WorkOrderExceptionCount"]);
    expect(cats.get("workOrders/WorkOrderExceptionCount")?.derivedFrom).toBe("notes");

    const op = cats.get("workOrders/WorkOrderOperation") as OracleEntity;
    expect(op.typeName).toBe("WorkOrderOperation");
    expect(op.properties.find((x) => x.name === "OperationSequenceNumber")?.inferred).toBeUndefined();
    expect(op.properties.find((x) => x.name === "ReadyFlag")).toMatchObject({ edmType: "Edm.Boolean", inferred: true, evidence: "P" });
    expect(op.navigationProperties.map((n) => n.target)).toEqual([
      "workOrders/WorkOrderOperation/WorkOrderOperationMaterial",
      "workOrders/WorkOrderOperation/WorkOrderOperationResource",
      "workOrders/WorkOrderOperation/WorkOrderOperationSerialNumber", // named in the notes only
    ]);
    const mat = cats.get("workOrders/WorkOrderOperation/WorkOrderOperationMaterial") as OracleEntity;
    expect(mat.postBody).toEqual(["ItemNumber"]);
    expect(mat.properties.find((x) => x.name === "Quantity")).toMatchObject({ edmType: "Edm.Decimal", evidence: "I", inferred: true });

    const view = cats.get("workOrders/WorkOrderMaterial") as OracleEntity;
    expect(view.access).toBe("GET only");
    expect(view.properties.map((x) => x.name)).toEqual(["ItemNumber", "Quantity", "WorkOrderOperationId", "OperationSequenceNumber"]);
    expect(view.properties.every((x) => x.readOnly && x.inferred)).toBe(true);
    expect(view.properties.find((x) => x.name === "OperationSequenceNumber")?.edmType).toBe("Edm.Decimal"); // typed on the operation
  });

  it("fails loudly on field-catalog forms it does not know", () => {
    expect(() => derive({ workOrders: { fields: { A: { type: "decimal", ev: "P" } } } })).toThrow(/unknown type/);
    expect(() => derive({ workOrders: { surprise: [] } })).toThrow(/unknown key surprise/);
    expect(() => derive({ workOrders: { children: { X: "sometimes" } } })).toThrow(/cannot read child description/);
    expect(() => derive({ newResource: {} })).toThrow(/RESOURCE_TYPE_NAMES/);
    expect(() => derive({ workOrders: { key: "A", fields: { B: { type: "string", ev: "P" } } } })).not.toThrow(); // a key not listed becomes an attribute
  });
});
