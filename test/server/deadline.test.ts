import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.ts";
import { deadline, jsonBody } from "../../src/server/middleware.ts";
import { rawExchange } from "../support/raw.ts";

// Node's own request timeout is off here, so whatever answers is the deadline's.
const logs: Array<Record<string, unknown>> = [];
const logger = createLogger({ format: "json", write: (l) => logs.push(JSON.parse(l)) });
const app = express();
app.use(deadline(200, logger));
app.post("/echo", jsonBody("1kb"), (req, res) => {
  res.json(req.body);
});
app.post("/never", () => undefined);
const server = createServer({ requestTimeout: 0 }, app);
let base = "";
beforeAll(async () => {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const head = (path: string, length: number) =>
  `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;

describe("the request deadline", () => {
  it("answers 408 when the client's body is still arriving: its delay, not ours", async () => {
    const reply = await rawExchange(base, head("/echo", 100), '{"q": ');
    expect(reply).toMatch(/^HTTP\/1\.1 408 /);
    expect(reply).toContain('{"error":"the request took too long to arrive"}');
    expect(logs.at(-1)).toMatchObject({ msg: "request timed out", waitingFor: "client" });
  });

  it("answers 503 when the request is all there and the server has not answered", async () => {
    const reply = await rawExchange(base, head("/never", 2), "{}");
    expect(reply).toMatch(/^HTTP\/1\.1 503 /);
    expect(logs.at(-1)).toMatchObject({ msg: "request timed out", waitingFor: "server" });
  });
});
