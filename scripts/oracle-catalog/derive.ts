/**
 * Decides the catalog facts: EDM types, lengths, code lists (closed or open),
 * keys, read-only attributes, evidence and every inference, from the nodes the
 * field catalog holds plus the few notes facts in `supplements.ts`.
 */
import { EDM_OF, type OracleEntity, type OracleJsonType, type OracleNavigation, type OracleProperty } from "./model.js";
import { type ChildSpec, type NodeSpec, readObjectNode } from "./nodes.js";
import { evidenceHas, isReadOnlyAccess, lengthInNote, parseFieldSpec, typeFromName, valuesInNote } from "./parse.js";
import { ACTUALS, ACTUALS_NOTE, CHILD_FIELDS, FIELD_TYPES, FLATTENED_VIEWS, KEY_TYPES, NOTES_CHILDREN, RESOURCE_TYPE_NAMES } from "./supplements.js";

/** A property while it is being built: the reasons become `inferred` + `inferredNote`. */
interface Draft extends Omit<OracleProperty, "inferred" | "inferredNote"> {
  reasons: string[];
}

interface DraftEntity extends Omit<OracleEntity, "properties" | "typeName" | "constName"> {
  properties: Draft[];
}

interface PropertyInput {
  name: string;
  type?: OracleJsonType;
  maxLength?: number | null;
  oracleType?: string;
  evidence?: string;
  note?: string;
  values?: readonly (string | number)[];
  knownValues?: readonly string[];
  nullable?: boolean;
  reasons?: readonly string[];
}

const PLACEHOLDER = /^<.*>$/;

/**
 * Closed or open. A list is closed (`enumMembers`, enforced) only when an
 * Oracle document gives it (evidence D, nothing inferred) and nothing marks it
 * incomplete (a `<user-defined codes>` placeholder, a note saying inferred,
 * user-defined or e.g.). Every other list is open (`knownValues`, docs only):
 * lookups and tenant codes accept values nobody listed.
 */
export function codeList(values: readonly (string | number)[], evidence: string | undefined, note: string | undefined): { enumMembers: string[] } | { knownValues: string[] } {
  const incomplete = values.some((v) => typeof v === "string" && PLACEHOLDER.test(v));
  const listed = values.filter((v) => !(typeof v === "string" && PLACEHOLDER.test(v))).map(String);
  const closed = !incomplete && evidenceHas(evidence, "D") && !evidenceHas(evidence, "I") && !/inferred|user-defined|e\.g\./i.test(note ?? "");
  return closed ? { enumMembers: listed } : { knownValues: listed };
}

function addProperty(e: DraftEntity, input: PropertyInput): Draft {
  const existing = e.properties.find((p) => p.name === input.name);
  if (existing) {
    // A later list may state the type an earlier one left out (e.g. `fields` vs `post`).
    if (existing.oracleType === "(not stated)" && input.type !== undefined) {
      existing.edmType = EDM_OF[input.type];
      existing.oracleType = input.oracleType ?? input.type;
      existing.reasons = existing.reasons.filter((r) => !r.startsWith("type inferred"));
    }
    // A code list given apart from the attribute list (`Disposition_values`).
    if (input.values !== undefined && existing.enumMembers === undefined && existing.knownValues === undefined) {
      Object.assign(existing, codeList(input.values, input.evidence ?? existing.evidence, input.note ?? existing.note));
    }
    return existing;
  }
  const reasons = [...(input.reasons ?? [])];
  const keyType = e.keys.includes(input.name) ? KEY_TYPES[input.name] : undefined;
  let type = input.type ?? keyType?.type;
  let oracleType = input.oracleType ?? type;
  const supplied = type === undefined ? FIELD_TYPES[`${e.path}/${input.name}`] : undefined;
  if (supplied !== undefined) {
    type = supplied.type;
    oracleType = supplied.type;
    reasons.push(supplied.inferredNote);
  }
  if (type === undefined) {
    const guess = typeFromName(input.name);
    type = guess.type;
    oracleType = "(not stated)";
    reasons.push(`type inferred: ${guess.rule}`);
  }
  const evidence = input.evidence ?? keyType?.evidence;
  if (evidenceHas(evidence, "I") && !(evidence === "I" && reasons.length > 0)) {
    const what = evidence === "I" ? "the field catalog infers the attribute" : "part of the fact is inferred";
    reasons.push(`evidence ${evidence}: ${what}${input.note ? ` (${input.note})` : ""}; verify with /describe`);
  }
  else if (input.note !== undefined && /inferred/i.test(input.note)) reasons.push(`field catalog: ${input.note}`);
  let maxLength = input.maxLength ?? null;
  const noteLength = lengthInNote(input.note);
  if (maxLength === null && type === "string" && noteLength !== null) {
    maxLength = noteLength;
    reasons.push(`length ${noteLength} read from the untagged note "${input.note}"`);
  }
  const d: Draft = { name: input.name, edmType: EDM_OF[type], maxLength, nullable: input.nullable ?? true, precision: null, scale: null, oracleType: oracleType ?? type, reasons };
  if (input.values !== undefined) Object.assign(d, codeList(input.values, evidence, input.note));
  const named = [...(input.knownValues ?? []), ...valuesInNote(input.note)];
  if (named.length > 0 && d.enumMembers === undefined) d.knownValues = [...new Set([...(d.knownValues ?? []), ...named])];
  if (evidence !== undefined) d.evidence = evidence;
  if (input.note !== undefined) d.note = input.note;
  e.properties.push(d);
  return d;
}

