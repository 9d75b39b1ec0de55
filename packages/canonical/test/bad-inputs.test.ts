import { describe, expect, it } from "vitest";
import type { Issue, ObjectName, Result } from "@mfgsync/canonical";
import {
  CanonicalValidationError, ISSUE_CODES, MAX_INPUT_DEPTH, OBJECT_NAMES, parseInspection, parseLot, parseMaterial, parseNonconformance,
  parseProductionOrder, safeParseInspection, safeParseLot, safeParseMaterial, safeParseNonconformance, safeParseObject, safeParseProductionOrder,
} from "@mfgsync/canonical";
import { type Loose, exampleCopy, jsonSchemaValidator } from "./support.js";

const C = ISSUE_CODES;
const DELETE = Symbol("delete");
const PLACEHOLDER = "__mfgsync_test_placeholder__";

const PARSERS: { [N in ObjectName]: { safe: (input: unknown) => Result<unknown>; parse: (input: unknown) => unknown } } = {
  material: { safe: safeParseMaterial, parse: parseMaterial },
  "production-order": { safe: safeParseProductionOrder, parse: parseProductionOrder },
  lot: { safe: safeParseLot, parse: parseLot },
  inspection: { safe: safeParseInspection, parse: parseInspection },
  nonconformance: { safe: safeParseNonconformance, parse: parseNonconformance },
};

/**
 * One bad input: the example with `value` written at `path` (or the key deleted),
 * which must be reported as exactly one issue at `path` (or `expectAt`) with `code`.
 * `ownKey` writes the last path segment through JSON.parse, so that `__proto__` becomes an own key.
 * `zodOnly` marks checks the JSON Schema cannot express (the parsers' hazard scan).
 */
interface Row { readonly path: string; readonly expectAt?: string; readonly code: string; readonly value: unknown; readonly ownKey?: boolean; readonly zodOnly?: boolean; readonly why?: string }

