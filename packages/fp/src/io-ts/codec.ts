import type { Issue, Result } from "@mfgsync/canonical";
import * as t from "io-ts";

/**
 * An io-ts validation error made from an mfgsync issue. `message` reads
 * `<path> <code>: <message>` (what io-ts's `PathReporter` prints), the
 * context ends with one entry per JSON Pointer segment (what other reporters
 * print), and `issue` is the issue itself.
 *
 * @example
 * ```ts
 * import { LotCodec, type IssueValidationError } from "@mfgsync/fp/io-ts";
 * const result = LotCodec.decode({});
 * if (result._tag === "Left") console.log((result.left[0] as IssueValidationError).issue.code);
 * ```
 */
export interface IssueValidationError extends t.ValidationError {
  /** The issue as mfgsync reports it: JSON Pointer path, stable code, message. */
  readonly issue: Issue;
}

/** RFC 6901 reference tokens of a JSON Pointer. */
function segments(pointer: string): string[] {
  return pointer === "" ? [] : pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** The value at `keys` inside `input`, or undefined where the path leaves it. */
function valueAt(input: unknown, keys: readonly string[]): unknown[] {
  const values: unknown[] = [];
  let current = input;
  for (const key of keys) {
    current = current !== null && typeof current === "object" && Object.hasOwn(current, key) ? (current as Record<string, unknown>)[key] : undefined;
    values.push(current);
  }
  return values;
}

function toValidationError(issue: Issue, input: unknown, context: t.Context): IssueValidationError {
  const keys = segments(issue.path);
  const values = valueAt(input, keys);
  return {
    value: keys.length === 0 ? input : values[values.length - 1],
    context: [...context, ...keys.map((key, i): t.ContextEntry => ({ key, type: t.unknown, actual: values[i] }))],
    message: `${issue.path || "/"} ${issue.code}: ${issue.message}`,
    issue,
  };
}

/**
 * An io-ts `Type` that delegates to an mfgsync `safe*` parser (any
 * `(input) => Result<A>`): it decodes to the parsed value, fails with
 * {@link IssueValidationError}s, and encodes to the value itself (canonical
 * objects are JSON already). The codecs of this module are built with it.
 *
 * @example
 * ```ts
 * import { safeParseMaterial } from "@mfgsync/canonical";
 * import { codecFromParser } from "@mfgsync/fp/io-ts";
 * const MaterialCodec = codecFromParser("Material", safeParseMaterial);
 * ```
 */
export function codecFromParser<A>(name: string, safeParse: (input: unknown) => Result<A>, is?: (input: unknown) => boolean): t.Type<A, A, unknown> {
  const guard = is ?? ((input: unknown) => safeParse(input).ok);
  return new t.Type<A, A, unknown>(
    name,
    (input): input is A => guard(input),
    (input, context) => {
      const result = safeParse(input);
      return result.ok ? t.success(result.value) : t.failures(result.issues.map((issue) => toValidationError(issue, input, context)));
    },
    t.identity,
  );
}

/**
 * The mfgsync issues behind io-ts errors from this package's codecs; errors
 * from other codecs become issues with their io-ts path and message, under the
 * code `io-ts.invalid`.
 *
 * @example
 * ```ts
 * import { LotCodec, issuesOf } from "@mfgsync/fp/io-ts";
 * const result = LotCodec.decode({ kind: "lot" });
 * if (result._tag === "Left") for (const i of issuesOf(result.left)) console.log(i.path, i.code);
 * ```
 */
export function issuesOf(errors: t.Errors): Issue[] {
  return errors.map((error) => {
    const issue = (error as Partial<IssueValidationError>).issue;
    if (issue !== undefined) return issue;
    const path = error.context.slice(1).map((entry) => `/${entry.key.replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
    return { path, code: "io-ts.invalid", message: error.message ?? `invalid value for ${error.context[error.context.length - 1]?.type.name ?? "codec"}` };
  });
}
