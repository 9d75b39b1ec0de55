// The examples of docs/guides/cloudevents.md are code: every ```ts runnable
// block is type-checked (tsc, strict, against the sources) and run, and a line
// `console.log(...); // → text` checks what it prints.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { format } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");
const guide = fs.readFileSync(path.join(root, "docs/guides/cloudevents.md"), "utf8");
const workDir = path.join(root, ".guide-examples", "cloudevents");
const blocks = [...guide.matchAll(/```ts runnable\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
// A prefix such as `if (read.ok) ` is kept: a check that is skipped then fails the count.
const EXPECTATION = /^(.*?)console\.log\((.*)\);\s*\/\/ → (.*)$/;

function instrument(code: string): { code: string; checks: number } {
  let checks = 0;
  const lines = code.split("\n").map((line, i) => {
    const m = EXPECTATION.exec(line);
    if (!m) return line;
    checks++;
    return `${m[1]}(globalThis as any).__guideExpect([${m[2]}], ${JSON.stringify(m[3]!.trimEnd())}, ${i + 1});`;
  });
  return { code: lines.join("\n"), checks };
}

describe("the CloudEvents guide's examples", () => {
  beforeAll(() => {
    fs.rmSync(workDir, { recursive: true, force: true });
    fs.mkdirSync(path.join(workDir, "typecheck"), { recursive: true });
    fs.mkdirSync(path.join(workDir, "run"), { recursive: true });
    blocks.forEach((code, i) => {
      fs.writeFileSync(path.join(workDir, "typecheck", `block-${i}.ts`), `${code}\nexport {};\n`);
      fs.writeFileSync(path.join(workDir, "run", `block-${i}.ts`), `${instrument(code).code}\nexport {};\n`);
    });
    fs.writeFileSync(path.join(workDir, "typecheck", "tsconfig.json"), JSON.stringify({
      extends: "../../../tsconfig.base.json", compilerOptions: { noEmit: true, types: ["node"] }, include: ["*.ts"],
    }));
  });
  afterAll(() => fs.rmSync(path.join(root, ".guide-examples"), { recursive: true, force: true }));

  it("show every transport: HTTP, Kafka and MQTT, writing and reading", () => {
    const all = blocks.join("\n");
    for (const fn of ["toHttpBinary", "safeReadHttpEvent", "toHttpStructured", "toHttpBatch", "toKafkaBinary", "safeReadKafkaEvent", "toMqttBinary", "safeReadMqttEvent"]) expect(all).toContain(fn);
  });

  it("type-check (tsc, strict, against the sources)", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    try {
      execFileSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", path.join(workDir, "typecheck", "tsconfig.json")], { cwd: root, encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      expect.fail(`guide examples do not type-check:\n${(error as { stdout?: string }).stdout ?? String(error)}`);
    }
  }, 180_000);

  blocks.forEach((code, i) => {
    it(`block ${i + 1} runs and prints what it says`, async () => {
      const seen: { text: string; expected: string; line: number }[] = [];
      (globalThis as Record<string, unknown>)["__guideExpect"] = (args: unknown[], expected: string, line: number) => seen.push({ text: format(...args), expected, line });
      const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
      try {
        await import(pathToFileURL(path.join(workDir, "run", `block-${i}.ts`)).href);
      } finally {
        log.mockRestore();
      }
      expect(seen.length, "every `// →` line ran once").toBe(instrument(code).checks);
      expect(seen.length).toBeGreaterThan(0);
      for (const s of seen) expect(s.text, `block ${i + 1}, line ${s.line}`).toBe(s.expected);
    });
  });
});
