import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { format } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The README examples are code: every ```ts runnable block of the root README
// and of each package README is type-checked (tsc, strict, against the
// sources) and run. A line `console.log(...); // → text` also checks what the
// example prints, so an example cannot drift from what the library does.

const root = path.resolve(import.meta.dirname, "..");
const workDir = path.join(root, ".readme-examples");
const packageDirs = fs.readdirSync(path.join(root, "packages")).filter((d) => fs.existsSync(path.join(root, "packages", d, "package.json")));
const REPO = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { repository: { url: string } }).repository.url
  .replace(/^git\+/, "").replace(/\.git$/, "");

export interface Example {
  /** `root` or the package folder. */
  readonly readme: string;
  /** Line of the opening fence, for messages. */
  readonly line: number;
  readonly code: string;
}

/** The ```ts runnable blocks of a markdown text. */
export function runnableBlocks(markdown: string): { line: number; code: string }[] {
  const blocks: { line: number; code: string }[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    // Fences may be indented (a block inside a list item); the indent is removed from the code.
    const indent = /^( *)```ts runnable\s*$/.exec(lines[i]!)?.[1];
    if (indent === undefined) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i]!.trim() !== "```"; i++) body.push(lines[i]!.startsWith(indent) ? lines[i]!.slice(indent.length) : lines[i]!);
    if (i === lines.length) throw new Error(`unclosed runnable block at line ${start + 1}`);
    blocks.push({ line: start + 1, code: body.join("\n") });
  }
  return blocks;
}

const EXPECTATION = /^(\s*)console\.log\((.*)\);\s*\/\/ → (.*)$/;

/** The code to run: `console.log(x); // → text` becomes a checked print. Returns the code and how many checks it has. */
export function instrument(code: string): { code: string; checks: number } {
  let checks = 0;
  const out = code.split("\n").map((line, i) => {
    const m = EXPECTATION.exec(line);
    if (!m) return line;
    checks++;
    return `${m[1]}(globalThis as any).__readmeExpect([${m[2]}], ${JSON.stringify(m[3]!.trimEnd())}, ${i + 1});`;
  });
  return { code: out.join("\n"), checks };
}

function readmeOf(name: string): string {
  return path.join(root, name === "root" ? "README.md" : `packages/${name}/README.md`);
}

const examples: Example[] = ["root", ...packageDirs].flatMap((readme) =>
  runnableBlocks(fs.readFileSync(readmeOf(readme), "utf8")).map((b) => ({ readme, ...b })));
const fileName = (e: Example) => `${e.readme}-line-${e.line}.ts`;

describe("the README example harness", () => {
  it("finds runnable blocks and instruments expected output", () => {
    const md = "text\n```ts runnable\nconst a = 1;\nconsole.log(a, \"x\"); // → 1 x\n```\n```ts\nnot run\n```\n";
    expect(runnableBlocks(md)).toEqual([{ line: 2, code: 'const a = 1;\nconsole.log(a, "x"); // → 1 x' }]);
    expect(instrument('console.log(a, "x"); // → 1 x')).toEqual({ code: '(globalThis as any).__readmeExpect([a, "x"], "1 x", 1);', checks: 1 });
    expect(() => runnableBlocks("```ts runnable\nx")).toThrow(/unclosed/);
    expect(runnableBlocks("- item\n\n  ```ts runnable\n  f();\n  ```\n")).toEqual([{ line: 3, code: "f();" }]);
  });
});

describe("README examples", () => {
  beforeAll(() => {
    fs.rmSync(workDir, { recursive: true, force: true });
    fs.mkdirSync(path.join(workDir, "typecheck"), { recursive: true });
    fs.mkdirSync(path.join(workDir, "run"), { recursive: true });
    for (const e of examples) {
      // `export {}` keeps each example its own module for the type checker.
      fs.writeFileSync(path.join(workDir, "typecheck", fileName(e)), `${e.code}\nexport {};\n`);
      fs.writeFileSync(path.join(workDir, "run", fileName(e)), `${instrument(e.code).code}\nexport {};\n`);
    }
    fs.writeFileSync(path.join(workDir, "typecheck", "tsconfig.json"), JSON.stringify({
      extends: "../../tsconfig.base.json",
      compilerOptions: { noEmit: true, types: ["node"] },
      include: ["*.ts"],
    }));
  });
  afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

  it("every package README has a short runnable example, and the root README the library quick start", () => {
    for (const dir of packageDirs) {
      const first = examples.find((e) => e.readme === dir);
      expect(first, `packages/${dir}/README.md has no \`\`\`ts runnable block`).toBeDefined();
      expect(first!.code.split("\n").filter((l) => l.trim() !== "").length, `packages/${dir}/README.md: first example`).toBeLessThanOrEqual(16);
    }
    const quickStart = examples.filter((e) => e.readme === "root").map((e) => e.code).join("\n");
    for (const piece of ["@mfgsync/mappers-sap", "@mfgsync/validators", "createEvent"]) expect(quickStart).toContain(piece);
  });

  it("type-check (tsc, strict, against the sources)", () => {
    expect(examples.length).toBeGreaterThan(packageDirs.length);
    const tsc = path.join(root, "node_modules/typescript/bin/tsc");
    try {
      execFileSync(process.execPath, [tsc, "-p", path.join(workDir, "typecheck", "tsconfig.json")], { cwd: root, encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      const out = (error as { stdout?: string }).stdout ?? String(error);
      expect.fail(`README examples do not type-check:\n${out}`);
    }
  }, 180_000);

  for (const e of examples) {
    it(`runs ${e.readme === "root" ? "README.md" : `packages/${e.readme}/README.md`} line ${e.line} and prints what it says`, async () => {
      const seen: { text: string; expected: string; line: number }[] = [];
      (globalThis as Record<string, unknown>)["__readmeExpect"] = (args: unknown[], expected: string, line: number) => seen.push({ text: format(...args), expected, line });
      const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
      try {
        await import(pathToFileURL(path.join(workDir, "run", fileName(e))).href);
      } finally {
        log.mockRestore();
      }
      expect(seen.length, "every `// →` line ran once").toBe(instrument(e.code).checks);
      for (const s of seen) expect(s.text, `block line ${s.line}`).toBe(s.expected);
    });
  }
});

describe("README links work outside GitHub (on npm)", () => {
  /** Markdown link targets. */
  const links = (md: string) => [...md.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);

  for (const dir of packageDirs) {
    it(`packages/${dir}/README.md: absolute links only, and links into the repository name files that exist`, () => {
      const md = fs.readFileSync(readmeOf(dir), "utf8");
      expect(md.startsWith(`# @mfgsync/${dir}\n`)).toBe(true);
      expect(md).toContain(`npm install @mfgsync/${dir}`);
      for (const link of links(md)) {
        expect(link, `relative link in packages/${dir}/README.md`).toMatch(/^(https:\/\/|#)/);
        const inRepo = new RegExp(`^${REPO.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/(?:blob|tree)/main/([^#]+)`).exec(link);
        if (inRepo) expect(fs.existsSync(path.join(root, inRepo[1]!)), link).toBe(true);
      }
    });
  }
});
