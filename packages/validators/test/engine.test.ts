import { describe, expect, it } from "vitest";
import { CanonicalValidationError, OBJECT_NAMES, SCHEMA_NAMES } from "@mfgsync/canonical";
import {
  BUILTIN_RULES, RULE_ID_PATTERN, SUBJECT_KINDS, createProfile, defineRule, formatReport, safeCreateProfile, validate, validateEvent, validateObject,
} from "@mfgsync/validators";
import { consumed, dispositionChanged, event, expectNone, expectPaths, inspection, lot, material, nonconformance, of, order } from "./fixtures.js";

describe("the built-in catalog", () => {
  it("has unique <area>/<name> ids, a severity, a description, a rationale and valid kinds for every rule", () => {
    const ids = BUILTIN_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of BUILTIN_RULES) {
      expect(rule.id, rule.id).toMatch(RULE_ID_PATTERN);
      expect(["error", "warning", "info"], rule.id).toContain(rule.defaultSeverity);
      expect(rule.description.length, rule.id).toBeGreaterThan(20);
      expect(rule.rationale.length, rule.id).toBeGreaterThan(rule.description.length);
      expect(rule.appliesTo.length, rule.id).toBeGreaterThan(0);
      for (const kind of rule.appliesTo) expect(SUBJECT_KINDS, `${rule.id} applies to ${kind}`).toContain(kind);
    }
  });

  it("runs the same rules in a profile, without the rationales (docs text that validate does not load)", () => {
    const profile = createProfile();
    expect(profile.rules.map((rule) => rule.id)).toEqual(BUILTIN_RULES.map((rule) => rule.id));
    for (const rule of profile.rules) expect(rule.rationale, rule.id).toBeUndefined();
  });

  it("knows every canonical object and event kind", () => {
    expect([...SUBJECT_KINDS]).toEqual([...SCHEMA_NAMES]);
    const covered = new Set(BUILTIN_RULES.filter((r) => r.id !== "schema/valid").flatMap((r) => r.appliesTo));
    for (const kind of SCHEMA_NAMES) expect(covered.has(kind), kind).toBe(true);
    const events = SCHEMA_NAMES.filter((name) => !(OBJECT_NAMES as readonly string[]).includes(name));
    expect(BUILTIN_RULES.find((r) => r.id === "event/duplicate")?.appliesTo).toEqual(events);
    expect(BUILTIN_RULES.find((r) => r.id === "plant/known")?.appliesTo).toEqual(SCHEMA_NAMES);
  });

  it("passes every base fixture with the default profile (the baseline the rule tests change)", () => {
    const subjects = [
      ["material", material()], ["production-order", order()], ["lot", lot()], ["inspection", inspection()], ["nonconformance", nonconformance()],
      ["material-consumed", consumed()], ["lot-disposition-changed", dispositionChanged()],
    ] as const;
    for (const [kind, value] of subjects) {
      const report = validate(kind, value);
      expect(report.findings, kind).toEqual([]);
      expect(report.ok).toBe(true);
    }
  });
});