function segments(pointer: string): string[] {
  return pointer.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function breakExample(name: ObjectName, row: Row): unknown {
  const copy = exampleCopy(name);
  const keys = segments(row.path);
  const last = keys.pop()!;
  let target: Loose = copy;
  for (const key of keys) target = target[key];
  if (row.value === DELETE) {
    delete target[last];
    return copy;
  }
  if (!row.ownKey) {
    target[last] = row.value;
    return copy;
  }
  target[PLACEHOLDER] = row.value;
  return JSON.parse(JSON.stringify(copy).replace(`"${PLACEHOLDER}"`, JSON.stringify(last)));
}

const unit = (path: string): Row[] => [
  { path, code: C.unknownUnit, value: "PCE", why: "vendor spelling of piece" },
  { path, code: C.unknownUnit, value: "KG", why: "deleted Rec 20 code (keg)" },
  { path, code: C.unknownUnit, value: "ST", why: "SAP internal unit" },
  { path, code: C.unknownUnit, value: "PC" },
  { path, code: C.unknownUnit, value: "kgm", why: "codes are case-sensitive" },
  { path, code: C.unknownUnit, value: 1, why: "a number is no unit code either" },
];
const quantityValue = (path: string): Row[] => [
  { path, code: C.decimalFormat, value: "-1", why: "quantities are never negative" },
  { path, code: C.decimalScale, value: "0.30000000000000004", why: "floating-point artefact" },
  { path, code: C.invalidType, value: 0.3, why: "numbers are refused: decimals are strings" },
  { path, code: C.decimalFormat, value: "12,5", why: "comma decimal mark" },
  { path, code: C.decimalFormat, value: "1e3" },
  { path, code: C.decimalFormat, value: "01.5" },
  { path, code: C.decimalFormat, value: "" },
  { path, code: C.decimalFormat, value: " 12.5" },
];
const timestamp = (path: string): Row[] => [
  { path, code: C.invalidFormat, value: "2026-03-02T06:30:00", why: "no offset" },
  { path, code: C.invalidFormat, value: "2026-02-30T06:30:00Z", why: "no such day" },
  { path, code: C.invalidFormat, value: "2026-03-02" },
  { path, code: C.invalidFormat, value: "/Date(1492098664000)/", why: "SAP OData V2 wire format" },
  { path, code: C.invalidType, value: 1772433000000 },
];
const dateOrTimestamp = (path: string): Row[] => [
  { path, code: C.invalidUnion, value: "2026-02-30" },
  { path, code: C.invalidUnion, value: "2026-03-02T06:30:00", why: "no offset" },
  { path, code: C.invalidUnion, value: "20260303132000", why: "ABAP timestamp" },
];

const COMMON: Row[] = [
  { path: "/schemaVersion", code: C.unsupportedVersion, value: "2.0" },
  { path: "/schemaVersion", code: C.required, value: DELETE },
  { path: "/kind", code: C.invalidValue, value: "widget" },
  { path: "/id", code: C.invalidType, value: "1000123" },
  { path: "/id", code: C.required, value: DELETE },
  { path: "/id/scheme", code: C.invalidFormat, value: "SAP S/4HANA" },
  { path: "/id/value", code: C.tooSmall, value: "" },
  { path: "/id/schemeAgencyID", code: C.unknownField, value: "SAP" },
  { path: "/Plant", code: C.unknownField, value: "1010" },
  { path: "/__proto__", code: C.unknownField, value: { polluted: true }, ownKey: true },
  { path: "/crossReferences", code: C.invalidType, value: {} },
  { path: "/crossReferences/0/scheme", code: C.required, value: DELETE },
  ...timestamp("/lastChangedAt"),
  { path: "/extensions", code: C.invalidType, value: [] },
  { path: "/extensions/sap", code: C.invalidType, value: "x" },
  { path: "/extensions/SAP", code: C.invalidKey, value: {} },
  { path: "/extensions/sap/1st", code: C.invalidKey, value: 1 },
  { path: "/extensions/sap/__proto__", code: C.unknownField, value: { polluted: true }, ownKey: true },
  { path: "/extensions/__proto__", code: C.unknownField, value: { polluted: true }, ownKey: true },
  { path: "/extensions/sap/Note", expectAt: "/extensions/sap/Note/constructor", code: C.unknownField, value: { constructor: { prototype: 1 } }, why: "refused anywhere, even in vendor JSON" },
  { path: "/extensions/sap/Note", expectAt: "/extensions/sap/Note/__proto__", code: C.unknownField, value: JSON.parse('{"__proto__":{"polluted":true}}'), why: "an own __proto__ key inside vendor JSON" },
  { path: "/extensions/sap/Note", expectAt: "/extensions/sap/Note/0/prototype", code: C.unknownField, value: [{ prototype: 1 }] },
  { path: "/extensions/constructor", code: C.unknownField, value: {}, why: "a namespace named constructor" },
  { path: "/extensions/prototype", code: C.unknownField, value: { A: 1 } },
  { path: `/extensions/${"a".repeat(65)}`, code: C.invalidKey, value: {}, why: "namespaces have at most 64 characters" },
  { path: "/extensions/sap/Note", code: C.required, value: undefined, zodOnly: true, why: "undefined is no JSON value" },
  { path: "/extensions/sap/Note", code: C.invalidUnion, value: Number.NaN, zodOnly: true, why: "NaN is no JSON value" },
];

const SPECIFIC: { [N in ObjectName]: Row[] } = {
  material: [
    ...unit("/baseUnit"),
    ...unit("/grossWeight/unit"),
    ...unit("/alternativeUnits/0/unit"),
    { path: "/alternativeUnits/0/unit", code: C.unknownUnit, value: "XBX", why: "Rec 21 package code, not a Rec 20 unit" },
    ...quantityValue("/grossWeight/value"),
    { path: "/alternativeUnits/1/numerator", code: C.invalidType, value: 20 },
    { path: "/gtin", code: C.invalidFormat, value: "40123450000" },
    { path: "/descriptions/1/language", code: C.invalidFormat, value: "German" },
    { path: "/shelfLifeDays", code: C.tooSmall, value: -1 },
    { path: "/shelfLifeDays", code: C.invalidType, value: 1.5 },
    { path: "/shelfLifeDays", code: C.invalidType, value: "1825" },
    { path: "/lotControlled", code: C.invalidType, value: "X", why: "SAP flag left unmapped" },
    { path: "/type/value", code: C.invalidValue, value: "FERT" },
    { path: "/lifecycleStatus", code: C.invalidType, value: "Approved" },
    { path: "/lifecycleStatus", code: C.required, value: DELETE },
    { path: "/plants/0/plant", code: C.tooSmall, value: "" },
    { path: "/plants/0/status/extra", code: C.unknownField, value: 1 },
    { path: "/baseUnit", code: C.required, value: DELETE },
  ],
  "production-order": [
    ...unit("/plannedQuantity/unit"),
    ...unit("/components/2/requiredQuantity/unit"),
    ...unit("/operations/0/confirmedYield/unit"),
    ...quantityValue("/plannedQuantity/value"),
    ...quantityValue("/confirmedScrap/value"),
    ...dateOrTimestamp("/plannedStart"),
    ...dateOrTimestamp("/operations/1/actualEnd"),
    { path: "/operations/1/sequence", code: C.invalidFormat, value: "0020a" },
    { path: "/operations/2/state/value", code: C.invalidValue, value: "REL" },
    { path: "/operations/0/foo", code: C.unknownField, value: 1 },
    { path: "/operations", code: C.invalidType, value: {} },
    { path: "/components/0/materialUse/value", code: C.invalidValue, value: "consumed" },
    { path: "/components/1/lot/scheme", code: C.invalidFormat, value: "SAP" },
    { path: "/priority", code: C.invalidType, value: "3" },
    { path: "/priority", code: C.tooBig, value: 1000 },
    { path: "/plant", code: C.required, value: DELETE },
  ],
  lot: [
    ...unit("/quantity/unit"),
    ...unit("/parents/1/quantity/unit"),
    ...quantityValue("/quantity/value"),
    ...dateOrTimestamp("/manufacturedAt"),
    ...dateOrTimestamp("/expiresOn"),
    { path: "/retestOn", code: C.invalidFormat, value: "2026-02-30" },
    { path: "/retestOn", code: C.invalidFormat, value: "2027-02-29", why: "2027 is not a leap year" },
    { path: "/retestOn", code: C.invalidFormat, value: "2026-03-02T00:00:00Z" },
    { path: "/disposition/value", code: C.invalidValue, value: "Unrestricted", why: "B2MML spells it UnRestricted" },
    { path: "/disposition", code: C.invalidType, value: "UnRestricted" },
    { path: "/disposition", code: C.required, value: DELETE },
    { path: "/parents/0/relationship", code: C.invalidValue, value: "permanent" },
    { path: "/countryOfOrigin", code: C.invalidFormat, value: "DEU" },
    { path: "/serialNumbers", code: C.invalidType, value: "SN-1" },
  ],
  inspection: [
    ...unit("/characteristics/0/unit"),
    ...unit("/results/0/measured/unit"),
    ...unit("/sampleSize/unit"),
    ...quantityValue("/inspectedQuantity/value"),
    { path: "/characteristics/0/lowerLimit", code: C.decimalScale, value: "12.0000000000001" },
    { path: "/characteristics/0/target", code: C.invalidType, value: 12.009 },
    { path: "/characteristics/1/kind", code: C.invalidValue, value: "quantitative" },
    { path: "/results/0/measured/value", code: C.decimalFormat, value: "12,011" },
    { path: "/results/0/measured/value", code: C.decimalFormat, value: "1.0000000000000000E+01", why: "SAP Edm.Double wire format" },
    { path: "/results/2/defectiveCount", code: C.tooSmall, value: -1 },
    { path: "/results/2/defectiveCount", code: C.invalidType, value: 1.5 },
    { path: "/results", code: C.invalidType, value: "none" },
    { path: "/subject/operation", code: C.invalidType, value: 10 },
    ...timestamp("/decision/decidedAt"),
    ...timestamp("/createdAt"),
    { path: "/decision/resultingDisposition", code: C.invalidValue, value: "Released" },
  ],
  nonconformance: [
    ...unit("/affected/0/quantity/unit"),
    ...quantityValue("/defects/0/quantity/value"),
    ...quantityValue("/affected/0/quantity/value"),
    ...timestamp("/openedAt"),
    ...timestamp("/closedAt"),
    { path: "/openedAt", code: C.required, value: DELETE },
    { path: "/description", code: C.tooSmall, value: "" },
    { path: "/containmentActions/0/status", code: C.invalidValue, value: "Completed" },
    { path: "/severity/value", code: C.invalidValue, value: "Low" },
    { path: "/disposition/value", code: C.invalidValue, value: "RTV" },
    { path: "/rootCause/description", code: C.required, value: DELETE },
    { path: "/capaReferences/0", code: C.invalidType, value: "CAPA-2026-0017" },
  ],
};

/** Whether one of ajv's errors is located at `path` (directly, or as the missing/extra/bad-named key of its parent). */
function ajvPointsAt(errors: readonly { instancePath: string; params: Record<string, unknown> }[], path: string): boolean {
  return errors.some((e) => {
    if (e.instancePath === path) return true;
    const key = e.params["additionalProperty"] ?? e.params["missingProperty"] ?? e.params["propertyName"];
    return typeof key === "string" && `${e.instancePath}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}` === path;
  });
}

function expectRejected(name: ObjectName, input: unknown): readonly [Issue, ...Issue[]] {
  const { safe, parse } = PARSERS[name];
  let result: Result<unknown> | undefined;
  expect(() => { result = safe(input); }).not.toThrow();
  if (!result || result.ok) throw new Error(`expected ${name} to be rejected`);
  for (const issue of result.issues) {
    expect(typeof issue.message === "string" && issue.message.length > 0).toBe(true);
    expect(Object.values(C)).toContain(issue.code);
  }
  // The throwing parser reports the very same issues, and so does the by-name parser.
  let thrown: unknown;
  try { parse(input); } catch (error) { thrown = error; }
  expect(thrown).toBeInstanceOf(CanonicalValidationError);
  expect((thrown as CanonicalValidationError).issues).toEqual(result.issues);
  expect((thrown as CanonicalValidationError).message).toContain(result.issues[0].path || "/");
  const byName = safeParseObject(name, input);
  expect(byName.ok ? [] : byName.issues).toEqual(result.issues);
  return result.issues;
}

describe.each(OBJECT_NAMES)("bad %s inputs", (name: ObjectName) => {
  const rows = [...COMMON, ...SPECIFIC[name]];

  it.each(rows.map((row) => [`${row.path} = ${row.value === DELETE ? "(missing)" : JSON.stringify(row.value)} → ${row.code}`, row] as const))("%s", (_label, row) => {
    const input = breakExample(name, row);
    const issues = expectRejected(name, input);
    expect(issues).toEqual([{ path: row.expectAt ?? row.path, code: row.code, message: expect.any(String) }]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    const validate = jsonSchemaValidator(name);
    if (row.zodOnly) return;
    expect(validate(input)).toBe(false);
    expect(ajvPointsAt(validate.errors ?? [], row.expectAt ?? row.path)).toBe(true);
  });

  it.each([
    ["null", null], ["a string", "material"], ["an array", []], ["a number", 42], ["a boolean", true],
  ] as const)("refuses %s at the root", (_label, input) => {
    expect(expectRejected(name, input)).toEqual([{ path: "", code: C.invalidType, message: expect.any(String) }]);
  });

  it("reports undefined as missing and an empty object field by field", () => {
    expect(expectRejected(name, undefined)).toEqual([{ path: "", code: C.required, message: expect.any(String) }]);
    const issues = expectRejected(name, {});
    expect(issues.length).toBeGreaterThan(2);
    expect(issues.every((i) => i.code === C.required)).toBe(true);
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(["/schemaVersion", "/kind", "/id"]));
  });

  it("reports every problem, not just the first", () => {
    const input = exampleCopy(name);
    input.id.scheme = "SAP";
    input.unexpected = true;
    input.lastChangedAt = "yesterday";
    expect(expectRejected(name, input).map((i) => i.path).sort()).toEqual(["/id/scheme", "/lastChangedAt", "/unexpected"]);
  });

  it("refuses 100000 nested arrays in extensions without overflowing the stack", () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const input = exampleCopy(name);
    input.extensions.sap.Deep = deep;
    const issues = expectRejected(name, input);
    for (const issue of issues) {
      expect(issue.code).toBe(C.inputTooDeep);
      expect(issue.path.startsWith("/extensions/sap/Deep/0/0/0")).toBe(true);
    }
  });

  it("refuses deeply nested objects anywhere, and accepts nesting up to the limit inside extensions", () => {
    let deep: Loose = { leaf: true };
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    const input = exampleCopy(name);
    input.id = deep;
    expect(expectRejected(name, input).every((i) => i.code === C.inputTooDeep && i.path.startsWith("/id/a/a"))).toBe(true);

    let nested: unknown = "bottom";
    for (let i = 0; i < MAX_INPUT_DEPTH - 3; i++) nested = [nested]; // /extensions/sap/Deep adds three levels
    const ok = exampleCopy(name);
    ok.extensions.sap.Deep = nested;
    expect(PARSERS[name].safe(ok).ok).toBe(true);
  });
});

