import { spawn } from "node:child_process";
import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log.ts";
import { createHttpServer, PortInUseError } from "../../src/server/http.ts";
import { botFor } from "../support/converse.ts";

let blocker: Server;
let port: number;
beforeAll(async () => {
  blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, resolve));
  const address = blocker.address();
  if (!address || typeof address === "string") throw new Error("no port");
  port = address.port;
});
afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

describe("a port that is already taken", () => {
  it("makes listen() reject with a clear message", async () => {
    const http = createHttpServer({ bot: await botFor(), logger: silentLogger });
    const listening = http.listen(port);
    await expect(listening).rejects.toBeInstanceOf(PortInUseError);
    await expect(listening).rejects.toThrow(`port ${port} is already in use`);
  });

  it("makes `aifirst serve` exit non-zero with that message and no stack", async () => {
    const child = spawn(process.execPath, ["bin/aifirst.js", "serve"], {
      env: { ...process.env, PORT: String(port), LOG_FORMAT: "json", DATA_DIR: "off" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(stderr).toContain(`aifirst: port ${port} is already in use`);
    expect(stderr).toContain("set PORT to a free port");
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
