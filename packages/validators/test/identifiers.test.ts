import { describe, expect, it } from "vitest";
import { createProfile, validate } from "@mfgsync/validators";
import { expectNone, expectPaths, id, lot, material, order } from "./fixtures.js";

describe("identifier/gtin-check-digit", () => {
  it("passes valid GTIN-8, -12, -13 and -14 on materials and in gs1.gtin identifiers", () => {
    for (const gtin of ["96385074", "036000291452", "4006381333931", "10614141000415"]) expectNone(validate("material", material({ gtin })), "identifier/gtin-check-digit");
    expectNone(validate("material", material({ crossReferences: [id("04006381333931", "gs1.gtin")] })), "identifier/gtin-check-digit");
  });

  it("reports a wrong check digit and a malformed GTIN identifier", () => {
    expect(expectPaths(validate("material", material({ gtin: "4006381333932" })), "identifier/gtin-check-digit", ["/gtin"])[0]?.message).toBe("GTIN 4006381333932 has a wrong check digit");
    expectPaths(validate("lot", lot({ crossReferences: [id("4006381333-93", "gs1.gtin"), id("4006381333930", "gs1.gtin")] })), "identifier/gtin-check-digit", ["/crossReferences/0/value", "/crossReferences/1/value"]);
  });
});

describe("identifier/cross-reference-scheme", () => {
  it("passes cross-references to other systems, one per system", () => {
    expectNone(validate("production-order", order({ crossReferences: [id("WO-1", "mes"), { value: "NC-1", scheme: "qms", issuer: "eu" }, { value: "NC-7", scheme: "qms", issuer: "us" }] })), "identifier/cross-reference-scheme");
  });

  it("reports a cross-reference in the object's own system and two values for one system", () => {
    const o = order({ crossReferences: [id("1000123-B"), id("WO-1", "mes"), id("WO-2", "mes")] });
    expectPaths(validate("production-order", o), "identifier/cross-reference-scheme", ["/crossReferences/0", "/crossReferences/2"]);
  });

  it("reports schemes outside the profile's list", () => {
    const profile = createProfile({ options: { identifier: { schemes: ["sap-s4hana", "mes"] } } });
    expectNone(validate("production-order", order({ crossReferences: [id("WO-1", "mes")] }), { profile }), "identifier/cross-reference-scheme");
    const typo = order({ crossReferences: [id("WO-1", "mess")] });
    expectPaths(validate("production-order", typo, { profile }), "identifier/cross-reference-scheme", ["/crossReferences/0/scheme"]);
  });
});