describe("validate", () => {
  it("reports schema failures as schema/valid findings with the canonical code and the offending value", () => {
    const report = validate("lot", { ...lot(), quantity: { value: "12,5", unit: "PCE" } });
    expect(report.ok).toBe(false);
    expect(report.findings).toEqual(expect.arrayContaining([
      expect.objectContaining({ ruleId: "schema/valid", severity: "error", path: "/quantity/value", code: "decimal.format", value: "12,5" }),
      expect.objectContaining({ ruleId: "schema/valid", path: "/quantity/unit", code: "unit.unknown", value: "PCE" }),
    ]));
    expect(report.counts).toEqual({ error: report.findings.length, warning: 0, info: 0 });
  });

  it.each([null, undefined, 42, "lot", [], [lot()], { __proto__: { kind: "lot" } }, JSON.parse('{"__proto__": {"polluted": true}}')])(
    "gives findings and never throws for bad input %#",
    (input) => {
      const report = validate("lot", input);
      expect(report.ok).toBe(false);
      expect(report.findings.length).toBeGreaterThan(0);
      expect(report.findings.every((f) => f.ruleId === "schema/valid" && typeof f.path === "string")).toBe(true);
      expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    },
  );

  it("gives a finding for unknown kinds, including prototype keys", () => {
    for (const kind of ["widget", "constructor", "__proto__", "toString"]) {
      const report = validate(kind as "lot", lot());
      expect(report.ok).toBe(false);
      expect(report.findings[0]).toMatchObject({ ruleId: "schema/valid", path: "" });
    }
  });

  it("survives deeply nested input", () => {
    let deep: unknown = {};
    for (let i = 0; i < 10_000; i++) deep = { extensions: deep };
    const report = validate("material", deep);
    expect(report.ok).toBe(false);
  });

  it("runs the object rules on objects embedded in events, with paths into the event", () => {
    const bad = order({ operations: [order().operations[1]!, order().operations[0]!] });
    const released = event("production-order-released", { order: bad }, { subject: "1000123" });
    expectPaths(validate("production-order-released", released), "order/operation-sequence", ["/data/order/operations/1/sequence"]);
  });

  it("reports a finding only once when an event rule and an embedded-object rule see the same problem", () => {
    const closed = event("nonconformance-closed", { nonconformance: nonconformance({ status: { value: "Closed" } }) }, { subject: "NC-2026-0042" });
    expectPaths(validate("nonconformance-closed", closed), "nonconformance/closure-complete", ["/data/nonconformance/disposition", "/data/nonconformance/rootCause"]);
  });

  it("is ok exactly when no finding is an error", () => {
    const warningOnly = validate("lot", lot({ quantity: { value: "1.2345", unit: "KGM" } }));
    expect(warningOnly.findings.map((f) => f.severity)).toEqual(["warning"]);
    expect(warningOnly.ok).toBe(true);
    const escalated = validate("lot", lot({ quantity: { value: "1.2345", unit: "KGM" } }), { profile: createProfile({ rules: { "quantity/precision": "error" } }) });
    expect(escalated.ok).toBe(false);
  });

  it("validateObject and validateEvent take the kind from the input", () => {
    expect(validateObject(order({ operations: [] })).findings.map((f) => f.ruleId)).toEqual(["order/released-has-operations"]);
    expect(validateObject({ kind: "widget" }).findings[0]).toMatchObject({ ruleId: "schema/valid", path: "/kind", value: "widget" });
    expect(validateObject(null).ok).toBe(false);
    const held = dispositionChanged({ change: "Release" });
    expect(validateEvent(held).findings.map((f) => f.ruleId)).toContain("event/data-matches-type");
    expect(validateEvent({ type: "dev.mfgsync.unknown.v1" }).findings[0]).toMatchObject({ ruleId: "schema/valid", path: "/type" });
    expect(validateEvent("garbage").ok).toBe(false);
  });
});

describe("profiles", () => {
  const unordered = order({ operations: [order().operations[1]!, order().operations[0]!] });

  it("override severities and turn rules off", () => {
    expect(of(validate("production-order", unordered), "order/operation-sequence")[0]?.severity).toBe("error");
    const lenient = createProfile({ rules: { "order/operation-sequence": "warning" } });
    const report = validate("production-order", unordered, { profile: lenient });
    expect(of(report, "order/operation-sequence")[0]?.severity).toBe("warning");
    expect(report.ok).toBe(true);
    const off = createProfile({ rules: { "order/operation-sequence": "off" } });
    expectNone(validate("production-order", unordered, { profile: off }), "order/operation-sequence");
  });

  it("extend other profiles, later settings and options winning", () => {
    const base = createProfile({ rules: { "order/operation-sequence": "off" }, options: { quantity: { maxScale: 2, overDeliveryTolerancePercent: "5" } } });
    const child = createProfile({ extends: base, options: { quantity: { maxScale: 4 } } });
    expect(child.settings["order/operation-sequence"]).toBe("off");
    expect(child.options.quantity).toMatchObject({ maxScale: 4, overDeliveryTolerancePercent: "5", maxPrecision: 13 });
    const again = createProfile({ extends: [base], rules: { "order/operation-sequence": "info" } });
    expect(again.settings["order/operation-sequence"]).toBe("info");
  });

  it("refuse unknown rules, bad severities, bad options and changes to schema/valid (safe variant returns issues, createProfile throws)", () => {
    const result = safeCreateProfile(JSON.parse(`{
      "rules": { "order/no-such-rule": "error", "lot/expiry-after-manufacture": "fatal", "schema/valid": "off" },
      "options": { "quantity": { "maxScale": -1, "colour": 1 }, "material": { "revisionPattern": "(" }, "unit": { "allowed": ["PCE"] } },
      "plugins": []
    }`));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path).sort()).toEqual([
      "/options/material/revisionPattern", "/options/quantity/colour", "/options/quantity/maxScale", "/options/unit/allowed/0",
      "/plugins", "/rules/lot~1expiry-after-manufacture", "/rules/order~1no-such-rule", "/rules/schema~1valid",
    ]);
    expect(() => createProfile({ rules: { "order/no-such-rule": "error" } })).toThrow(CanonicalValidationError);
    expect(safeCreateProfile(null).ok).toBe(false);
    expect(safeCreateProfile({ extends: { rules: [] } }).ok).toBe(false);
  });

  it("never throw on values without a JSON form (bigints, cycles, objects without a prototype): issues at their paths", () => {
    const cycle: Record<string, unknown> = {};
    cycle["self"] = cycle;
    const bare = Object.create(null) as Record<string, unknown>;
    const configs: [unknown, string][] = [
      [{ rules: { "event/sequence": 10n ** 30n } }, "/rules/event~1sequence"],
      [{ rules: { "event/sequence": cycle } }, "/rules/event~1sequence"],
      [{ options: { unit: { allowed: [cycle, 5n] } } }, "/options/unit/allowed/0"],
      [{ options: { identifier: { schemes: [bare] } } }, "/options/identifier/schemes/0"],
      [{ custom: [{ id: "acme/x", check: () => [], defaultSeverity: "error", description: "d", rationale: "r", appliesTo: [cycle] }] }, "/custom/0/appliesTo/0"],
    ];
    for (const [config, path] of configs) {
      const result = safeCreateProfile(config);
      expect(!result.ok && result.issues.map((i) => i.path)[0], path).toBe(path);
    }
    const rejected = safeCreateProfile({ rules: { "event/sequence": 10n ** 30n } });
    expect(!rejected.ok && rejected.issues[0]?.message).toBe("1000000000000000000000000000000 is not error, warning, info or off");
  });

  it("turn a throwing getter in the config into an issue", () => {
    const hostile = { get rules(): never { throw new Error("no access"); } };
    const result = safeCreateProfile(hostile);
    expect(!result.ok && result.issues).toEqual([{ path: "", code: "value.invalid", message: "the profile could not be read: no access" }]);
  });
});

