import type { Reference } from "@mfgsync/canonical";
import { ISSUE_CODES } from "@mfgsync/canonical";
import type { Converter, DecodeScope, EncodeScope, PropertyCheck } from "@mfgsync/mapping";
import { INVALID, OMIT, identifier, isJsonNumber, oracleRestProfile } from "@mfgsync/mapping";
import { ORACLE_CODE_LISTS, ORACLE_ID_SCHEMES } from "../context.js";
import { QUALITY_ISSUE_RELATIONSHIPS_CATALOG } from "../generated/catalog.js";

// A quality issue's Relationships rows "link the issue to actions" (notes §6:
// SrcObjType/Id, DestObjType/Id, RelationshipType, LatestFlag). The rows to
// quality actions are the nonconformance's CAPA references; the other rows
// (to items, other issues) have no canonical home and are kept whole. Which
// object type code means a quality action is [inferred]: Oracle's quality
// tables use the lookup ORA_ENQ_OBJECT_TYPE with codes ORA_ISSUE and
// ORA_ACTION (table reference, not the notes); the REST attribute values were
// not seen. A pod's codes go in codeTables["oracle:RelationshipObjType"].

const NAV = "Relationships";
const LIST = ORACLE_CODE_LISTS.relationshipObjectType;
/** The canonical limit of `capaReferences`. */
const MAX_REFERENCES = 100;

/**
 * Default relationship object types that name a quality action ([inferred]
 * from the quality tables' lookup ORA_ENQ_OBJECT_TYPE; verify on a pod).
 *
 * @example
 * ```ts
 * import { ORACLE_RELATIONSHIP_OBJECT_TYPES } from "@mfgsync/mappers-oracle";
 * ORACLE_RELATIONSHIP_OBJECT_TYPES.ORA_ACTION; // "action"
 * ```
 */
export const ORACLE_RELATIONSHIP_OBJECT_TYPES: Readonly<Record<string, "action" | "none">> = { ORA_ACTION: "action", ORA_ISSUE: "none" };

type Row = Readonly<Record<string, unknown>>;
type Scope = DecodeScope | EncodeScope;

const CHECKS: ReadonlyMap<string, PropertyCheck> = new Map(QUALITY_ISSUE_RELATIONSHIPS_CATALOG.properties.map((p) => [p.name, oracleRestProfile.compileCheck(p)]));
const actionId = identifier({ numeric: true, scheme: ORACLE_ID_SCHEMES.qualityAction });

function isAction(type: unknown, scope: Scope): boolean {
  if (typeof type !== "string") return false;
  const fromTable = scope.context.codeTable(LIST)?.get(type);
  if (typeof fromTable === "string") return fromTable === "action";
  return Object.prototype.hasOwnProperty.call(ORACLE_RELATIONSHIP_OBJECT_TYPES, type) && ORACLE_RELATIONSHIP_OBJECT_TYPES[type] === "action";
}

function actionCode(scope: Scope): string {
  const table = scope.context.codeTable(LIST);
  if (table !== undefined) for (const [code, kind] of table) if (kind === "action") return code;
  return "ORA_ACTION";
}

function idText(value: unknown): string | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) ? String(value) : undefined;
  return isJsonNumber(value) && /^-?\d+$/.test(value.text) ? value.text : undefined;
}

/** The action a row points to: the destination when it is an action, else the source. */
function actionOf(row: Row, scope: Scope): string | undefined {
  if (isAction(row["DestObjType"], scope)) {
    const id = idText(row["DestObjId"]);
    if (id !== undefined) return id;
  }
  return isAction(row["SrcObjType"], scope) ? idText(row["SrcObjId"]) : undefined;
}

/** Checks each row as the catalog would, naming row and attribute; the first problem, or undefined. */
function rowProblem(rows: readonly unknown[]): { code: string; message: string } | undefined {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (typeof row !== "object" || row === null || Array.isArray(row)) return { code: ISSUE_CODES.invalidType, message: `${NAV}/${i}: each relationship row must be an object` };
    for (const [name, check] of CHECKS) {
      const value = (row as Row)[name];
      const problem = value === undefined ? undefined : check(value);
      if (problem !== undefined) return { code: problem.code, message: `${NAV}/${i}/${name}: ${problem.message}` };
    }
  }
  return undefined;
}

