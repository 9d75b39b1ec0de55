import { MAPPING_CODES, translate } from "@mfgsync/mapping";
import { productionOrderMapper } from "@mfgsync/mappers-sap";
import { describe, expect, it } from "vitest";
import { restMapper } from "./support/acme.js";

const SAP_ORDER = {
  d: {
    ManufacturingOrder: "1000123", ManufacturingOrderType: "YBM1", Material: "FG-100", ProductionPlant: "1010", TotalQuantity: "250.5", ProductionUnit: "PC",
    ProductionUnitISOCode: "PCE", ProductionUnitSAPCode: "ST", OrderIsReleased: "X", MRPController: "001",
    to_ProductionOrderOperation: { results: [{ ManufacturingOrderOperation: "0010", MfgOrderOperationText: "Mix", OperationIsReleased: "X" }] },
    to_ProductionOrderComponent: { results: [] },
  },
};

describe("translate", () => {
  it("maps a vendor payload into another vendor's entity and says what the target cannot hold", () => {
    const r = translate(productionOrderMapper, restMapper, SAP_ORDER, { fromContext: { plantTimeZones: { "1010": "Europe/Berlin" } }, toContext: { identifiers: { foreign: "keep" }, units: { Ea: "H87" } } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const first = r.results[0];
    if (!first?.ok) throw new Error(JSON.stringify(first));
    expect(first.value).toMatchObject({ WorkOrderNumber: "1000123", OrganizationCode: "1010", ItemNumber: "FG-100", PlannedStartQuantity: 250.5, StatusCode: "RELEASED" });
    expect(first.warnings.map((w) => w.code)).toContain(MAPPING_CODES.foreignKept);
    expect(first.losses.map((l) => l.path)).toContain("/extensions/sap");
  });

  it("refuses another system's identifiers unless the target context keeps them", () => {
    const r = translate(productionOrderMapper, restMapper, SAP_ORDER, { fromContext: { plantTimeZones: { "1010": "Europe/Berlin" } } });
    const first = r.ok ? r.results[0] : undefined;
    expect(first?.ok).toBe(false);
    if (first && !first.ok) {
      expect(first.leg).toBe("encode");
      expect(first.issues.map((i) => `${i.path} ${i.code}`)).toContain("/id identifier.scheme");
    }
  });

  it("reports decode issues against the source payload", () => {
    const r = translate(productionOrderMapper, restMapper, { d: { ...SAP_ORDER.d, TotalQuantity: "12,5" } });
    const first = r.ok ? r.results[0] : undefined;
    expect(first && !first.ok && first.leg).toBe("decode");
    expect(first && !first.ok && first.issues[0]?.path).toBe("/d/TotalQuantity");
  });
});
