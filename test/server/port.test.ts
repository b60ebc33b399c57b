import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log.ts";
import { createHttpServer, PortInUseError } from "../../src/server/http.ts";
import { botFor } from "../support/converse.ts";
import { serveUntilExit } from "../support/serve-exit.ts";

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
    const { code, stderr } = await serveUntilExit({
      PORT: String(port),
      LOG_FORMAT: "json",
      DATA_DIR: "off",
    });
    expect(code).toBe(1);
    expect(stderr).toContain(`aifirst: port ${port} is already in use`);
    expect(stderr).toContain("set PORT to a free port");
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe("a HOST that is not an address of this machine", () => {
  it("makes listen() reject naming HOST, for no address and for another machine's", async () => {
    for (const host of ["999.1.1.1", "192.0.2.1"]) {
      const http = createHttpServer({ bot: await botFor(), logger: silentLogger });
      await expect(http.listen(0, host)).rejects.toThrow(
        `aifirst: HOST=${host} is not an address of this machine: set HOST to one of its addresses, 0.0.0.0 or 127.0.0.1`,
      );
    }
  });

  it("makes `aifirst serve` exit 1 with that message and no stack", async () => {
    const { code, stderr } = await serveUntilExit({
      PORT: "0",
      HOST: "999.1.1.1",
      LOG_FORMAT: "json",
      DATA_DIR: "off",
    });
    expect(code).toBe(1);
    expect(stderr).toContain(
      "\naifirst: HOST=999.1.1.1 is not an address of this machine: set HOST to one of its addresses, 0.0.0.0 or 127.0.0.1\n",
    );
    expect(stderr).not.toContain("unexpected error");
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
