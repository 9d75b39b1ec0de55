import { describe, expect, it } from "vitest";
import { createInMemoryContext, createProfile, validate } from "@mfgsync/validators";
import { consumed, dispositionChanged, event, expectNone, expectPaths, id, lot, material, order } from "./fixtures.js";

const materials = createInMemoryContext({
  materials: [
    material({ revision: "A", lifecycleStatus: { value: "Obsolete" } }),
    material({ revision: "B", plants: [{ plant: "1010", status: { value: "Approved" } }, { plant: "2020", status: { value: "Blocked" } }] }),
    material({ id: id("RM-200"), revision: undefined, baseUnit: "KGM", type: { value: "RawMaterial" } }),
    material({ id: id("RM-310"), revision: "C", baseUnit: "KGM", type: { value: "RawMaterial" }, lifecycleStatus: { value: "Draft" } }),
  ],
});

describe("material/revision-format", () => {
  it("passes revisions matching the default pattern", () => {
    expectNone(validate("material", material({ revision: "A.1" })), "material/revision-format");
    expectNone(validate("production-order", order()), "material/revision-format");
  });

  it("reports revisions that do not match, on materials and on every reference", () => {
    expectPaths(validate("material", material({ revision: "b " })), "material/revision-format", ["/revision"]);
    const o = order({ material: { id: id("FG-1000"), revision: "rev b" }, components: [{ ...order().components[0]!, material: { id: id("RM-200"), revision: "c" } }] });
    expectPaths(validate("production-order", o), "material/revision-format", ["/material/revision", "/components/0/material/revision"]);
  });

  it("uses the profile's pattern", () => {
    const twoDigits = createProfile({ options: { material: { revisionPattern: "^\\d{2}$" } } });
    expectNone(validate("material", material({ revision: "01" }), { profile: twoDigits }), "material/revision-format");
    expectPaths(validate("material", material({ revision: "B" }), { profile: twoDigits }), "material/revision-format", ["/revision"]);
  });
});

describe("material/known", () => {
  it("passes known materials and revisions, and skips without a material directory", () => {
    expectNone(validate("production-order", order(), { context: materials }), "material/known");
    expectNone(validate("production-order", order({ material: { id: id("XX-1") } })), "material/known");
  });

  it("reports unknown materials and unknown revisions", () => {
    const o = order({ material: { id: id("FG-1000"), revision: "Z" }, components: [{ ...order().components[0]!, material: { id: id("RM-999") } }] });
    const findings = expectPaths(validate("production-order", o, { context: materials }), "material/known", ["/material/revision", "/components/0/material/id"]);
    expect(findings[1]?.message).toBe("material RM-999 (sap-s4hana) is not in the material master");
    expectPaths(validate("material-consumed", consumed({ material: { id: id("RM-999") } }), { context: materials }), "material/known", ["/data/material/id"]);
    expectPaths(validate("lot", lot({ material: { id: id("FG-1000", "oracle-fusion") } }), { context: materials }), "material/known", ["/material/id"]);
  });
});

describe("material/approved", () => {
  it("passes an order for an approved revision and approved components", () => {
    expectNone(validate("production-order", order(), { context: materials }), "material/approved");
  });

  it("reports unapproved revisions, components and plant blocks", () => {
    const o = order({
      material: { id: id("FG-1000"), revision: "A" },
      components: [...order().components, { material: { id: id("RM-310"), revision: "C" }, requiredQuantity: { value: "1", unit: "KGM" }, materialUse: { value: "Consumed" } }],
    });
    const findings = expectPaths(validate("production-order", o, { context: materials }), "material/approved", ["/material", "/components/1/material"]);
    expect(findings.map((f) => f.value)).toEqual(["Obsolete", "Draft"]);
    const blocked = validate("production-order", order({ plant: "2020" }), { context: materials });
    expect(expectPaths(blocked, "material/approved", ["/material"])[0]?.message).toBe("material FG-1000 (sap-s4hana) revision B is Blocked in plant 2020");
    const produced = event("material-produced", { order: id("1000123"), material: { id: id("RM-310"), revision: "C" }, quantity: { value: "1", unit: "KGM" }, materialUse: "Produced", occurredAt: "2026-03-03T10:00:00Z" }, { subject: "1000123" });
    expectPaths(validate("material-produced", produced, { context: materials }), "material/approved", ["/data/material"]);
  });
});

describe("plant/known", () => {
  const plants = createInMemoryContext({ plants: ["1010"] });

  it("passes known plants and skips without a plant directory", () => {
    expectNone(validate("production-order", order(), { context: plants }), "plant/known");
    expectNone(validate("production-order", order({ plant: "9999" })), "plant/known");
  });

  it("reports unknown plants in objects and events", () => {
    const o = order({ plant: "1020", components: [{ ...order().components[0]!, plant: "1030" }] });
    expectPaths(validate("production-order", o, { context: plants }), "plant/known", ["/plant", "/components/0/plant"]);
    expectPaths(validate("lot-disposition-changed", dispositionChanged({ plant: "2000" }), { context: plants }), "plant/known", ["/data/plant"]);
    expectPaths(validate("material", material({ plants: [{ plant: "1010" }, { plant: "DE01" }] }), { context: plants }), "plant/known", ["/plants/1/plant"]);
    expectPaths(validate("lot", lot({ plant: "1010" }), { context: createInMemoryContext({ plants: [] }) }), "plant/known", ["/plant"]);
  });
});
