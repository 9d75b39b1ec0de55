/**
 * io-ts codecs for mfgsync: an io-ts `Type` for every canonical object and
 * event that delegates to the canonical zod schema, so io-ts users validate
 * with exactly the rules every other mfgsync user gets. Failed decodes carry
 * mfgsync's issues (JSON Pointer path, stable code, message) in their
 * io-ts errors; {@link issuesOf} gives them back.
 *
 * Needs io-ts and fp-ts (optional peer dependencies of `@mfgsync/fp`).
 *
 * @packageDocumentation
 */

export type { IssueValidationError } from "./codec.js";
export { codecFromParser, issuesOf } from "./codec.js";
export {
  OBJECT_CODECS, EVENT_CODECS, MaterialCodec, ProductionOrderCodec, LotCodec, InspectionCodec, NonconformanceCodec, CanonicalEventCodec,
} from "./codecs.js";
