/**
 * A web caller is recorded by its address, as the operator knows it: an IPv4 caller of a
 * server listening on both families (HOST empty, or "::") reaches Express as
 * "::ffff:127.0.0.1", and `aifirst forget 127.0.0.1` must still find its rows.
 */
import { describe, expect, it } from "vitest";
import { plainAddress } from "../../src/server/web-caller.ts";
import { startRealServer } from "./helpers/real-server.ts";

describe("who asked over the web", () => {
  it("is recorded by its IPv4 address on a dual-stack server, so forget finds it", async () => {
    const server = await startRealServer({ HOST: "::" });
    try {
      const base = `http://127.0.0.1:${server.running.port}`;
      const res = await fetch(
        `${base}/api/ask?q=${encodeURIComponent("how do we measure ai kpis")}`,
      );
      expect(res.status).toBe(200);
      const chat = await fetch(`${base}/api/chat`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ q: "what is a kpi scorecard" }),
      });
      expect(chat.status).toBe(200);
      const store = server.running.store;
      await store?.flush();
      expect(await store?.forget("127.0.0.1")).toBe(2);
      expect(await store?.forget("::ffff:127.0.0.1")).toBe(0);
    } finally {
      await server.close();
    }
  });

  it("keeps other addresses as they are", () => {
    expect(plainAddress("::ffff:203.0.113.5")).toBe("203.0.113.5");
    expect(plainAddress("::FFFF:10.0.0.1")).toBe("10.0.0.1");
    expect(plainAddress("2001:db8::1")).toBe("2001:db8::1");
    expect(plainAddress("::ffff:abcd")).toBe("::ffff:abcd");
    expect(plainAddress("127.0.0.1")).toBe("127.0.0.1");
  });
});
