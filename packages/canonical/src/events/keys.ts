import type { Identifier, IdentifierScope } from "../primitives/identifier.js";
import type { Issue, Result } from "../result.js";
import { CanonicalValidationError, ISSUE_CODES } from "../result.js";
import { uuidV5 } from "./uuid.js";

// Deterministic idempotency keys. The name hashed into the UUID is a JSON
// array of the key's parts: JSON string escaping makes the encoding
// injective, so no character inside a part (a "/" in an SAP composite key, a
// quote, a separator) can make two different inputs share a key. Keys of the
// 1.0 input shape (four strings) are derived exactly as in 1.0.

/**
 * Namespace UUID of mfgsync idempotency keys: UUID v5 of `mfgsync.dev` in the
 * RFC 9562 DNS namespace. Never changes; changing it would change every key.
 *
 * @example
 * ```ts
 * import { IDEMPOTENCY_NAMESPACE } from "@mfgsync/canonical";
 * console.log(IDEMPOTENCY_NAMESPACE);
 * ```
 */
export const IDEMPOTENCY_NAMESPACE = "e6677e9f-f7c1-5163-b44c-586f5193e222";

/**
 * Namespace UUID of the idempotency keys of writes into a vendor
 * ({@link writeIdempotencyKey}): UUID v5 of `write.mfgsync.dev` in the RFC
 * 9562 DNS namespace, so that a write key never equals an event key.
 *
 * @example
 * ```ts
 * import { WRITE_IDEMPOTENCY_NAMESPACE } from "@mfgsync/canonical";
 * console.log(WRITE_IDEMPOTENCY_NAMESPACE);
 * ```
 */
export const WRITE_IDEMPOTENCY_NAMESPACE = "db4d6f13-4cf6-57f5-bc03-d67e9e8e89cb";

/**
 * A revision or sequence as key input: a string as given, an integer exactly.
 * Numbers must be safe integers: above 2^53 a JavaScript number has already
 * lost digits (2^53 and 2^53 + 1 are the same number), so such sequences must
 * come as decimal strings or bigints.
 *
 * @example
 * ```ts
 * import type { KeyRevision } from "@mfgsync/canonical";
 * const exact: KeyRevision = 9007199254740993n;
 * ```
 */
export type KeyRevision = string | bigint | number;

/**
 * What an event idempotency key is derived from.
 *
 * @example
 * ```ts
 * import type { IdempotencyKeyInput } from "@mfgsync/canonical";
 * const input: IdempotencyKeyInput = { source: "urn:mfgsync:sap-s4hana:S4P-100", objectType: "dev.mfgsync.lot.created.v1", businessKey: "0000012345", revision: "1" };
 * const composite: IdempotencyKeyInput = { ...input, businessKey: ["20/7", "1"] }; // key parts, kept apart
 * ```
 */
export interface IdempotencyKeyInput {
  /** The emitting system instance (the event's `source`). */
  readonly source: string;
  /** What kind of fact: the event type. */
  readonly objectType: string;
  /**
   * Business key of the object (the event's `subject`). A key made of several
   * vendor key fields is given as its parts, never joined by a separator: the
   * parts `["20/7", "1"]` and `["20", "7/1"]` give different keys. One part is
   * the same as the plain string.
   */
  readonly businessKey: string | readonly string[];
  /** The company, organisation or plant the business key is unique in (D365 `dataAreaId`, Oracle organisation). */
  readonly scope?: IdentifierScope;
  /** Revision of the object or sequence of the event: the same fact re-sent gives the same key, a new revision a new one. */
  readonly revision: KeyRevision;
}

/** The exact decimal or text of a revision, or an issue. Internal. */
export function revisionText(revision: unknown, path: string): Result<string> {
  if (typeof revision === "string") return { ok: true, value: revision };
  if (typeof revision === "bigint") return { ok: true, value: revision.toString() };
  if (typeof revision === "number") {
    if (Number.isSafeInteger(revision)) return { ok: true, value: String(revision) };
    const issue: Issue = Number.isInteger(revision)
      ? { path, code: ISSUE_CODES.unsafeInteger, message: `${revision} is above 2^53 - 1, where JavaScript numbers lose digits: give it as a decimal string or a bigint` }
      : { path, code: ISSUE_CODES.invalidFormat, message: `${String(revision)} is not an integer` };
    return { ok: false, issues: [issue] };
  }
  return { ok: false, issues: [{ path, code: ISSUE_CODES.invalidType, message: "expected a string, a bigint or a safe integer" }] };
}

function isStringList(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.length > 0 && value.every((part) => typeof part === "string");
}