describe("custom rules", () => {
  const priority = defineRule({
    id: "acme/order-priority",
    defaultSeverity: "warning",
    description: "Production orders carry a priority.",
    rationale: "Acme's MES dispatches by priority; orders without one go last.",
    appliesTo: ["production-order"],
    check(subject, ctx, report) {
      const minimum = (ctx.options.custom["acme/order-priority"] as { minimum?: number } | undefined)?.minimum ?? 0;
      if (subject.priority === undefined) report({ path: ["priority"], message: "no priority" });
      else if (subject.priority < minimum) report({ path: "/priority", message: "priority too low" });
    },
  });

  it("run through the same public API as built-in rules, with options, overrides and off", () => {
    const profile = createProfile({ custom: [priority], options: { custom: { "acme/order-priority": { minimum: 5 } } } });
    expect(expectPaths(validate("production-order", order(), { profile }), "acme/order-priority", ["/priority"])[0]).toMatchObject({ severity: "warning", message: "no priority" });
    expect(of(validate("production-order", order({ priority: 3 }), { profile }), "acme/order-priority")[0]?.value).toBe(3);
    expectNone(validate("production-order", order({ priority: 7 }), { profile }), "acme/order-priority");
    expectNone(validate("production-order", order(), { profile: createProfile({ extends: profile, rules: { "acme/order-priority": "off" } }) }), "acme/order-priority");
    expectPaths(validate("production-order-released", event("production-order-released", { order: order() }, { subject: "1000123" }), { profile }), "acme/order-priority", ["/data/order/priority"]);
  });

  it("are refused with clashing or malformed ids and without a check function", () => {
    const clash = defineRule({ ...priority, id: "order/operation-sequence" });
    const result = safeCreateProfile({ custom: [clash, { ...priority, id: "Acme Priority" }, { id: "acme/x" }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toEqual(["/custom/0/id", "/custom/1/id", "/custom/2"]);
  });

  it("turn an exception into an error finding of the rule instead of throwing", () => {
    const crashing = defineRule({ ...priority, id: "acme/crash", check() { throw new Error("boom"); } });
    const report = validate("production-order", order(), { profile: createProfile({ custom: [crashing] }) });
    expect(report.ok).toBe(false);
    expect(of(report, "acme/crash")[0]).toMatchObject({ severity: "error", path: "", message: expect.stringContaining("boom") });
  });
});

describe("formatReport", () => {
  const report = validate("production-order", order({ operations: [order().operations[1]!, order().operations[0]!] }));

  it("renders aligned text with severity, rule, path, message, value and a summary", () => {
    const text = formatReport(report);
    expect(text).toMatch(/^error {2}order\/operation-sequence {2}\/operations\/1\/sequence {2}operation sequence 0010 comes after .*\(value: "0010"\)$/m);
    expect(text.trimEnd().split("\n").at(-1)).toBe("1 error, 0 warnings, 0 info");
    expect(formatReport(validate("lot", lot()))).toBe("no findings (0 errors, 0 warnings, 0 info)\n");
  });

  it("renders the report itself as JSON", () => {
    expect(JSON.parse(formatReport(report, "json"))).toEqual(report);
  });

  it("renders 300,000 findings without overflowing the call stack", () => {
    const finding = report.findings[0]!;
    const many = { ...report, findings: Array.from({ length: 300_000 }, (_, i) => ({ ...finding, path: `/${i}${finding.path}` })), counts: { error: 300_000, warning: 0, info: 0 } };
    const lines = formatReport(many).trimEnd().split("\n");
    expect(lines).toHaveLength(300_001);
    expect(lines[299_999]).toContain("/299999/operations/1/sequence");
  });
});
