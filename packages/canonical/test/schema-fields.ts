// Field paths of the published JSON Schemas, for the compatibility and
// example-coverage tests (not a test file itself).
//
// A field is named two ways:
// - its full path from the schema root (`lot-created/data/lot/holds/*/reason`),
//   which says whether a field existed in an earlier release;
// - its owner key: the named definition it belongs to plus the path inside it
//   (`LotHold/reason`), which says where an example shows it. Envelope fields
//   of every event share the owner `envelope`, the parts of every coded value
//   (`value`, `otherValue`, `originalCode`, `originalList`) the owner
//   `codedValue`.

type Json = Record<string, unknown>;
const CODED = ["value", "otherValue", "originalCode", "originalList"].join();
/** A coded value's parts have one owner, wherever the coded value is. */
const isCoded = (node: Json) => Object.keys((node["properties"] as Json | undefined) ?? {}).join() === CODED;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

export interface SchemaField {
  /** `<schema name>/<path>` with `*` for array items. */
  readonly path: string;
  /** `<definition>/<path inside it>`. */
  readonly owner: string;
  /** Whether the field is required where it appears. */
  readonly required: boolean;
}

function rootDefName(schema: Json): string | undefined {
  const ref = schema["$ref"];
  return typeof ref === "string" ? ref.split("/").pop() : undefined;
}

function ownerName(def: string, schemaName: string, isEvent: boolean): string {
  return isEvent && def === schemaName ? "envelope" : def;
}

/** Every field of a generated JSON Schema, fully expanded through `$ref`s. */
export function schemaFields(schema: Json, schemaName: string): SchemaField[] {
  const defs = (schema["$defs"] ?? {}) as Record<string, Json>;
  const isEvent = isObject(defs[schemaName]) && isObject((defs[schemaName]!["properties"] as Json | undefined)?.["specversion"]);
  const out: SchemaField[] = [];
  const visit = (node: unknown, full: string[], owner: string, rel: string[], stack: string[]): void => {
    if (!isObject(node)) return;
    const ref = node["$ref"];
    if (typeof ref === "string") {
      const name = ref.split("/").pop()!;
      if (stack.includes(name)) return;
      visit(defs[name], full, ownerName(name, schemaName, isEvent), [], [...stack, name]);
      return;
    }
    for (const key of ["anyOf", "oneOf", "allOf"]) for (const branch of (node[key] as unknown[] | undefined) ?? []) visit(branch, full, owner, rel, stack);
    const required = new Set((node["required"] as string[] | undefined) ?? []);
    const [o, r] = isCoded(node) ? ["codedValue", []] : [owner, rel];
    for (const [key, sub] of Object.entries((node["properties"] as Json | undefined) ?? {})) {
      out.push({ path: [schemaName, ...full, key].join("/"), owner: [o, ...r, key].join("/"), required: required.has(key) });
      visit(sub, [...full, key], o, [...r, key], stack);
    }
    if (node["items"] !== undefined) visit(node["items"], [...full, "*"], owner, [...rel, "*"], stack);
  };
  const root = rootDefName(schema);
  visit(root ? { $ref: `#/$defs/${root}` } : schema, [], schemaName, [], []);
  return out;
}

/** Owner keys of the fields an example actually has, walking the example along its schema. */
export function shownOwners(schema: Json, schemaName: string, example: unknown): Set<string> {
  const defs = (schema["$defs"] ?? {}) as Record<string, Json>;
  const isEvent = isObject(defs[schemaName]) && isObject((defs[schemaName]!["properties"] as Json | undefined)?.["specversion"]);
  const out = new Set<string>();
  const visit = (node: unknown, value: unknown, owner: string, rel: string[]): void => {
    if (!isObject(node)) return;
    const ref = node["$ref"];
    if (typeof ref === "string") {
      const name = ref.split("/").pop()!;
      visit(defs[name], value, ownerName(name, schemaName, isEvent), []);
      return;
    }
    for (const key of ["anyOf", "oneOf", "allOf"]) for (const branch of (node[key] as unknown[] | undefined) ?? []) visit(branch, value, owner, rel);
    if (isObject(value)) {
      const [o, r] = isCoded(node) ? ["codedValue", []] : [owner, rel];
      for (const [key, sub] of Object.entries((node["properties"] as Json | undefined) ?? {})) {
        if (!(key in value)) continue;
        out.add([o, ...r, key].join("/"));
        visit(sub, value[key], o, [...r, key]);
      }
    }
    if (Array.isArray(value) && node["items"] !== undefined) for (const item of value) visit(node["items"], item, owner, [...rel, "*"]);
  };
  const root = rootDefName(schema);
  visit(root ? { $ref: `#/$defs/${root}` } : schema, example, schemaName, []);
  return out;
}
