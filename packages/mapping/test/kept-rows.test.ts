// Kept vendor rows and scopes come back from outside inside a canonical object:
// encode checks them as decode would read them (fuzz findings, issue 12).
import type { ProductionOrder } from "@mfgsync/canonical";
import { describe, expect, it } from "vitest";
import { odataMapper } from "./support/acme.js";

const ROW = {
  dataAreaId: "usmf", OrderNumber: "P000123", ItemNumber: "FG-1", ScheduledQuantity: 10, Status: "Released", SiteId: "1",
  Lines: [],
  Route: [
    { dataAreaId: "usmf", OrderNumber: "P000123", OperationNumber: 10, OperationPriority: "Primary", ResourceId: "WC1" },
    { dataAreaId: "usmf", OrderNumber: "P000123", OperationNumber: 10, OperationPriority: "Secondary1", ResourceId: "OP-A" },
  ],
};
const CONTEXT = { plantTimeZones: { "1": "UTC" } };

function withKeptSecondary(patch: Record<string, unknown>): ProductionOrder {
  const r = odataMapper.decode(ROW, CONTEXT);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const acme = r.value.extensions?.["acme"] as { Route: Record<string, unknown>[] };
  return { ...r.value, extensions: { ...r.value.extensions, acme: { ...acme, Route: acme.Route.map((row, j) => (j === 1 ? { ...row, ...patch } : row)) } } } as ProductionOrder;
}

describe("kept secondary rows", () => {
  it("are written back while they pass the catalog and are still secondary rows of their group", () => {
    const r = odataMapper.encode(withKeptSecondary({}), CONTEXT);
    expect(r.ok && (r.value["Route"] as unknown[]).length).toBe(2);
  });

  it("a kept value the catalog refuses is an issue at the kept row's property", () => {
    const r = odataMapper.encode(withKeptSecondary({ OperationPriority: true }), CONTEXT);
    expect(!r.ok && r.issues.map((i) => i.path)).toEqual(["/extensions/acme/Route/1/OperationPriority"]);
  });

  it("a kept row that is now primary, or of another group, is an issue (it would not read back as kept)", () => {
    for (const patch of [{ OperationPriority: "Primary" }, { OperationNumber: 20 }]) {
      const r = odataMapper.encode(withKeptSecondary(patch), CONTEXT);
      expect(!r.ok && r.issues.map((i) => i.path), JSON.stringify(patch)).toEqual(["/extensions/acme/Route/1"]);
    }
  });
});

describe("scopes", () => {
  it("decode refuses a scope property longer than an identifier scope (64)", () => {
    const r = odataMapper.decode({ ...ROW, dataAreaId: "x".repeat(65), Route: [] }, CONTEXT);
    expect(!r.ok && r.issues.map((i) => [i.path, i.code])).toEqual([["/dataAreaId", "value.too-big"]]);
  });
});
