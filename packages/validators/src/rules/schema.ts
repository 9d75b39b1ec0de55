import { ALL_KINDS, builtinRule } from "./helpers.js";

// The schema check itself runs in the engine before any rule; this entry gives
// it a place in the catalog (ids, docs, `mfgsync rules`).
export const schemaValid = builtinRule({
  id: "schema/valid",
  defaultSeverity: "error",
  description: "The input is a valid canonical object or event (the @mfgsync/canonical schema); schema issues are findings of this rule, with the canonical issue code.",
  appliesTo: ALL_KINDS,
  check() {
    // Runs in the engine (see validate): schema issues become findings of this rule.
  },
});
