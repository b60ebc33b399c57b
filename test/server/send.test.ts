import { once } from "node:events";
import { createServer, type Server, type ServerResponse } from "node:http";
import { type AddressInfo, createConnection, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { sendBody } from "../../src/server/send.ts";
import { rawExchange } from "../support/raw.ts";

type StreamWrite = (...args: unknown[]) => unknown;

/** How the server's sockets were written to: plain writes and gathered (`writev`) ones. */
interface Writes {
  plain: number;
  gathered: number;
}

let server: Server | undefined;
afterEach(() => server?.close());

/**
 * A bare Node server whose handler is `handle`, with every connection's socket
 * watched: Node's streams call `_write` for one chunk and `_writev` for
 * several, which the kernel then gets as one `write(2)` or one `writev(2)`.
 */
async function serve(
  handle: (res: ServerResponse) => void,
): Promise<{ base: string; writes: Writes }> {
  const writes: Writes = { plain: 0, gathered: 0 };
  server = createServer((_req, res) => handle(res));
  server.on("connection", (socket: Socket) => {
    const s = socket as Socket & { _write: StreamWrite; _writev: StreamWrite };
    const write = s._write;
    const writev = s._writev;
    s._write = function (this: Socket, ...args: unknown[]) {
      writes.plain++;
      return write.apply(this, args);
    };
    s._writev = function (this: Socket, ...args: unknown[]) {
      writes.gathered++;
      return writev.apply(this, args);
    };
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, writes };
}

describe("sendBody", () => {
  // This counts what Node 20's http module hands its socket: a Node that corks or queues
  // differently may need this test (and sendBody) looked at again.
  it("sends the head and the body in one plain write", async () => {
    // Outside Latin-1, so the string is two-byte and the length counts bytes, not units.
    const body = JSON.stringify({ answer: "Pilot — then measure 🙂", n: "x".repeat(600) });
    const { base, writes } = await serve((res) => sendBody(res, 200, body));
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBe(String(Buffer.byteLength(body)));
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.text()).toBe(body);
    expect(writes).toEqual({ plain: 1, gathered: 0 });
  });

  it("keeps replies in order on a connection that sends two requests at once", async () => {
    let n = 0;
    // The second reply waits behind the first, with no socket of its own yet: Node queues it.
    const { base } = await serve((res) => sendBody(res, 200, `{"n":${++n}}`));
    const both = await rawExchange(
      base,
      "GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    expect(both.match(/\{"n":\d\}/g)).toEqual(['{"n":1}', '{"n":2}']);
  });

  it("sends an empty body with no content type and a zero length", async () => {
    const { base } = await serve((res) => sendBody(res, 204, ""));
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(204);
    expect(res.headers.get("content-type")).toBeNull();
    expect(await res.text()).toBe("");
  });

  it("does nothing to a reply already started, and nothing fails when the client is gone", async () => {
    const gone = new Promise<unknown>((resolve) => {
      void serve((res) => {
        // The client hangs up first; the answer comes afterwards.
        res.on("close", () => {
          try {
            sendBody(res, 200, '{"late":true}');
            sendBody(res, 500, '{"twice":true}');
            resolve(null);
          } catch (error) {
            resolve(error);
          }
        });
      }).then(({ base }) => {
        const { hostname, port } = new URL(base);
        const client = createConnection(Number(port), hostname);
        client.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n", () =>
          setTimeout(() => client.destroy(), 50),
        );
      });
    });
    expect(await gone).toBeNull();
  });
});
