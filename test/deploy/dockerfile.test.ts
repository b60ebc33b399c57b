/**
 * The Dockerfile checked against the repository, since no image can be built
 * on these machines: what it copies exists (or the build makes it) and is not
 * left out by .dockerignore, what it runs is what `npm run build` produces,
 * and the runtime stage's files, environment, command and health check start
 * a server that answers, as the container would.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { basename, join, posix, relative, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.ts";
import { jsFiles } from "../server/helpers/built-server.ts";
import {
  type Copy,
  dockerignore,
  execForm,
  type Instruction,
  parseCopy,
  parseDockerfile,
  parseEnv,
  type Stage,
} from "./dockerfile-parse.ts";

const root = resolve(import.meta.dirname, "../..");
const stages = parseDockerfile(readFileSync(join(root, "Dockerfile"), "utf8"));
const runtime = stages.at(-1) as Stage;
const ignored = dockerignore(readFileSync(join(root, ".dockerignore"), "utf8"));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  scripts: Record<string, string>;
};

const all = (stage: Stage, keyword: string) =>
  stage.instructions.filter((i) => i.keyword === keyword);
const copies = (stage: Stage) => all(stage, "COPY").map(parseCopy);
const workdir = (stage: Stage) => all(stage, "WORKDIR").at(-1)?.args ?? "/";
const runtimeEnv = Object.assign({}, ...all(runtime, "ENV").map(parseEnv)) as Record<
  string,
  string
>;
const command = execForm(all(runtime, "CMD").at(-1)?.args ?? "");

/** Files git tracks (what a clean checkout, and so a build context, holds). */
const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" })
  .split("\0")
  .filter(Boolean);
const trackedUnder = (dir: string) =>
  tracked.filter((f) => f === dir || f.startsWith(`${dir.replace(/\/$/, "")}/`));

/** Where a path a build-stage COPY --from names comes from in the repository. */
function inBuildStage(stageName: string, path: string): string {
  const stage = stages.find((s) => s.name === stageName);
  if (!stage) throw new Error(`COPY --from=${stageName}: no such stage`);
  return posix.relative(workdir(stage), path);
}

// What the build stage's RUN lines make rather than copy: dist/ from tsc, node_modules/ from npm.
const buildOutDir = (
  JSON.parse(
    readFileSync(join(root, "tsconfig.build.json"), "utf8").replace(/^\s*\/\/.*$/gm, ""),
  ) as { compilerOptions: { outDir: string; rootDir: string } }
).compilerOptions;
const BUILT = new Set([buildOutDir.outDir, "node_modules"]);

/**
 * The shipped glossary arrives with the engine that reads it (another branch). Until
 * then the runtime COPY of glossary/ may name a folder not here yet; once any source
 * reads `glossary/engineering.yml`, the folder must exist like every other source.
 */
function awaited(path: string): boolean {
  if (path !== "glossary" || existsSync(join(root, path))) return false;
  return !tracked.some(
    (f) => f.startsWith("src/") && readFileSync(join(root, f), "utf8").includes("engineering.yml"),
  );
}

