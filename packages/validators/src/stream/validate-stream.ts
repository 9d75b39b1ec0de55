import { OBJECT_NAMES, createPayloadStream, safeParseEventOf } from "@mfgsync/canonical";
import type { CanonicalEvent, CountingStream, EventName, Issue, PayloadStreamOptions, StreamRecord, StreamStep } from "@mfgsync/canonical";
import type { Profile } from "../engine/profile.js";
import type { ValidationContext } from "../context/types.js";
import type { Finding, SubjectKind } from "../engine/types.js";
import { validate } from "../engine/validate.js";

/**
 * A finding as an issue of a stream: `code` is the rule id (or, for a schema
 * failure, the canonical issue code), with the rule id and severity kept.
 *
 * @example
 * ```ts
 * import type { FindingIssue } from "@mfgsync/validators";
 * const show = (i: FindingIssue) => `${i.severity} ${i.ruleId} ${i.path}`;
 * ```
 */
export interface FindingIssue extends Issue {
  readonly ruleId: string;
  readonly severity: Finding["severity"];
}

/**
 * Options of {@link createValidateStream} and {@link validateStep}.
 *
 * @example
 * ```ts
 * import { createInMemoryContext } from "@mfgsync/validators";
 * import type { ValidateStreamOptions } from "@mfgsync/validators";
 * const options: ValidateStreamOptions = { context: createInMemoryContext({ plants: ["1010"] }) };
 * ```
 */
export interface ValidateStreamOptions extends PayloadStreamOptions {
  /** Rules, severities and options (the built-in catalog at default severities when absent). */
  readonly profile?: Profile;
  /** Master data for the rules. If it can `record` events (an in-memory context does), each accepted event joins it, so the stream sees its own duplicates and sequences. */
  readonly context?: ValidationContext & { record?(event: CanonicalEvent): void };
  /** NDJSON bytes or text (default), or payloads as values (`"payloads"`). */
  readonly input?: "ndjson" | "payloads";
}

function asIssue(finding: Finding, prefix: string): FindingIssue {
  return { path: `${prefix}${finding.path}`, code: finding.code ?? finding.ruleId, message: finding.message, ruleId: finding.ruleId, severity: finding.severity };
}

/**
 * The step a validate stream runs on each payload: the schema, then the
 * rules. Error findings fail the line; warning and info findings are its
 * warnings. An array is checked element by element (paths prefixed with the
 * index) and gives one value each. Values are the payloads as they came.
 *
 * @example
 * ```ts
 * import { createPayloadProcessor } from "@mfgsync/canonical";
 * import { validateStep } from "@mfgsync/validators";
 * const processor = createPayloadProcessor(validateStep("lot"));
 * ```
 */
export function validateStep(kind: SubjectKind, options: ValidateStreamOptions = {}): StreamStep<unknown> {
  const isEvent = !(OBJECT_NAMES as readonly string[]).includes(kind);
  const context = options.context;
  const validateOptions = { ...(options.profile ? { profile: options.profile } : {}), ...(context ? { context } : {}) };
  return (payload) => {
    const list = Array.isArray(payload);
    const inputs: readonly unknown[] = list ? payload : [payload];
    const issues: FindingIssue[] = [];
    const warnings: FindingIssue[] = [];
    inputs.forEach((input, index) => {
      const prefix = list ? `/${index}` : "";
      const report = validate(kind, input, validateOptions);
      for (const finding of report.findings) (finding.severity === "error" ? issues : warnings).push(asIssue(finding, prefix));
      if (report.ok && isEvent && typeof context?.record === "function") {
        // What passed joins the context for the rest of the stream (duplicates, sequences), as the schema reads it.
        const parsed = safeParseEventOf(kind as EventName, input);
        if (parsed.ok) context.record(parsed.value as CanonicalEvent);
      }
    });
    if (issues.length > 0) return { ok: false, issues: issues as [FindingIssue, ...FindingIssue[]], warnings };
    return list ? { ok: true, values: inputs, warnings } : { ok: true, value: payload, warnings };
  };
}

/**
 * A WHATWG `TransformStream` that validates a stream of canonical objects or
 * events of one kind (NDJSON bytes or text, cut anywhere; or payloads as
 * values with `input: "payloads"`): schema, then rules, in input order.
 * Valid payloads come out as `value` records (as they came), with their
 * warning and info findings as `warnings`; the others as dead letters that
 * keep the line exactly, with the findings as issues. `counts()` tells the
 * counts. No Node built-ins: Node 20+, browsers, Deno, edge runtimes.
 *
 * @example
 * ```ts
 * import { createInMemoryContext, createValidateStream } from "@mfgsync/validators";
 * const stream = createValidateStream("lot", { context: createInMemoryContext({ plants: ["1010"] }) });
 * const records = new Blob(['{"not":"a lot"}\n']).stream().pipeThrough(stream);
 * for await (const record of records) if (record.kind === "dead-letter") console.log(record.deadLetter.issues[0]?.code);
 * console.log(stream.counts().failed); // 1
 * ```
 */
export function createValidateStream(kind: SubjectKind, options?: ValidateStreamOptions & { readonly input?: "ndjson" }): CountingStream<Uint8Array | string, StreamRecord<unknown>>;
export function createValidateStream(kind: SubjectKind, options: ValidateStreamOptions & { readonly input: "payloads" }): CountingStream<unknown, StreamRecord<unknown>>;
export function createValidateStream(kind: SubjectKind, options: ValidateStreamOptions = {}): CountingStream<unknown, StreamRecord<unknown>> {
  const step = validateStep(kind, options);
  if (options.input === "payloads") return createPayloadStream(step, { ...options, input: "payloads" });
  return createPayloadStream(step, { ...options, input: "ndjson" }) as CountingStream<unknown, StreamRecord<unknown>>;
}
