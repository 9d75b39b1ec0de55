/**
 * Reads one resource or child node of the field catalog, in any of the forms
 * it uses, into a uniform {@link NodeSpec}. No catalog facts are decided here
 * (types, enums, inference): that is `derive.ts`.
 */
import type { OracleJsonType } from "./model.js";
import { CHILD_NAMES } from "./supplements.js";
import { type FieldSpec, parseAccessText, parseChildDescriptor, parseFieldSpec, parseType, splitTopLevel } from "./parse.js";

/** An attribute written as `{ "type": …, "ev": …, "note": …, "values": […] }`. */
export interface TypedField {
  name: string;
  type: OracleJsonType;
  maxLength: number | null;
  oracleType: string;
  evidence?: string;
  note?: string;
  values?: readonly (string | number)[];
}

export interface NodeSpec {
  key?: string;
  typedFields: TypedField[];
  /** Entries of the name lists (`fields`, `fields_seen`, `post`, `more`, `patch`, `patchable`, …), in that order. */
  listFields: FieldSpec[];
  postRequired: string[];
  postBody: string[];
  patchable: string[];
  note?: string;
  evidence?: string;
  access?: string;
  enclosures: string[];
  /** `<Attribute>_values` lists. */
  codeLists: { name: string; values: readonly (string | number)[] }[];
  docNotes: string[];
  children: ChildSpec[];
}

export interface ChildSpec {
  name: string;
  spec: NodeSpec;
  inferredNote?: string;
}

function emptySpec(): NodeSpec {
  return { typedFields: [], listFields: [], postRequired: [], postBody: [], patchable: [], enclosures: [], codeLists: [], docNotes: [], children: [] };
}

function strings(v: unknown, where: string): string[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) throw new Error(`${where}: expected a list of strings`);
  return v;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function typedField(name: string, v: unknown, where: string): TypedField {
  if (!isRecord(v) || typeof v["type"] !== "string") throw new Error(`${where}.${name}: expected { type, ev }`);
  for (const k of Object.keys(v)) if (!["type", "ev", "note", "values"].includes(k)) throw new Error(`${where}.${name}: unknown key ${k}`);
  const { type, maxLength } = parseType(v["type"], `${where}.${name}`);
  const f: TypedField = { name, type, maxLength, oracleType: v["type"] };
  if (typeof v["ev"] === "string") f.evidence = v["ev"];
  if (typeof v["note"] === "string") f.note = v["note"];
  if (v["values"] !== undefined) {
    const values = v["values"];
    if (!Array.isArray(values) || !values.every((x) => typeof x === "string" || typeof x === "number")) throw new Error(`${where}.${name}: bad values`);
    f.values = values;
  }
  return f;
}

const LIST_KEYS = ["fields", "fields_seen", "post_required", "post", "more", "patch", "patchable"] as const;

/** Reads a resource or child written as an object. */
export function readObjectNode(path: string, node: Record<string, unknown>): NodeSpec {
  const spec = emptySpec();
  for (const [k, v] of Object.entries(node)) {
    if (k === "key") {
      if (typeof v !== "string") throw new Error(`${path}: key must be a string`);
      spec.key = v;
    } else if (k === "fields" && isRecord(v)) {
      for (const [name, f] of Object.entries(v)) spec.typedFields.push(typedField(name, f, path));
    } else if ((LIST_KEYS as readonly string[]).includes(k)) {
      const names = strings(v, `${path}.${k}`);
      const parsed = names.map((e) => parseFieldSpec(e, `${path}.${k}`));
      spec.listFields.push(...parsed);
      if (k === "post_required") spec.postRequired.push(...parsed.map((f) => f.name));
      if (k === "post") spec.postBody.push(...parsed.map((f) => f.name));
      if (k === "patch" || k === "patchable") spec.patchable.push(...parsed.map((f) => f.name));
    } else if (k === "note" || k === "ev") {
      if (typeof v !== "string") throw new Error(`${path}.${k}: expected a string`);
      if (k === "note") spec.note = v;
      else spec.evidence = v;
    } else if (k === "enclosures") {
      spec.enclosures.push(...strings(v, `${path}.enclosures`));
    } else if (/^[A-Z]\w*_values$/.test(k)) {
      const values = v;
      if (!Array.isArray(values) || !values.every((x) => typeof x === "string" || typeof x === "number")) throw new Error(`${path}.${k}: bad values`);
      spec.codeLists.push({ name: k.slice(0, -"_values".length), values });
    } else if (k === "status_values") {
      // Lower-case: the field catalog names no attribute for these values.
      spec.docNotes.push(`status values ${strings(v, `${path}.${k}`).join(", ")} (the field catalog does not name the attribute)`);
    } else if (k === "children") {
      spec.children.push(...readChildren(path, v));
    } else {
      throw new Error(`${path}: unknown key ${k}`);
    }
  }
  if (spec.note !== undefined) {
    if (/\bGET only\b/.test(spec.note)) spec.access = "GET only";
    else if (/\bread-only\b/.test(spec.note)) spec.access = "read-only";
    const keyed = /\b(\w+)-keyed\b/.exec(spec.note);
    if (keyed && spec.key === undefined) spec.key = keyed[1] as string;
    spec.children.push(...childrenInNote(path, spec.note));
  }
  return spec;
}

