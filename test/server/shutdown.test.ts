import { describe, expect, it } from "vitest";
import type { Surface } from "../../src/server/surface.ts";
import { startTestServer } from "../support/server.ts";

/** A route that answers after `ms`, and tells the test when it has started. */
function slowSurface(ms: number) {
  let arrived: () => void = () => undefined;
  const started = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  let stopped = false;
  const surface: Surface = {
    description: "slow test route",
    mount(app) {
      app.get("/test/slow", (_req, res) => {
        arrived();
        const timer = setTimeout(() => res.json({ done: true }), ms);
        res.on("close", () => clearTimeout(timer));
      });
    },
    async stop() {
      stopped = true;
    },
  };
  return { surface, started, isStopped: () => stopped };
}

describe("graceful shutdown", () => {
  it("finishes a request in flight, then closes promptly and stops surfaces", async () => {
    const slow = slowSurface(400);
    const server = await startTestServer({ surfaces: () => [slow.surface] });
    const inFlight = fetch(`${server.base}/test/slow`);
    await slow.started;

    const closeStarted = Date.now();
    const closed = server.close();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ done: true });
    // The answered connection was keep-alive; shutdown must not wait for its idle timeout.
    expect(res.headers.get("connection")).toBe("close");
    await closed;
    expect(Date.now() - closeStarted).toBeLessThan(2_000);
    expect(slow.isStopped()).toBe(true);

    await expect(fetch(`${server.base}/healthz`)).rejects.toThrow();
  });

  it("cuts requests still running when the grace period is over", async () => {
    const slow = slowSurface(60_000);
    const server = await startTestServer({
      surfaces: () => [slow.surface],
      shutdownGraceMs: 200,
    });
    const inFlight = fetch(`${server.base}/test/slow`).then(
      () => "answered",
      () => "cut",
    );
    await slow.started;
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await inFlight).toBe("cut");
    await new Promise((r) => setTimeout(r, 20));
    expect(server.logs.some((l) => l.msg === "request aborted")).toBe(true);
  });

  it("can be asked to close twice", async () => {
    const server = await startTestServer();
    await Promise.all([server.close(), server.close()]);
  });
});
