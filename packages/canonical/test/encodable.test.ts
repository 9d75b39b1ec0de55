import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as canonical from "@mfgsync/canonical";
import { CLOUDEVENTS_ATTRIBUTE_NAME, CanonicalEvent, EventSchemas, ObjectSchemas, toJsonSchema } from "@mfgsync/canonical";
import type { EventName } from "@mfgsync/canonical";
import { jsonSchemaErrors, readExample } from "./support.js";

/**
 * Walks a zod schema tree and lists what would stop it from encoding back to
 * the input or from being fully expressed in JSON Schema: transforms and pipes
 * (one-way), overwrite checks (`trim()` and friends change the value) and
 * custom refinements (silently missing from the generated JSON Schema). The
 * one refinement allowed is the envelopes' attribute-name check, which the
 * JSON Schema states as `propertyNames` (checked below against ajv).
 */
function problems(root: z.ZodType): string[] {
  const found: string[] = [];
  const seen = new Set<unknown>();
  const visit = (schema: z.ZodType, where: string): void => {
    if (seen.has(schema)) return;
    seen.add(schema);
    const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
    if (def.type === "transform" || def.type === "pipe") found.push(`${where}: ${def.type}`);
    const statedInJsonSchema = (z.globalRegistry.get(schema) as { propertyNames?: unknown } | undefined)?.propertyNames !== undefined;
    for (const check of (def["checks"] as { _zod: { def: { check: string } } }[] | undefined) ?? []) {
      if (check._zod.def.check === "custom" && statedInJsonSchema) continue;
      if (check._zod.def.check === "overwrite" || check._zod.def.check === "custom") found.push(`${where}: ${check._zod.def.check} check`);
    }
    const child = (key: string, value: unknown) => { if (value && typeof value === "object" && "_zod" in value) visit(value as z.ZodType, `${where}/${key}`); };
    if (def.type === "object") for (const [key, value] of Object.entries(def["shape"] as Record<string, unknown>)) child(key, value);
    for (const key of ["element", "innerType", "keyType", "valueType", "in", "out", "left", "right", "rest", "catchall"]) child(key, def[key]);
    for (const key of ["options", "items"]) (def[key] as unknown[] | undefined)?.forEach((value, i) => child(`${key}[${i}]`, value));
    if (def.type === "lazy") child("lazy", (def["getter"] as () => unknown)());
  };
  visit(root, "");
  return found;
}

describe("schemas stay encodable", () => {
  it("the walker finds transforms, pipes, overwrites and refinements when they are there", () => {
    const bad = z.strictObject({
      a: z.string().transform((s) => s.length),
      b: z.array(z.string().trim()).optional(),
      c: z.union([z.number(), z.string().refine((s) => s !== "x")]),
      d: z.lazy(() => z.record(z.string(), z.string().pipe(z.string()))),
    });
    expect(problems(bad)).toEqual(expect.arrayContaining(["/a: pipe", "/a/out: transform", "/b/innerType/element: overwrite check", "/c/options[1]: custom check", "/d/lazy/valueType: pipe"]));
    expect(problems(z.strictObject({ ok: z.string().regex(/x/), n: z.int().min(0) }))).toEqual([]);
    // A refinement is excused only by a propertyNames statement on the same schema.
    expect(problems(z.strictObject({}).catchall(z.string()).superRefine(() => undefined).meta({ title: "no propertyNames" }))).toEqual([": custom check"]);
  });

  it.each(Object.entries(ObjectSchemas))("object %s has no transform, pipe, overwrite or refinement", (_name, schema) => {
    expect(problems(schema)).toEqual([]);
  });

  it.each(Object.entries(EventSchemas))("event %s has no transform, pipe, overwrite or refinement", (_name, schema) => {
    expect(problems(schema as z.ZodType)).toEqual([]);
  });

  it("neither has any other exported schema", () => {
    const exported = Object.entries(canonical).filter(([, value]) => value instanceof z.ZodType) as [string, z.ZodType][];
    expect(exported.length).toBeGreaterThan(40);
    const report = exported.flatMap(([name, schema]) => problems(schema).map((p) => `${name}${p}`));
    expect(report).toEqual([]);
    expect(problems(CanonicalEvent)).toEqual([]);
  });
});

describe("the envelope's attribute-name refinement is stated in the JSON Schema", () => {
  it.each(Object.keys(EventSchemas) as EventName[])("%s: propertyNames carries the pattern, and zod and ajv agree on good and bad names", (name) => {
    const schema = toJsonSchema(name) as unknown as { $defs: Record<string, { propertyNames?: { pattern?: string } }> };
    expect(schema.$defs[name]?.propertyNames?.pattern).toBe(CLOUDEVENTS_ATTRIBUTE_NAME.source);
    const example = readExample(name) as Record<string, unknown>;
    for (const [attribute, valid] of [["knativearrivaltime", true], ["Bad-Name", false], ["averyveryverylongname1", false], ["data_base64", false]] as const) {
      const event = { ...example, [attribute]: "x" };
      expect(EventSchemas[name].safeParse(event).success, attribute).toBe(valid);
      expect(jsonSchemaErrors(name, event).length === 0, attribute).toBe(valid);
    }
  });
});