/** `…; children a (x, y), b (z int + w)`: children a note names with their attributes. */
function childrenInNote(path: string, note: string): ChildSpec[] {
  const m = /(?:^|;\s*)children (.+)$/.exec(note);
  if (!m) return [];
  const descriptors = splitTopLevel(m[1] as string, /^,\s*/).map((d) => parseChildDescriptor(d, path));
  // A note in another form (e.g. `a/B/C` abbreviations) stays a note: its names cannot be read safely.
  if (descriptors.some((d) => d === undefined)) return [];
  return descriptors.map((d) => {
    const spec = emptySpec();
    spec.listFields.push(...(d?.fields ?? []));
    return { name: d?.name ?? "", spec };
  });
}

function readChildren(path: string, v: unknown): ChildSpec[] {
  if (Array.isArray(v)) {
    return strings(v, `${path}.children`).map((entry) => {
      const renamed = CHILD_NAMES[`${path}/${entry}`];
      if (renamed) return { name: renamed.name, spec: emptySpec(), inferredNote: renamed.inferredNote };
      const d = parseChildDescriptor(entry, path);
      if (!d) throw new Error(`${path}: cannot read child ${JSON.stringify(entry)} (add its wire name to CHILD_NAMES)`);
      const spec = emptySpec();
      spec.listFields.push(...d.fields);
      if (d.postBody) spec.postBody.push(...d.postBody);
      return { name: d.name, spec };
    });
  }
  if (!isRecord(v)) throw new Error(`${path}.children: expected a list or an object`);
  const read = Object.entries(v).map(([name, child]): ChildSpec => {
    const childPath = `${path}/${name}`;
    if (typeof child === "string") {
      const a = parseAccessText(child, childPath);
      const spec = emptySpec();
      if (a.access !== undefined) spec.access = a.access;
      if (a.note !== undefined) spec.note = a.note;
      for (const c of a.children) spec.children.push({ name: c, spec: emptySpec() });
      return { name, spec };
    }
    if (Array.isArray(child)) {
      const spec = emptySpec();
      spec.listFields.push(...strings(child, childPath).map((e) => parseFieldSpec(e, childPath)));
      return { name, spec };
    }
    if (!isRecord(child)) throw new Error(`${childPath}: unexpected ${typeof child}`);
    return { name, spec: readObjectNode(childPath, child) };
  });
  // The field catalog writes grandchildren flat, as `"WorkOrderOperation/WorkOrderOperationMaterial"`.
  const top: ChildSpec[] = [];
  for (const c of read) {
    const parts = c.name.split("/");
    if (parts.length === 1) {
      top.push(c);
      continue;
    }
    let siblings = top;
    for (const part of parts.slice(0, -1)) {
      const parent = siblings.find((s) => s.name === part);
      if (!parent) throw new Error(`${path}: ${c.name} comes before its parent ${part}`);
      siblings = parent.spec.children;
    }
    siblings.push({ ...c, name: parts[parts.length - 1] as string });
  }
  return top;
}
