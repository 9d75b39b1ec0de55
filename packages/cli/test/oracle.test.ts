// mfgsync map and translate with the built-in Oracle vendor (REST workOrders).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../src/run.js";

const ORACLE = path.resolve(import.meta.dirname, "../../mappers-oracle/fixtures/work-order");
const RELEASED = fs.readFileSync(path.join(ORACLE, "work-orders-released-v3-collection.json"), "utf8");
const COMPLETED = fs.readFileSync(path.join(ORACLE, "work-order-completed-v2-bare-arrays.json"), "utf8");
const SAP_ORDER = fs.readFileSync(path.resolve(import.meta.dirname, "../../mappers-sap/fixtures/production-order/order-1000000-teco.json"), "utf8");

async function cli(args: string[], stdin = "") {
  const out: string[] = [], err: string[] = [];
  const code = await run(args, { out: (s) => out.push(s), err: (s) => err.push(s), readText: async () => stdin });
  return { code, out: out.join(""), err: err.join("") };
}

const TO_CANONICAL = ["map", "--from", "oracle", "--to", "canonical", "--entity", "production-order", "-"];
const TO_ORACLE = ["map", "--from", "canonical", "--to", "oracle", "--entity", "production-order", "-"];

describe("mfgsync map --from oracle / --to oracle", () => {
  it("reads a work order collection into canonical production orders and writes it back exactly", async () => {
    const r = await cli(TO_CANONICAL, RELEASED);
    expect(r.code).toBe(0);
    const [order] = JSON.parse(r.out) as [{ id: { value: string; scope: { value: string } }; plannedQuantity: { value: string }; state: { value: string } }];
    expect(order.id).toMatchObject({ value: "MX-WO-4711", scope: { value: "MX1" } });
    expect(order.plannedQuantity.value).toBe("480.50");
    expect(order.state.value).toBe("Released");
    const back = await cli(TO_ORACLE, JSON.stringify(order));
    expect(back.code).toBe(0);
    expect(back.out).toContain('"PlannedStartQuantity": 480.50');
    expect(back.out).toContain('"WorkOrderId": 300100211458761');
    expect(back.out).toContain('"WorkOrderSubType": null');
    const written = JSON.parse(back.out) as Record<string, unknown>;
    expect(written["WorkOrderOperation"]).toMatchObject({ count: 2, hasMore: false });
    expect(JSON.stringify(written)).not.toContain('"links"');
  });

  it("reads a single work order with bare-array children", async () => {
    const r = await cli(TO_CANONICAL, COMPLETED);
    expect(r.code).toBe(0);
    const back = await cli(TO_ORACLE, r.out);
    expect(back.code).toBe(0);
    expect(Array.isArray((JSON.parse(back.out) as Record<string, unknown>)["WorkOrderOperation"])).toBe(true);
  });

  it("refuses bad Oracle input with exit 1, naming the attribute, without a stack trace", async () => {
    const cases: [string, string][] = [
      [COMPLETED.replace('"PlannedStartQuantity": 12', '"PlannedStartQuantity": "480,5"'), "PlannedStartQuantity"],
      [COMPLETED.replace('"FirmPlannedFlag": true', '"FirmPlannedFlag": "Y"'), "FirmPlannedFlag"],
      [COMPLETED.replace('"PlannedStartDate": "2026-11-30T06:00:00+01:00"', '"PlannedStartDate": "30.11.2026"'), "PlannedStartDate"],
      [COMPLETED.replace('"UOMCode": null', '"UOMCode": "EACH"'), "UOMCode"],
      [COMPLETED.replace('"OperationSequenceNumber": 10,', '"OperationSequenceNumber": 10.5,'), "OperationSequenceNumber"],
    ];
    for (const [payload, attribute] of cases) {
      expect(payload).not.toBe(COMPLETED);
      const r = await cli(TO_CANONICAL, payload);
      expect(r.code).toBe(1);
      expect(r.err + r.out).toContain(attribute);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  it("maps Oracle items and lots both ways, lot status through the context's code table", async () => {
    const lots = fs.readFileSync(path.resolve(import.meta.dirname, "../../mappers-oracle/fixtures/lot/lots-hold-and-tenant-status.json"), "utf8");
    const r = await cli(["map", "--from", "oracle", "--to", "canonical", "--entity", "lot", "-"], lots);
    expect(r.code).toBe(0);
    const [hold] = JSON.parse(r.out) as [{ qualityStatus: { value: string } }];
    expect(hold.qualityStatus.value).toBe("OnHold");
    const back = await cli(["map", "--from", "canonical", "--to", "oracle", "--entity", "lot", "-"], JSON.stringify(hold));
    expect(back.code).toBe(0);
    expect(JSON.parse(back.out)).toMatchObject({ StatusCode: "Hold", ExpirationDate: "2028-11-03", SupplierLotNumber: "ALU-88341" });
    const item = fs.readFileSync(path.resolve(import.meta.dirname, "../../mappers-oracle/fixtures/material/item-raw-material-kg.json"), "utf8");
    const m = await cli(["map", "--from", "oracle", "--to", "canonical", "--entity", "material", "-"], item);
    expect(m.code).toBe(0);
    expect(JSON.parse(m.out)).toMatchObject({ baseUnit: "KGM", id: { value: "AL-CAST-7" } });
    const bad = await cli(["map", "--from", "oracle", "--to", "canonical", "--entity", "material", "-"], item.replace('"StockEnabledFlag": true', '"StockEnabledFlag": "true"'));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("StockEnabledFlag");
  });

  it("translates an SAP production order into an Oracle work order, reporting what is not carried over", async () => {
    const refused = await cli(["translate", "--from", "sap", "--to", "oracle", "--entity", "production-order", "-"], SAP_ORDER);
    expect(refused.code).toBe(1);
    expect(refused.err + refused.out).toContain("identifier.scheme");
    const r = await cli(["translate", "--from", "sap", "--to", "oracle", "--entity", "production-order", "--keep-foreign-ids", "-"], SAP_ORDER);
    expect(r.err).toContain("not carried over to oracle");
    expect(r.code).toBe(0);
    const wo = JSON.parse(r.out) as Record<string, unknown>;
    expect(wo).toMatchObject({ WorkOrderNumber: "1000000", OrganizationCode: "1710", PlannedStartQuantity: 500, UOMCode: "Ea" });
    expect(typeof wo["WorkOrderStatusCode"]).toBe("string");
    expect(Array.isArray(wo["WorkOrderOperation"])).toBe(true);
  });

  it("the demo maps every bundled Oracle fixture to canonical and back without loss", async () => {
    const r = await cli(["demo", "--format", "json"]);
    const report = JSON.parse(r.out) as { sections: { id: string; items: { name: string; status: string }[] }[] };
    const oracle = report.sections.find((s) => s.id === "oracle");
    expect(oracle?.items.length).toBeGreaterThanOrEqual(14);
    expect(oracle?.items.filter((i) => i.status !== "ok")).toEqual([]);
    expect(new Set(oracle?.items.map((i) => i.name.split("/")[0]))).toEqual(new Set(["work-order", "material", "lot", "nonconformance"]));
  });
});
