/**
 * Parsing of the field catalog's compact notations, and the name rules used
 * where it states no type. Every parser throws on a form it does not know, so
 * that a new notation in the field catalog fails the generator instead of
 * being dropped.
 */
import type { OracleJsonType } from "./model.js";

const JSON_TYPES: readonly OracleJsonType[] = ["string", "number", "integer", "boolean", "date", "date-time"];

function jsonType(word: string, where: string): OracleJsonType {
  if (word === "int" || word === "int64") return "integer";
  if ((JSON_TYPES as readonly string[]).includes(word)) return word as OracleJsonType;
  throw new Error(`${where}: unknown type ${JSON.stringify(word)}`);
}

/** `string`, `string(240)`, `number`, `integer`, `boolean`, `date`, `date-time`. */
export function parseType(s: string, where: string): { type: OracleJsonType; maxLength: number | null } {
  const m = /^([a-z-]+)(?:\((\d+)\))?$/.exec(s);
  if (!m) throw new Error(`${where}: unknown type ${JSON.stringify(s)}`);
  const type = jsonType(m[1] as string, where);
  if (m[2] !== undefined && type !== "string") throw new Error(`${where}: a length on a ${type}`);
  return { type, maxLength: m[2] === undefined ? null : Number(m[2]) };
}

/** One entry of a field list, e.g. `Quantity (I)`, `Document(240)`, `RequiredDate(date-time)`. */
export interface FieldSpec {
  name: string;
  /** The type the entry states; undefined when it states none. */
  type?: OracleJsonType;
  maxLength?: number;
  /** `I` when the entry is marked `(I)`. */
  evidence?: string;
  /** Values the entry names (`(e.g. PRODUCT)`, `(default NOT_STARTED)`). */
  knownValues?: string[];
  /** Docs: what the annotation said, when it is not a plain type. */
  note?: string;
  /** `Name[]`: a nested collection, not an attribute. */
  array?: true;
}

const FIELD = /^([A-Za-z]\w*)(\[\])?(?:\s*\(([^()]*)\))?(?:\s+([a-z][a-z0-9-]*))?$/;

/**
 * Parses one field-list entry: `Name`, `Name[]`, `Name(number)`, `Name (I)`,
 * `Name(240)`, `Name (e.g. X)`, `Name (default X)`, `Name date-time`, `Name int`.
 */
export function parseFieldSpec(entry: string, where: string): FieldSpec {
  const m = FIELD.exec(entry.trim());
  if (!m) throw new Error(`${where}: cannot read field entry ${JSON.stringify(entry)}`);
  const spec: FieldSpec = { name: m[1] as string };
  if (m[2]) spec.array = true;
  const annotation = m[3]?.trim();
  if (annotation !== undefined) {
    if (/^\d+$/.test(annotation)) {
      spec.type = "string";
      spec.maxLength = Number(annotation);
    } else if (annotation === "I") {
      spec.evidence = "I";
    } else if (/^e\.g\. /.test(annotation)) {
      spec.knownValues = annotation.slice(5).split("/").map((v) => v.trim());
      spec.note = annotation;
    } else if (/^default \S+$/.test(annotation)) {
      spec.knownValues = [annotation.slice(8)];
      spec.note = annotation;
    } else {
      spec.type = jsonType(annotation, `${where} ${entry}`);
    }
  }
  if (m[4] !== undefined) {
    if (spec.type !== undefined) throw new Error(`${where}: two types in ${JSON.stringify(entry)}`);
    spec.type = jsonType(m[4], `${where} ${entry}`);
  }
  if (spec.array && (spec.type !== undefined || spec.evidence !== undefined)) throw new Error(`${where}: annotated array ${entry}`);
  return spec;
}

/** Splits on `sep` outside parentheses. */
export function splitTopLevel(s: string, sep: RegExp): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (depth === 0) {
      const m = sep.exec(s.slice(i));
      if (m && m.index === 0) {
        out.push(s.slice(start, i).trim());
        i += m[0].length - 1;
        start = i + 1;
      }
    }
  }
  out.push(s.slice(start).trim());
  return out.filter((x) => x !== "");
}

