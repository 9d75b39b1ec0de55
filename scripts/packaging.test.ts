import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

// What every published package must carry and declare. The tarballs themselves
// are packed and installed by `pnpm run test:consumer` (scripts/consumer-test.ts).

const root = path.resolve(import.meta.dirname, "..");
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
const rootPkg = readJson(path.join(root, "package.json")) as { repository: { url: string }; bugs: { url: string }; homepage: string };
const packageDirs = fs.readdirSync(path.join(root, "packages")).filter((d) => fs.existsSync(path.join(root, "packages", d, "package.json")));

interface PackageJson {
  name: string;
  private?: boolean;
  license: string;
  repository: { type: string; url: string; directory: string };
  homepage: string;
  bugs: { url: string };
  keywords: string[];
  files: string[];
  scripts: Record<string, string>;
}

/** sha256 of https://www.apache.org/licenses/LICENSE-2.0.txt, byte for byte. */
const APACHE_2_0_SHA256 = "cfc7749b96f63bd31c3c42b5c471bf756814053e847c10f3eb003417bc523d30";

describe("licence files", () => {
  it("LICENSE is the unmodified Apache License 2.0 text", () => {
    const text = fs.readFileSync(path.join(root, "LICENSE"));
    expect(text.toString("utf8")).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
    expect(createHash("sha256").update(text).digest("hex")).toBe(APACHE_2_0_SHA256);
  });

  it("NOTICE carries the B2MML attribution and the Rec 20 source and licence", () => {
    const notice = fs.readFileSync(path.join(root, "NOTICE"), "utf8").replace(/\s+/g, " ");
    expect(notice).toContain("The Business To Manufacturing Markup Language (B2MML) is used courtesy of MESA International.");
    expect(notice).toContain("UN/ECE Recommendation No. 20");
    expect(notice).toContain("ODC-PDDL-1.0");
  });

  it("the root files are the only copies in git (packages get theirs at pack time)", () => {
    const tracked = execFileSync("git", ["ls-files", "--", "packages/*/LICENSE", "packages/*/NOTICE"], { cwd: root, encoding: "utf8" });
    expect(tracked.trim()).toBe("");
  });
});

describe("package metadata", () => {
  it("finds the packages", () => {
    expect(packageDirs).toEqual(expect.arrayContaining(["canonical", "validators", "mapping", "mappers-sap", "cli"]));
  });

  for (const dir of packageDirs) {
    it(`@mfgsync/${dir} declares licence, repository, homepage, bugs and keywords, and packs LICENSE and NOTICE`, () => {
      const pkg = readJson(path.join(root, "packages", dir, "package.json")) as unknown as PackageJson;
      expect(pkg.name).toBe(`@mfgsync/${dir}`);
      expect(pkg.license).toBe("Apache-2.0");
      expect(pkg.repository).toEqual({ type: "git", url: rootPkg.repository.url, directory: `packages/${dir}` });
      expect(pkg.homepage).toBe(`${rootPkg.homepage.replace(/#readme$/, "")}/tree/main/packages/${dir}#readme`);
      expect(pkg.bugs).toEqual(rootPkg.bugs);
      expect(pkg.keywords.length).toBeGreaterThanOrEqual(3);
      expect(pkg.files).toContain("NOTICE");
      expect(pkg.scripts["prepack"]).toBe("node ../../scripts/pack-legal.mjs add");
      expect(pkg.scripts["postpack"]).toBe("node ../../scripts/pack-legal.mjs remove");
    });
  }
});

describe("data files are exported", () => {
  const require = createRequire(path.join(root, "package.json"));
  const cases: [string, string][] = [
    ["@mfgsync/canonical", "schemas"],
    ["@mfgsync/canonical", "examples"],
    ["@mfgsync/mappers-sap", "fixtures"],
  ];
  for (const [name, folder] of cases) {
    it(`every file under ${name}/${folder} resolves by its subpath from CJS (require.resolve) and ESM (import.meta.resolve)`, () => {
      const dir = path.join(root, "packages", name.replace("@mfgsync/", ""), folder);
      const files = fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".json"));
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const specifier = `${name}/${folder}/${file.split(path.sep).join("/")}`;
        expect(fs.realpathSync(require.resolve(specifier)), specifier).toBe(path.join(dir, file));
        expect(fs.realpathSync(new URL(import.meta.resolve(specifier)).pathname), specifier).toBe(path.join(dir, file));
      }
    });
  }
});

describe("published files name no workspace paths", () => {
  // Sources are cited by name ("the SAP research notes, section 6", "API_PRODUCT_SRV.edmx"):
  // a path into the team's workspace means nothing to a user and leaks its layout.
  const INTERNAL = /(?:^|[^\w.-])(?:\.\.\/)*shared\/(?:notes|vendor-specs|standards|hooks)\b|\.\.\/shared\b|\/work\//;

  it("the pattern catches the forms that leaked before, and not ordinary words", () => {
    expect(INTERNAL.test("derived from shared/vendor-specs/sap/odata/API_PRODUCT_SRV.edmx")).toBe(true);
    expect(INTERNAL.test("(shared/notes/sap.md section 6)")).toBe(true);
    expect(INTERNAL.test("see ../shared/notes")).toBe(true);
    expect(INTERNAL.test("the SAP research notes, section 6")).toBe(false);
    expect(INTERNAL.test("a shared/common helper")).toBe(false);
  });

  function shipped(dir: string): string[] {
    const pkgDir = path.join(root, "packages", dir);
    const pkg = readJson(path.join(pkgDir, "package.json")) as unknown as PackageJson;
    const walk = (p: string): string[] =>
      fs.statSync(p).isDirectory() ? fs.readdirSync(p).flatMap((e) => walk(path.join(p, e))) : [p];
    return [...pkg.files, "README.md", "package.json"].map((f) => path.join(pkgDir, f)).filter((f) => fs.existsSync(f)).flatMap(walk);
  }

  for (const dir of packageDirs) {
    it(`@mfgsync/${dir}: README, package.json and every file under "files" (dist when built)`, () => {
      const files = shipped(dir);
      expect(files.length).toBeGreaterThan(2);
      const offending = files.flatMap((file) => {
        const lines = fs.readFileSync(file, "utf8").split("\n");
        return lines.flatMap((line, i) => (INTERNAL.test(line) ? [`${path.relative(root, file)}:${i + 1}`] : []));
      });
      expect(offending).toEqual([]);
    });
  }
});