/** `WorkOrderId (int64) - plain id in path`, `itemsV2UniqID (hash of ItemId+OrganizationId)`, `IpEventId`. */
function readKey(key: string, where: string): { keys: string[]; type?: OracleJsonType; pathKey?: OracleEntity["pathKey"] } {
  const m = /^(\w+)(?:\s*\(([^)]*)\))?(?:\s*-\s*.*)?$/.exec(key);
  if (!m) throw new Error(`${where}: cannot read key ${JSON.stringify(key)}`);
  const name = m[1] as string;
  const inner = m[2];
  if (name.endsWith("UniqID")) {
    const parts = inner === undefined ? null : /^hash of (\w+(?:\+\w+)*)$/.exec(inner);
    const keys = parts ? (parts[1] as string).split("+") : [];
    const note = parts
      ? `opaque hash of ${keys.join(" + ")}; never build it: query with q= and take the item's self link`
      : "opaque hash key; never build it: query with q= and take the item's self link";
    return { keys, pathKey: { name, kind: "hash", note } };
  }
  if (inner !== undefined && inner !== "int64") throw new Error(`${where}: unknown key annotation ${inner}`);
  return inner === "int64" ? { keys: [name], type: "integer" } : { keys: [name] };
}

function build(path: string, resource: string, name: string, spec: NodeSpec, parent: DraftEntity | null, inheritedEvidence: string | undefined, out: DraftEntity[], derivedFrom: "catalog" | "notes", navInferredNote?: string): DraftEntity {
  const evidence = spec.evidence ?? inheritedEvidence;
  const e: DraftEntity = { path, resource, entitySet: name, parent: parent?.path ?? null, derivedFrom, notes: [], keys: [], properties: [], navigationProperties: [] };
  if (evidence !== undefined) e.evidence = evidence;
  if (spec.access !== undefined) e.access = spec.access;
  if (spec.note !== undefined) e.notes.push(spec.note);
  e.notes.push(...spec.docNotes);
  out.push(e);
  if (parent) {
    const nav: OracleNavigation = { name, multiplicity: "*", target: path };
    if (navInferredNote !== undefined) Object.assign(nav, { inferred: true, inferredNote: navInferredNote });
    parent.navigationProperties.push(nav);
  }

  const key = spec.key === undefined ? undefined : readKey(spec.key, path);
  if (key) {
    e.keys = key.keys;
    if (key.pathKey) e.pathKey = key.pathKey;
  }
  if (spec.postRequired.length > 0) e.postRequired = spec.postRequired;
  if (spec.postBody.length > 0) e.postBody = spec.postBody;
  if (spec.patchable.length > 0) e.patchable = spec.patchable;
  // Key attributes first, typed by the key text where the fields do not type them.
  for (const k of e.keys) {
    const typed = spec.typedFields.find((f) => f.name === k);
    const input: PropertyInput = typed ? { ...typed } : { name: k, evidence };
    if (!typed && key?.type !== undefined) input.type = key.type;
    addProperty(e, { ...input, nullable: false });
  }
  for (const f of spec.typedFields) addProperty(e, { ...f });
  for (const f of spec.listFields) {
    if (f.array) {
      const childSpec = readObjectNode(`${path}/${f.name}`, { note: "named as an array attribute (`[]`) in the field catalog; its attributes are not listed" });
      spec.children.push({ name: f.name, spec: childSpec });
      continue;
    }
    const input: PropertyInput = { name: f.name, evidence: f.evidence ?? evidence };
    if (f.type !== undefined) input.type = f.type;
    if (f.maxLength !== undefined) input.maxLength = f.maxLength;
    if (f.note !== undefined) input.note = f.note;
    if (f.knownValues !== undefined) input.knownValues = f.knownValues;
    if (f.type !== undefined) input.oracleType = f.maxLength !== undefined ? `string(${f.maxLength})` : f.type;
    addProperty(e, input);
  }
  for (const list of spec.codeLists) addProperty(e, { name: list.name, type: "string", values: list.values, evidence });
  for (const enc of spec.enclosures) {
    const m = /^(\w+)\s*\(LOB\)$/.exec(enc);
    if (!m) throw new Error(`${path}: cannot read enclosure ${enc}`);
    const p = addProperty(e, { name: m[1] as string, evidence });
    p.note = [p.note, "also an enclosure (LOB)"].filter(Boolean).join("; ");
    e.notes.push(`enclosure ${m[1]} (LOB)`);
  }
  const extra = CHILD_FIELDS[path];
  if (extra) {
    for (const f of extra.fields.map((x) => parseFieldSpec(x, path))) {
      const input: PropertyInput = { name: f.name, evidence: extra.evidence };
      if (f.type !== undefined) Object.assign(input, { type: f.type, oracleType: f.type });
      if (f.knownValues !== undefined) input.knownValues = f.knownValues;
      if (extra.inferredNote !== undefined) input.reasons = [extra.inferredNote];
      addProperty(e, input);
    }
    e.notes.push(extra.note);
  }

  for (const c of spec.children) buildChild(e, c, evidence, out);
  for (const c of NOTES_CHILDREN.filter((x) => x.parent === path)) {
    const s: NodeSpec = readObjectNode(`${path}/${c.name}`, { note: c.note });
    if (c.access !== undefined) s.access = c.access;
    build(`${path}/${c.name}`, resource, c.name, s, e, undefined, out, "notes");
  }
  return e;
}