describe("the Dockerfile", () => {
  it("builds and runs on Node 20's slim image, in two stages", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage.base).toMatch(/^node:20-bookworm-slim$/);
    expect(
      stages.slice(0, -1).every((s) => s.name),
      "build stages are named",
    ).toBe(true);
  });

  it("copies only files the repository has, the build makes, and .dockerignore lets through", () => {
    for (const stage of stages) {
      for (const copy of copies(stage)) {
        for (const source of copy.sources) {
          const where = `Dockerfile:${copy.line}: COPY ${copy.from ? `--from=${copy.from} ` : ""}${source}`;
          if (copy.from) {
            const path = inBuildStage(copy.from, source);
            if (BUILT.has(path) || awaited(path)) continue;
            expect(trackedUnder(path).length, `${where}: not in the repository`).toBeGreaterThan(0);
            continue;
          }
          if (awaited(source)) continue;
          const files = source === "." ? tracked : trackedUnder(source);
          expect(files.length, `${where}: not in the repository`).toBeGreaterThan(0);
          // `COPY . .` may leave things out; a named source must arrive whole.
          if (source === ".") continue;
          for (const file of files) {
            expect(ignored(file), `${where}: ${file} is excluded by .dockerignore`).toBeUndefined();
          }
        }
      }
    }
  });

  it("sends the build what `npm run build` reads, and never secrets or local state", () => {
    const needed = [
      "package.json",
      "package-lock.json",
      "tsconfig.json",
      "tsconfig.build.json",
      ...trackedUnder("src"),
    ];
    for (const file of needed)
      expect(ignored(file), `${file} must reach the build`).toBeUndefined();
    for (const path of [
      ".env",
      "node_modules/x",
      "dist/main.js",
      "data/aifirst.sqlite",
      ".git/HEAD",
    ]) {
      expect(ignored(path), `${path} must stay out of the build context`).toBeDefined();
    }
  });

  it("installs the native module's build tools, builds dist/ with its sources present, and ships no devDependencies", () => {
    const [build] = stages;
    const runs = all(build as Stage, "RUN").map((r) => r.args);
    expect(runs.join(" ")).toMatch(/apt-get install[^&]*\bpython3\b[^&]*\bmake\b[^&]*\bg\+\+/);
    // `npm ci` runs `prepare` (tsc over src/): only with --ignore-scripts before the sources arrive.
    let sourcesCopied = false;
    for (const i of (build as Stage).instructions) {
      if (i.keyword === "COPY" && parseCopy(i).sources.includes(".")) sourcesCopied = true;
      if (i.keyword === "RUN" && /\bnpm ci\b/.test(i.args) && !/--ignore-scripts/.test(i.args)) {
        expect(
          sourcesCopied,
          `Dockerfile:${i.line}: npm ci runs prepare before src/ is copied`,
        ).toBe(true);
      }
    }
    expect(
      runs.some((r) => /npm run build\b/.test(r) || (/\bnpm ci\b/.test(r) && sourcesCopied)),
    ).toBe(true);
    expect(runs.some((r) => /npm prune --omit=dev|npm ci --omit=dev/.test(r))).toBe(true);
    // The runtime stage installs nothing: it copies the build's finished node_modules.
    expect(
      all(runtime, "RUN")
        .map((r) => r.args)
        .join(" "),
    ).not.toMatch(/\bnpm\b|apt-get/);
  });

  it("runs the built entry with node itself, as PID 1", () => {
    expect(
      command,
      "CMD must be the exec form, so node (not a shell) receives signals",
    ).toBeDefined();
    const [program, entry, verb] = command ?? [];
    expect(program).toBe("node");
    expect(verb).toBe("serve");
    // `npm run build` compiles src/ into outDir, so src/main.ts becomes dist/main.js.
    expect(existsSync(join(root, buildOutDir.rootDir, "main.ts"))).toBe(true);
    expect(entry).toBe(posix.join(buildOutDir.outDir, "main.js"));
    const shipped = copies(runtime).find(
      (c) => c.from && c.sources.some((s) => inBuildStage(c.from ?? "", s) === buildOutDir.outDir),
    );
    expect(shipped, "the runtime stage copies the build's dist/").toBeDefined();
    expect(posix.join(workdir(runtime), (shipped as Copy).dest)).toBe(
      posix.join(workdir(runtime), buildOutDir.outDir),
    );
    expect(
      existsSync(join(root, entry ?? "")),
      `${entry} is missing: run \`npm run build\` (npm test does it first)`,
    ).toBe(true);
  });

  it("runs as an unprivileged user, with a health check, the default port and DATA_DIR as a volume", () => {
    const user = all(runtime, "USER").at(-1)?.args;
    expect(user, "the runtime stage needs a USER").toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    const lastUser = all(runtime, "USER").at(-1) as Instruction;
    expect(
      runtime.instructions.filter((i) => i.line > lastUser.line && i.keyword === "RUN"),
      "nothing runs as root after USER",
    ).toEqual([]);

    const health = all(runtime, "HEALTHCHECK").at(-1)?.args ?? "";
    expect(health, "HEALTHCHECK uses node: slim images have no curl or wget").toMatch(
      /CMD \["node"/,
    );

    expect(runtimeEnv.NODE_ENV).toBe("production");
    expect(Number(runtimeEnv.PORT)).toBe(parseConfig({}).port);
    expect(all(runtime, "EXPOSE").map((e) => e.args)).toContain(runtimeEnv.PORT);

    const dataDir = runtimeEnv.DATA_DIR ?? "";
    expect(dataDir).toMatch(/^\//);
    const volume = all(runtime, "VOLUME").at(-1) as Instruction;
    expect(execForm(volume.args) ?? volume.args.split(" ")).toContain(dataDir);
    // Changes after VOLUME are discarded: the folder is made the user's before it.
    const chown = all(runtime, "RUN").find((r) => r.args.includes(dataDir) && /chown/.test(r.args));
    expect(chown, `a RUN gives ${dataDir} to ${user}`).toBeDefined();
    expect(chown?.args).toContain(user?.split(":")[0]);
    expect((chown as Instruction).line).toBeLessThan(volume.line);
  });

  it("imports at runtime only packages that are production dependencies", () => {
    const dist = join(root, buildOutDir.outDir);
    expect(existsSync(dist), "dist/ is missing: run `npm run build` (npm test does it first)").toBe(
      true,
    );
    const builtins = new Set(builtinModules);
    const used = new Set<string>();
    for (const file of jsFiles(dist)) {
      const text = readFileSync(file, "utf8");
      // Import and export statements start a line in tsc's output; dynamic imports may not.
      const statements = /^(?:(?:import|export)\s[^;"'()]*?\bfrom|import)\s*["']([^"']+)["']/gm;
      const dynamic = /\bimport\(\s*["']([^"']+)["']\s*\)/g;
      for (const m of [...text.matchAll(statements), ...text.matchAll(dynamic)]) {
        const spec = m[1] ?? "";
        if (spec.startsWith(".") || spec.startsWith("node:") || builtins.has(spec)) continue;
        used.add(
          spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : (spec.split("/")[0] ?? ""),
        );
      }
    }
    expect(used.size).toBeGreaterThan(0);
    for (const name of used) {
      expect(
        pkg.dependencies[name],
        `${name} is imported by dist/ but pruned from the image`,
      ).toBeDefined();
    }
  });
});

describe("the runtime stage, run as the container would", () => {
  const app = mkdtempSync(join(tmpdir(), "aifirst-image-"));
  const volume = mkdtempSync(join(tmpdir(), "aifirst-data-"));
  let server: ChildProcess | undefined;
  afterAll(() => {
    server?.kill("SIGKILL");
    rmSync(app, { recursive: true, force: true });
    rmSync(volume, { recursive: true, force: true });
  });

  it("serves /healthz from only the copied files, passes its HEALTHCHECK, writes only to DATA_DIR and stops on SIGTERM", async () => {
    expect(
      existsSync(join(root, buildOutDir.outDir, "main.js")),
      "dist/main.js is missing: run `npm run build` (npm test does it first)",
    ).toBe(true);
    layOut(app);
    const before = listing(app);

    // The image's environment, with the volume and the app folder where this test put them.
    const env: Record<string, string> = { PATH: process.env.PATH ?? "" };
    for (const [key, value] of Object.entries(runtimeEnv)) {
      env[key] =
        value === workdir(runtime) || value.startsWith(`${workdir(runtime)}/`)
          ? join(app, posix.relative(workdir(runtime), value))
          : value;
    }
    Object.assign(env, { DATA_DIR: volume, PORT: "0", HOST: "127.0.0.1", LOG_FORMAT: "json" });

    const [program = "", ...args] = command ?? [];
    expect(program).toBe("node");
    const child = spawn(process.execPath, args, {
      cwd: app,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    server = child;
    const exited = new Promise<number | null>((done) => child.on("exit", done));
    let output = "";
    const port = await new Promise<number>((done, fail) => {
      const read = (chunk: Buffer) => {
        output += chunk;
        const m = /"msg":"listening","port":(\d+)/.exec(output);
        if (m) done(Number(m[1]));
      };
      child.stdout?.on("data", read);
      child.stderr?.on("data", read);
      exited.then((code) =>
        fail(new Error(`the server exited (${code}) before listening:\n${output}`)),
      );
    });

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    const body = (await health.json()) as { status: string; content: { problems: string[] } };
    expect(body.status).toBe("ok");
    expect(body.content.problems, "the copied files load without problems").toEqual([]);
    const ask = await fetch(`http://127.0.0.1:${port}/api/ask?q=step%203`);
    expect(((await ask.json()) as { step: { number: number } }).step.number).toBe(3);

    expect(await healthcheck(env, port), "the HEALTHCHECK passes against the server").toBe(0);
    // The image's files belong to root and are read-only to the server's user.
    expect(listing(app)).toEqual(before);

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    server = undefined;
    expect(await healthcheck(env, port), "the health check fails once the server is gone").not.toBe(
      0,
    );
  });
});

/** Lays out the runtime stage's COPY lines under `app`, the build's output taken from this checkout. */
function layOut(app: string): void {
  for (const copy of copies(runtime)) {
    for (const source of copy.sources) {
      const path = copy.from ? inBuildStage(copy.from, source) : source;
      if (awaited(path)) continue;
      const from = join(root, path);
      const to = join(
        app,
        copy.dest.endsWith("/") && !statSync(from).isDirectory()
          ? join(copy.dest, basename(path))
          : copy.dest,
      );
      mkdirSync(join(to, ".."), { recursive: true });
      // node_modules is large: linked, which Node resolves to the same packages.
      if (path === "node_modules") symlinkSync(from, to, "dir");
      else cpSync(from, to, { recursive: true });
    }
  }
}

/** Runs the HEALTHCHECK's command as Docker would, in the container's environment. */
async function healthcheck(env: Record<string, string>, port: number): Promise<number | null> {
  const args = all(runtime, "HEALTHCHECK").at(-1)?.args ?? "";
  const argv = execForm(args.slice(args.indexOf("CMD ") + 4)) ?? [];
  const timeout = Number(/--timeout=(\d+)s/.exec(args)?.[1] ?? 30) * 1000;
  const [program, ...rest] = argv;
  expect(program).toBe("node");
  const check = spawn(process.execPath, rest, { env: { ...env, PORT: String(port) }, timeout });
  return new Promise((done) => check.on("exit", (code) => done(code)));
}

function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => !f.startsWith("node_modules"))
    .map((f) => relative(dir, join(dir, f)))
    .sort();
}
