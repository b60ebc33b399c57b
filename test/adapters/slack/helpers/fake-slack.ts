/**
 * A fake Slack on loopback: the Web API (`/api/<method>`), `response_url`
 * endpoints (`/response/<id>`) and, on demand, a Socket Mode WebSocket
 * (`/link`) speaking Slack's envelope protocol. It records every call so
 * tests can assert on what a user would actually have seen.
 */
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

export interface ApiCall {
  method: string;
  /** Parsed body; `blocks` and other JSON-valued fields decoded. */
  body: Record<string, unknown>;
  authorization: string | undefined;
  /** Set once the fake has sent its answer to the call. */
  answered?: boolean;
}

export interface ResponseUrlCall {
  id: string;
  body: Record<string, unknown>;
}

export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export interface FakeSlack {
  readonly url: string;
  readonly apiUrl: string;
  readonly calls: ApiCall[];
  readonly responses: ResponseUrlCall[];
  readonly acks: SocketAck[];
  /** While true every connection is dropped, as if Slack were unreachable. */
  down: boolean;
  /** When set, auth.test and apps.connections.open fail with this Slack error (e.g. invalid_auth). */
  authError: string | undefined;
  /** How long chat.postMessage takes to answer, as a slow Slack would. */
  postDelayMs: number;
  responseUrl(id: string): string;
  /** Calls to one Web API method. */
  callsTo(method: string): ApiCall[];
  /** Waits until `check` finds something; rejects after `ms`. */
  waitFor<T>(check: () => T | undefined, ms?: number): Promise<T>;
  /** Socket Mode: the open connections, newest last. */
  readonly sockets: WebSocket[];
  /** Sends an envelope to the newest connection and waits for its ack. */
  sendEnvelope(envelope: Record<string, unknown> & { envelope_id: string }): Promise<SocketAck>;
  close(): Promise<void>;
}

export const BOT = { userId: "UBOT", botId: "BBOT", teamId: "T0001" };

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: ApiCall[] = [];
  const responses: ResponseUrlCall[] = [];
  const acks: SocketAck[] = [];
  const sockets: WebSocket[] = [];
  const connections = new Set<Socket>();
  let ts = 1_700_000_000;
  let url = "";

  const server: Server = createServer(async (req, res) => {
    if (fake.down) {
      req.socket.destroy();
      return;
    }
    const raw = await readBody(req);
    const path = new URL(req.url ?? "/", "http://x").pathname;
    let call: ApiCall | undefined;
    const reply = (status: number, body: unknown) => {
      if (call) call.answered = true;
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (path.startsWith("/response/")) {
      responses.push({ id: path.slice("/response/".length), body: JSON.parse(raw || "{}") });
      reply(200, { ok: true });
      return;
    }
    if (!path.startsWith("/api/")) return reply(404, { ok: false, error: "unknown_path" });
    const method = path.slice("/api/".length);
    const body = parseBody(raw, req.headers["content-type"]);
    call = { method, body, authorization: req.headers.authorization };
    calls.push(call);
    if (fake.authError && (method === "auth.test" || method === "apps.connections.open")) {
      return reply(200, { ok: false, error: fake.authError });
    }
    switch (method) {
      case "auth.test":
        return reply(200, {
          ok: true,
          url: "https://example.slack.com/",
          team: "Example",
          user: "aifirst",
          team_id: BOT.teamId,
          user_id: BOT.userId,
          bot_id: BOT.botId,
        });
      case "chat.postMessage":
        if (fake.postDelayMs > 0) await new Promise((r) => setTimeout(r, fake.postDelayMs));
        // A channel the bot was never invited to.
        if (body.channel === "CNOTIN") return reply(200, { ok: false, error: "not_in_channel" });
        ts += 1;
        return reply(200, { ok: true, channel: body.channel, ts: `${ts}.000100` });
      case "chat.update":
        return reply(200, { ok: true, channel: body.channel, ts: body.ts, text: body.text });
      case "apps.connections.open":
        return reply(200, { ok: true, url: `${url.replace("http", "ws")}/link` });
      default:
        return reply(200, { ok: false, error: "unknown_method" });
    }
  });
  server.on("connection", (socket) => {
    connections.add(socket);
    socket.on("close", () => connections.delete(socket));
  });

  const wss = new WebSocketServer({ server, path: "/link" });
  wss.on("connection", (ws) => {
    sockets.push(ws);
    ws.on("message", (data) => {
      acks.push(JSON.parse(String(data)) as SocketAck);
    });
    ws.send(
      JSON.stringify({
        type: "hello",
        num_connections: 1,
        debug_info: { host: "fake-slack", approximate_connection_time: 18060 },
        connection_info: { app_id: "A0001" },
      }),
    );
  });

  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const fake: FakeSlack = {
    url,
    apiUrl: `${url}/api/`,
    calls,
    responses,
    acks,
    sockets,
    down: false,
    authError: undefined,
    postDelayMs: 0,
    responseUrl: (id) => `${url}/response/${id}`,
    callsTo: (method) => calls.filter((c) => c.method === method),
    async waitFor(check, ms = 5_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const found = check();
        if (found !== undefined && found !== false) return found;
        if (Date.now() > deadline) throw new Error("fake slack: timed out waiting");
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async sendEnvelope(envelope) {
      const ws = sockets.at(-1);
      if (!ws) throw new Error("fake slack: no socket mode connection");
      ws.send(JSON.stringify(envelope));
      return fake.waitFor(() => acks.find((a) => a.envelope_id === envelope.envelope_id));
    },
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      for (const socket of connections) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** The Web API client sends forms, with JSON-valued fields (blocks) as strings. */
function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes("application/json")) return JSON.parse(raw);
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
  }
  return out;
}