function buildChild(parent: DraftEntity, c: ChildSpec, evidence: string | undefined, out: DraftEntity[]): void {
  build(`${parent.path}/${c.name}`, parent.resource, c.name, c.spec, parent, evidence, out, "catalog", c.inferredNote);
}

/** Read-only facts: documented read-only children, surrogate ids, transaction-maintained actuals. */
function applyReadOnly(e: DraftEntity): void {
  if (isReadOnlyAccess(e.access)) for (const p of e.properties) p.readOnly = true;
  const writable = new Set([...(e.postRequired ?? []), ...(e.postBody ?? []), ...(e.patchable ?? [])]);
  for (const k of e.keys) {
    const p = e.properties.find((x) => x.name === k);
    if (p && !p.readOnly && p.edmType === "Edm.Int64" && !writable.has(k)) {
      p.readOnly = true;
      p.reasons.push("read-only assumed: surrogate id assigned by Oracle (notes §1 Keys)");
    }
  }
  for (const name of ACTUALS[e.path] ?? []) {
    const p = e.properties.find((x) => x.name === name);
    if (p && !p.readOnly) {
      p.readOnly = true;
      p.reasons.push(ACTUALS_NOTE);
    }
  }
}

function applyFlattenedViews(all: DraftEntity[]): void {
  const byPath = new Map(all.map((e) => [e.path, e]));
  for (const v of FLATTENED_VIEWS) {
    const view = byPath.get(v.view);
    const source = byPath.get(v.source);
    if (!view) continue; // the field catalog no longer names the view: nothing to fill
    if (!source) throw new Error(`flattened view ${v.view}: its source ${v.source} is not catalogued`);
    if (view.properties.length > 0) throw new Error(`${v.view}: the field catalog now lists attributes; drop it from FLATTENED_VIEWS`);
    const operation = source.parent === null ? undefined : byPath.get(source.parent);
    view.keys = [...source.keys];
    for (const p of source.properties) {
      view.properties.push({ ...p, reasons: [...p.reasons, `copied from ${v.source} (flattened view)`] });
    }
    for (const name of v.operationAttributes) {
      const op = operation?.properties.find((p) => p.name === name);
      const input: PropertyInput = { name, evidence: "I", reasons: ["attribute assumed: a view across operations names each row's operation"] };
      if (op && op.oracleType !== "(not stated)") input.type = jsonTypeOf(op.edmType);
      addProperty(view, input);
    }
    view.notes.push(`attributes copied from ${v.source} (${v.cite}); verify with /describe`);
  }
}