/** A list inside a descriptor: `a, b date-time` or `StatusCode int + StatusCodeValue`. */
export function parseInnerFieldList(inner: string, where: string): FieldSpec[] {
  return splitTopLevel(inner, /^\s*(?:,|\+(?=\s))\s*/).map((e) => parseFieldSpec(e, where));
}

/** A child named in a list: `ItemCategory`, `ItemRevision (a, b date-time)`, `Material (POST: a, b)`. */
export interface ChildDescriptor {
  name: string;
  fields: FieldSpec[];
  postBody?: string[];
}

export function parseChildDescriptor(entry: string, where: string): ChildDescriptor | undefined {
  const m = /^([A-Za-z]\w*)(?:\s*\((.*)\))?$/.exec(entry.trim());
  if (!m) return undefined;
  const name = m[1] as string;
  const inner = m[2]?.trim();
  if (inner === undefined) return { name, fields: [] };
  const post = /^POST:\s*(.*)$/.exec(inner);
  const fields = parseInnerFieldList(post ? (post[1] as string) : inner, `${where} ${name}`);
  return post ? { name, fields, postBody: fields.map((f) => f.name) } : { name, fields };
}

/** A child whose value is a sentence: `GET only (+SubstituteMaterial)`, `CRUD`, `... (GET only)`, `...`. */
export function parseAccessText(text: string, where: string): { access?: string; note?: string; children: string[] } {
  let t = text.trim();
  const children: string[] = [];
  const plus = /\s*\(\+(\w+)\)$/.exec(t);
  if (plus) {
    children.push(plus[1] as string);
    t = t.slice(0, plus.index).trim();
  }
  if (t === "...") return { note: "the field catalog lists this child without details", children };
  if (/^(GET only|GET|CRUD)$/.test(t)) return { access: t, children };
  const tail = /^(.*\S)\s*\((GET only|GET|CRUD)\)$/.exec(t);
  if (tail) return { access: tail[2] as string, note: tail[1] as string, children };
  throw new Error(`${where}: cannot read child description ${JSON.stringify(text)}`);
}

/** Access texts after which Oracle accepts no writes to the child. */
export function isReadOnlyAccess(access: string | undefined): boolean {
  return access === "GET only" || access === "GET" || access === "read-only";
}

/**
 * The type of an attribute the field catalog lists without one, from Oracle's
 * naming conventions. Always an inference; `rule` says which convention.
 */
export function typeFromName(name: string): { type: OracleJsonType; rule: string } {
  if (/Flag$/.test(name)) return { type: "boolean", rule: "…Flag attributes are JSON booleans (notes §1)" };
  if (/I[dD]$/.test(name)) return { type: "integer", rule: "…Id attributes are int64 surrogate ids (notes §1)" };
  if (/Quantity|Usage$|Units$|Percentage$|Rate$|Conversion$|LeadTime$|Sequence$|SequenceNumber$|ValueNumber$/.test(name)) {
    return { type: "number", rule: "quantities, rates and sequence numbers are JSON numbers (OperationSequenceNumber is typed number)" };
  }
  if (/Date$|^Date[A-Z]/.test(name)) return { type: "date-time", rule: "…Date attributes are date-times unless the field catalog says date" };
  return { type: "string", rule: "no type stated; string assumed" };
}

/** Values an attribute note names: `e.g. 'Active'`, `e.g. Active/Hold`. */
export function valuesInNote(note: string | undefined): string[] {
  if (note === undefined) return [];
  const quoted = [...note.matchAll(/e\.g\. '([^']+)'/g)].map((m) => m[1] as string);
  if (quoted.length > 0) return quoted;
  const bare = /e\.g\. ([\w-]+(?:\/[\w-]+)*)/.exec(note);
  return bare ? (bare[1] as string).split("/") : [];
}

/** A length a note states (`3-char UOM code`). */
export function lengthInNote(note: string | undefined): number | null {
  const m = note === undefined ? null : /\b(\d+)-char\b/.exec(note);
  return m ? Number(m[1]) : null;
}

/** Whether an evidence tag such as `P/C` or `C/I` contains `letter`. */
export function evidenceHas(evidence: string | undefined, letter: string): boolean {
  return evidence !== undefined && evidence.split("/").includes(letter);
}
