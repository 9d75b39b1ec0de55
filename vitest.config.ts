import { defineConfig } from "vitest/config";

// Tests run against the TypeScript sources through the private "@mfgsync/source"
// export condition, so no build is needed before `vitest`.
export default defineConfig({
  resolve: { conditions: ["@mfgsync/source"] },
  ssr: { resolve: { conditions: ["@mfgsync/source"] } },
  test: {
    include: ["packages/*/test/**/*.test.ts", "bench/**/*.test.ts", "fuzz/**/*.test.ts", "scripts/**/*.test.ts"],
    typecheck: { enabled: true, include: ["packages/*/test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    testTimeout: 60_000,
    setupFiles: ["./vitest.setup.ts"],
  },
});