function scopeIssue(scope: unknown): Issue | undefined {
  if (scope === undefined) return undefined;
  const s = scope as { type?: unknown; value?: unknown } | null;
  if (s !== null && typeof s === "object" && typeof s.type === "string" && typeof s.value === "string") return undefined;
  return { path: "/scope", code: ISSUE_CODES.invalidType, message: "scope must be { type, value }" };
}

/**
 * Deterministic idempotency key, never throwing: UUID v5 over source system,
 * object type, business key (its parts, and its scope when given) and
 * revision. The same input always gives the same key, so a consumer can drop
 * re-deliveries by key. Unsafe numeric revisions (above 2^53) come back as an
 * issue instead of a key that another sequence shares.
 *
 * @example
 * ```ts
 * import { safeIdempotencyKey } from "@mfgsync/canonical";
 * const r = safeIdempotencyKey({ source: "urn:mfgsync:d365:prod", objectType: "dev.mfgsync.lot.created.v1",
 *   businessKey: "B-0001", scope: { type: "company", value: "usmf" }, revision: 9007199254740993n });
 * if (r.ok) console.log(r.value);
 * ```
 */
export function safeIdempotencyKey(input: IdempotencyKeyInput): Result<string> {
  if (input === null || typeof input !== "object") return { ok: false, issues: [{ path: "", code: ISSUE_CODES.invalidType, message: "key input must be an object" }] };
  const issues: Issue[] = [];
  for (const key of ["source", "objectType"] as const) {
    if (typeof input[key] !== "string") issues.push({ path: `/${key}`, code: ISSUE_CODES.invalidType, message: `${key} must be a string` });
  }
  const key = input.businessKey;
  if (typeof key !== "string" && !isStringList(key)) issues.push({ path: "/businessKey", code: ISSUE_CODES.invalidType, message: "businessKey must be a string or a non-empty list of strings" });
  const scope = scopeIssue(input.scope);
  if (scope) issues.push(scope);
  const revision = revisionText(input.revision, "/revision");
  if (!revision.ok) issues.push(...revision.issues);
  const [first, ...rest] = issues;
  if (first || !revision.ok) return { ok: false, issues: first ? [first, ...rest] : [{ path: "", code: ISSUE_CODES.invalidValue, message: "invalid key input" }] };
  // A one-part key is the plain string, and without a scope the array is 1.0's four strings: 1.0 keys are unchanged.
  const business = typeof key === "string" ? key : key.length === 1 ? key[0]! : [...key];
  const parts: unknown[] = [input.source, input.objectType, business, revision.value];
  if (input.scope !== undefined) parts.push([input.scope.type, input.scope.value]);
  return { ok: true, value: uuidV5(JSON.stringify(parts), IDEMPOTENCY_NAMESPACE) };
}

/**
 * Deterministic idempotency key: UUID v5 over source system, object type,
 * business key (parts and scope) and revision. The same input always gives
 * the same key, so a consumer can drop re-deliveries by key. Throwing variant
 * of {@link safeIdempotencyKey}.
 *
 * @throws {@link CanonicalValidationError} for a revision that is not exact (a number above 2^53) or parts of the wrong type.
 * @example
 * ```ts
 * import { idempotencyKey } from "@mfgsync/canonical";
 * const key = idempotencyKey({ source: "urn:mfgsync:sap-s4hana:S4P-100", objectType: "dev.mfgsync.lot.created.v1", businessKey: "0000012345", revision: "1" });
 * ```
 */
export function idempotencyKey(input: IdempotencyKeyInput): string {
  const result = safeIdempotencyKey(input);
  if (!result.ok) throw new CanonicalValidationError(result.issues, "idempotency key input");
  return result.value;
}

/**
 * The writes an integration makes into a vendor system that
 * {@link writeIdempotencyKey} derives keys for.
 *
 * @example
 * ```ts
 * import { WRITE_OPERATIONS } from "@mfgsync/canonical";
 * WRITE_OPERATIONS.includes("lot-status-update"); // true
 * ```
 */
export const WRITE_OPERATIONS = ["confirmation-posting", "inspection-result-posting", "lot-status-update"] as const;
/**
 * One of {@link WRITE_OPERATIONS}.
 * @example
 * ```ts
 * const op: WriteOperation = "confirmation-posting";
 * ```
 */
export type WriteOperation = (typeof WRITE_OPERATIONS)[number];

/**
 * What the key of a write into a vendor is derived from: which write, into
 * which system, about which object, and which fact it carries.
 *
 * @example
 * ```ts
 * import type { WriteKeyInput } from "@mfgsync/canonical";
 * const input: WriteKeyInput = {
 *   operation: "confirmation-posting", target: "urn:mfgsync:sap-s4hana:S4P-100",
 *   object: { value: "1000123", scheme: "sap-s4hana" }, detail: ["0010"], revision: "6f1c2b9e-2f0a-5d36-9a55-0c5f2d7f7a11",
 * };
 * ```
 */
