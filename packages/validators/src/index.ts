/**
 * The semantic rule catalog of mfgsync. The canonical schemas say a payload is
 * well formed; these rules say it makes sense for a plant: units convert,
 * operation sequences ascend, held lots are not consumed, a release has an
 * accepting inspection, events are not duplicates.
 *
 * - {@link validate} (and {@link validateObject}, {@link validateEvent}) check one input and
 *   return a {@link ValidationReport}; they never throw.
 * - {@link createProfile} picks rules and severities per plant or integration, adds caller
 *   rules made with {@link defineRule}, and sets options such as the target system's
 *   decimal places.
 * - {@link createInMemoryContext} supplies master data (plants, materials, lot dispositions,
 *   seen idempotency keys, ...); the store interfaces let callers use their own.
 * - {@link BUILTIN_RULES} is the catalog as data; {@link formatReport} renders reports.
 *
 * @packageDocumentation
 */

// Streams (WHATWG TransformStream: NDJSON or payloads in, records with dead letters out)
export type { FindingIssue, ValidateStreamOptions } from "./stream/validate-stream.js";
export { createValidateStream, validateStep } from "./stream/validate-stream.js";

// Engine
export type {
  SubjectKind, SubjectOf, RuleSeverity, RuleSetting, Finding, ValidationReport, FindingInput, ReportFinding,
  RuleContext, ContextStoreName, RuleMetadata, Rule, RuleCheck,
} from "./engine/types.js";
export { defineRule, RULE_ID_PATTERN, SUBJECT_KINDS } from "./engine/define-rule.js";
export type { ValidationOptions, ValidationOptionsInput } from "./engine/options.js";
export type { Profile, ProfileConfig } from "./engine/profile.js";
export { createProfile, safeCreateProfile } from "./engine/profile.js";
export type { ValidateOptions } from "./engine/validate.js";
export { validate, validateObject, validateEvent } from "./engine/validate.js";
export type { ReportFormat } from "./engine/format.js";
export { formatReport } from "./engine/format.js";

// Context
export type {
  PlantDirectory, MaterialDirectory, UnitConversion, UnitConversionStore, LotDirectory, LotDispositionRecord,
  LotDispositionStore, InspectionDirectory, IdempotencyStore, SequenceStore, ValidationContext,
} from "./context/types.js";
export type { InMemoryContextData, InMemoryContext } from "./context/in-memory.js";
export { createInMemoryContext } from "./context/in-memory.js";
export { safeCreateInMemoryContext } from "./context/load.js";

// Catalog
export { BUILTIN_RULES } from "./rules/index.js";
export type { DispositionTransition } from "./lot/disposition.js";
export { DISPOSITION_TRANSITIONS, findDispositionTransition } from "./lot/disposition.js";