function jsonTypeOf(edm: OracleProperty["edmType"]): OracleJsonType {
  const t = (Object.keys(EDM_OF) as OracleJsonType[]).find((k) => EDM_OF[k] === edm);
  if (t === undefined) throw new Error(`no JSON type for ${edm}`);
  return t;
}

/** PascalCase words, keeping acronyms and version suffixes whole (`ItemV2` -> Item, V2; `LotStandardDFF` -> Lot, Standard, DFF). */
export function words(s: string): string[] {
  return s.match(/[A-Z]+\d*(?=[A-Z][a-z]|$)|[A-Z][a-z]+\d*|[a-z]+\d*|\d+/g) ?? [];
}

/** `InspectionEvent` + `EventDisposition` -> `InspectionEventDisposition` (shared words merged). */
function joinNames(prefix: string, child: string): string {
  const a = words(prefix);
  const b = words(child.charAt(0).toUpperCase() + child.slice(1));
  for (let k = Math.min(a.length, b.length); k >= 1; k--) {
    if (a.slice(-k).join() === b.slice(0, k).join()) return [...a, ...b.slice(k)].join("");
  }
  return [...a, ...b].join("");
}

function assignNames(all: DraftEntity[]): OracleEntity[] {
  const typeOf = new Map<string, string>();
  const taken = new Set<string>();
  for (const e of all.filter((x) => x.parent === null)) {
    const t = RESOURCE_TYPE_NAMES[e.path];
    if (!t) throw new Error(`no type name for resource ${e.path} (add it to RESOURCE_TYPE_NAMES)`);
    typeOf.set(e.path, t);
    taken.add(t);
  }
  for (const e of all.filter((x) => x.parent !== null)) {
    const parentType = typeOf.get(e.parent as string) as string;
    let t = joinNames(parentType, e.entitySet);
    if (taken.has(t)) t = parentType + e.entitySet.charAt(0).toUpperCase() + e.entitySet.slice(1);
    if (taken.has(t)) throw new Error(`type name ${t} is taken twice`);
    typeOf.set(e.path, t);
    taken.add(t);
  }
  return all.map((e) => {
    const typeName = typeOf.get(e.path) as string;
    const constName = `${words(typeName).map((w) => w.toUpperCase()).join("_")}_CATALOG`;
    return { ...e, typeName, constName, properties: e.properties.map(finish) };
  });
}

/** The property in its final key order (runtime fields first); reasons become `inferred` + `inferredNote`. */
function finish(d: Draft): OracleProperty {
  const p: Record<string, unknown> = { name: d.name, edmType: d.edmType, maxLength: d.maxLength, nullable: d.nullable, precision: null, scale: null };
  if (d.readOnly) p["readOnly"] = true;
  if (d.enumMembers) p["enumMembers"] = d.enumMembers;
  if (d.knownValues) p["knownValues"] = d.knownValues;
  if (d.evidence !== undefined) p["evidence"] = d.evidence;
  if (d.reasons.length > 0) {
    p["inferred"] = true;
    p["inferredNote"] = [...new Set(d.reasons)].join("; ");
  }
  p["oracleType"] = d.oracleType;
  if (d.note !== undefined) p["note"] = d.note;
  return p as unknown as OracleProperty;
}

/** Derives every entity from the parsed field catalog (`oracle-scm-field-catalog.json`). */
export function deriveEntities(fieldCatalog: unknown): OracleEntity[] {
  const resources = (fieldCatalog as { resources?: unknown }).resources;
  if (typeof resources !== "object" || resources === null || Array.isArray(resources)) throw new Error("field catalog: no resources object");
  const all: DraftEntity[] = [];
  for (const [name, node] of Object.entries(resources as Record<string, unknown>)) {
    if (typeof node !== "object" || node === null || Array.isArray(node)) throw new Error(`${name}: expected an object`);
    build(name, name, name, readObjectNode(name, node as Record<string, unknown>), null, undefined, all, "catalog");
  }
  applyFlattenedViews(all);
  for (const e of all) applyReadOnly(e);
  for (const e of all) checkEntity(e);
  return assignNames(all);
}

function checkEntity(e: DraftEntity): void {
  const names = new Set(e.properties.map((p) => p.name));
  if (names.size !== e.properties.length) throw new Error(`${e.path}: duplicate attributes`);
  for (const k of e.keys) if (!names.has(k)) throw new Error(`${e.path}: key ${k} is not an attribute`);
  const navs = new Set(e.navigationProperties.map((n) => n.name));
  for (const n of navs) if (names.has(n)) throw new Error(`${e.path}: ${n} is both an attribute and a child`);
}