export interface WriteKeyInput {
  /** The kind of write. */
  readonly operation: WriteOperation;
  /** The vendor system instance written to, e.g. `urn:mfgsync:sap-s4hana:S4P-100`. */
  readonly target: string;
  /** The object written about: the order confirmed, the inspection whose results are posted, the lot whose status is updated. Its scheme, value and scope count (not its issuer). */
  readonly object: Pick<Identifier, "value" | "scheme" | "scope">;
  /** What identifies the write within the object, as separate parts: operation sequence, characteristic and sample, hold id. */
  readonly detail?: readonly string[];
  /** The fact being written: the id of the canonical event it comes from, or its revision or sequence (exact: a string, bigint or safe integer). */
  readonly revision: KeyRevision;
}

/**
 * Deterministic idempotency key of a write into a vendor (a confirmation
 * posting, an inspection result posting, a lot status update), computed
 * before calling the vendor's API: retrying the same write gives the same
 * key, so the caller (or a vendor that accepts a client request id) can tell a
 * retry from a new write. The same encoding as event keys, in its own
 * namespace. Never throws.
 *
 * @example
 * ```ts
 * import { safeWriteIdempotencyKey } from "@mfgsync/canonical";
 * const key = safeWriteIdempotencyKey({
 *   operation: "inspection-result-posting", target: "urn:mfgsync:sap-s4hana:S4P-100",
 *   object: { value: "040000000123", scheme: "sap-s4hana" }, detail: ["0010", "1"], revision: "2",
 * });
 * ```
 */
export function safeWriteIdempotencyKey(input: WriteKeyInput): Result<string> {
  if (input === null || typeof input !== "object") return { ok: false, issues: [{ path: "", code: ISSUE_CODES.invalidType, message: "write key input must be an object" }] };
  const issues: Issue[] = [];
  if (!(WRITE_OPERATIONS as readonly unknown[]).includes(input.operation)) {
    issues.push({ path: "/operation", code: ISSUE_CODES.invalidValue, message: `operation must be one of ${WRITE_OPERATIONS.join(", ")}` });
  }
  if (typeof input.target !== "string" || input.target === "") issues.push({ path: "/target", code: ISSUE_CODES.invalidType, message: "target must be a non-empty string" });
  const object = input.object as Partial<Identifier> | null | undefined;
  if (object === null || typeof object !== "object" || typeof object.value !== "string" || typeof object.scheme !== "string") {
    issues.push({ path: "/object", code: ISSUE_CODES.invalidType, message: "object must be an identifier { value, scheme, scope? }" });
  } else {
    const scope = scopeIssue(object.scope);
    if (scope) issues.push({ ...scope, path: "/object/scope" });
  }
  if (input.detail !== undefined && !(Array.isArray(input.detail) && input.detail.every((d) => typeof d === "string"))) {
    issues.push({ path: "/detail", code: ISSUE_CODES.invalidType, message: "detail must be a list of strings" });
  }
  const revision = revisionText(input.revision, "/revision");
  if (!revision.ok) issues.push(...revision.issues);
  const [first, ...rest] = issues;
  if (first || !revision.ok) return { ok: false, issues: first ? [first, ...rest] : [{ path: "", code: ISSUE_CODES.invalidValue, message: "invalid key input" }] };
  const id = input.object;
  const objectParts = id.scope === undefined ? [id.scheme, id.value] : [id.scheme, id.value, id.scope.type, id.scope.value];
  return { ok: true, value: uuidV5(JSON.stringify([input.operation, input.target, objectParts, [...(input.detail ?? [])], revision.value]), WRITE_IDEMPOTENCY_NAMESPACE) };
}

/**
 * Throwing variant of {@link safeWriteIdempotencyKey}.
 *
 * @throws {@link CanonicalValidationError} when the input is not usable (unknown operation, inexact revision).
 * @example
 * ```ts
 * import { writeIdempotencyKey } from "@mfgsync/canonical";
 * const key = writeIdempotencyKey({
 *   operation: "lot-status-update", target: "urn:mfgsync:d365:prod",
 *   object: { value: "B-0001", scheme: "d365", scope: { type: "company", value: "usmf" } }, revision: 3,
 * });
 * ```
 */
export function writeIdempotencyKey(input: WriteKeyInput): string {
  const result = safeWriteIdempotencyKey(input);
  if (!result.ok) throw new CanonicalValidationError(result.issues, "write key input");
  return result.value;
}