it("accepts what the bad-input tables refuse in the right place: signed measured values, plain dates, 12 fraction digits", () => {
  const inspection = exampleCopy("inspection");
  inspection.results[0].measured.value = "-0.5";
  inspection.characteristics[0].lowerLimit = "11.999999999999";
  expect(safeParseInspection(inspection).ok).toBe(true);
  const lot = exampleCopy("lot");
  lot.retestOn = "2028-02-29";
  lot.manufacturedAt = "2026-03-03T13:25:00.123+05:45";
  lot.quantity.value = "0.000000000001";
  lot.extensions = { ...lot.extensions, [`acme.${"m".repeat(59)}`]: { Note: { nested: ["x", { constructorName: "ok" }] } } };
  expect(safeParseLot(lot).ok).toBe(true);
  expect(jsonSchemaValidator("lot")(lot)).toBe(true);
});

describe("issue messages quote huge values shortened and keep the whole path", () => {
  const huge = "9".repeat(10_000_000);
  it.each([
    ["a decimal", "/quantity/value", (lot: Loose) => { lot.quantity.value = `${huge},5`; }],
    ["a unit", "/quantity/unit", (lot: Loose) => { lot.quantity.unit = huge; }],
    ["a timestamp", "/lastChangedAt", (lot: Loose) => { lot.lastChangedAt = huge; }],
    ["a schema version", "/schemaVersion", (lot: Loose) => { lot.schemaVersion = huge; }],
    ["an unknown field name", `/x${huge}`, (lot: Loose) => { lot[`x${huge}`] = 1; }],
    ["a field name in extensions", `/extensions/sap/__proto__`, (lot: Loose) => { lot.extensions = JSON.parse(`{"sap":{"__proto__":"${huge}"}}`); }],
  ] as const)("%s", (_label, path, breakIt) => {
    const lot = exampleCopy("lot");
    breakIt(lot);
    const result = safeParseLot(lot);
    if (result.ok) throw new Error("expected the lot to be rejected");
    const issue = result.issues.find((i) => i.path === path);
    expect(issue, JSON.stringify(result.issues.map((i) => i.path.slice(0, 40)))).toBeDefined();
    expect(issue!.message.length).toBeLessThan(600);
    expect(result.issues.every((i) => i.message.length < 600)).toBe(true);
  });

  it("says how much of a long value it left out, and keeps surrogate pairs whole", () => {
    const lot = exampleCopy("lot");
    lot.quantity.unit = "😀".repeat(1000);
    const result = safeParseLot(lot);
    if (result.ok) throw new Error("expected the lot to be rejected");
    const message = result.issues[0].message;
    expect(message).toMatch(/characters left out/);
    expect(message).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/); // no lone surrogate
    expect(message).toContain("is not an active UN/ECE Rec 20 unit code");
  });
});
