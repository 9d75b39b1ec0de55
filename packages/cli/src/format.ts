import type { Issue } from "@mfgsync/canonical";

/** Renders issues as aligned text lines. Internal. */
export function formatIssues(issues: readonly Issue[], indent = "  "): string {
  const width = Math.min(48, Math.max(...issues.map((i) => (i.path || "/").length)));
  return issues.map((i) => `${indent}${(i.path || "/").padEnd(width)}  ${i.code.padEnd(18)}  ${i.message}`).join("\n") + "\n";
}