function derive(rows: readonly Row[], scope: Scope): Reference[] {
  const refs: Reference[] = [];
  for (const r of rows) {
    const id = actionOf(r, scope);
    if (id !== undefined) refs.push({ value: id, scheme: ORACLE_ID_SCHEMES.qualityAction });
  }
  return refs;
}

function sameRefs(a: readonly Reference[], b: readonly Reference[] | undefined): boolean {
  const bb = b ?? [];
  return a.length === bb.length && a.every((r, i) => {
    const o = bb[i] as Reference;
    return r.value === o.value && r.scheme === o.scheme && o.issuer === undefined && o.scope === undefined && o.crossReferences === undefined;
  });
}

/**
 * A quality issue's `Relationships` rows as its CAPA references: each row to
 * a quality action (`DestObjType`, else `SrcObjType`, of an action type;
 * default `ORA_ACTION` [inferred]) gives a reference in
 * `oracle-fusion.quality-action-id`. The rows are kept whole and go back as
 * read while the references are unchanged; changed references keep the other
 * rows and the rows of actions still referenced, and add a row
 * `{ DestObjType, DestObjId }` per new action, in the collection shape read.
 *
 * @example
 * ```ts
 * import { issueRelationships } from "@mfgsync/mappers-oracle";
 * issueRelationships().arity; // 1
 * ```
 */
export function issueRelationships(): Converter<unknown, Reference[]> {
  return {
    kind: "relationships to actions",
    description: `rows to quality actions (object type ORA_ACTION, or codeTables["${LIST}"] entries "action") → capaReferences (${ORACLE_ID_SCHEMES.qualityAction}); all rows kept`,
    arity: 1,
    decode(raw, scope, props) {
      const nav = props[0] ?? NAV;
      const read = scope.profile.readCollection(raw);
      if (read.kind === "invalid") return scope.issue(nav, ISSUE_CODES.invalidType, `${nav} ${read.message}`);
      if (read.kind !== "rows") {
        if (raw === null) scope.carry(nav, null);
        return undefined;
      }
      const problem = rowProblem(read.rows);
      if (problem !== undefined) return scope.issue(nav, problem.code, problem.message);
      if (scope.carryJson !== undefined) scope.carryJson(nav, raw);
      else scope.carry(nav, raw);
      const refs = derive(read.rows as Row[], scope);
      if (refs.length > MAX_REFERENCES) return scope.issue(nav, ISSUE_CODES.tooBig, `${nav} names ${refs.length} quality actions; a canonical nonconformance holds at most ${MAX_REFERENCES} CAPA references`);
      return refs.length === 0 ? undefined : refs;
    },
    encode(value, scope, pointer) {
      const kept = scope.kept(NAV);
      const read = kept === undefined || kept === null ? undefined : scope.profile.readCollection(kept);
      // Kept rows come back from outside (the extensions): what decode would refuse is not written.
      const problem = read === undefined ? undefined : read.kind !== "rows" ? { code: ISSUE_CODES.invalidType, message: `${NAV} is not a collection` } : rowProblem(read.rows);
      if (problem !== undefined) return scope.issue(pointer, problem.code, `the kept ${NAV} rows cannot be written: ${problem.message}`);
      const rows = read?.kind === "rows" ? (read.rows as Row[]) : undefined;
      if (rows !== undefined && sameRefs(derive(rows, scope), value)) return kept;
      if (value === undefined && rows === undefined) return kept === null ? null : OMIT;
      const out: Row[] = (rows ?? []).filter((r) => actionOf(r, scope) === undefined);
      const used = new Set<number>();
      for (let i = 0; i < (value ?? []).length; i++) {
        const ref = (value ?? [])[i] as Reference;
        const at = `${pointer}/${i}`;
        const n = actionId.encode(ref, scope, at);
        if (n === INVALID) return INVALID;
        const j = (rows ?? []).findIndex((r, k) => !used.has(k) && actionOf(r, scope) === ref.value);
        if (j >= 0) {
          used.add(j);
          out.push(rows?.[j] as Row);
        } else out.push({ DestObjType: actionCode(scope), DestObjId: n });
      }
      if (out.length === 0 && rows === undefined) return OMIT;
      return scope.profile.writeCollection(out, read?.kind === "rows" ? read.shape : undefined);
    },
  };
}
