import { defineRule } from "../engine/define-rule.js";
import { ALL_KINDS } from "./helpers.js";

// The schema check itself runs in the engine before any rule; this entry gives
// it a place in the catalog (ids, docs, `mfgsync rules`).
export const schemaValid = defineRule({
  id: "schema/valid",
  defaultSeverity: "error",
  description: "The input is a valid canonical object or event (the @mfgsync/canonical schema); schema issues are findings of this rule, with the canonical issue code.",
  rationale:
    "Every other rule reads typed, well-formed data. An input that fails the schema (a missing field, a comma in a decimal, an unknown unit, a date without offset) cannot be checked further, " +
    "so its schema issues are reported and the rules do not run. Always an error; it cannot be turned off or down.",
  appliesTo: ALL_KINDS,
  check() {
    // Runs in the engine (see validate): schema issues become findings of this rule.
  },
});
