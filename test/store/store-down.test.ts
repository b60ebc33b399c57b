/**
 * A store whose database is down: it still opens, answers never wait or
 * fail, the queue stays bounded, failures are logged rarely, reads say the
 * store is down, and it catches up once the database is back.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { type AddressInfo, connect as connectTcp, createServer, type Socket } from "node:net";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log.ts";
import { connect } from "../../src/store/connect.ts";
import { sql } from "../../src/store/kysely.ts";
import { MAX_QUEUED } from "../../src/store/write-queue.ts";
import {
  freePort,
  postgresSkipReason,
  startPostgres,
  type TestPostgres,
} from "../support/postgres.ts";
import {
  capturingLogger,
  closeStores,
  event,
  eventually,
  open,
  removeTempDirs,
  tempDir,
} from "./engines.ts";

const DAY = 86_400_000;
const everything = () => ({ from: new Date(0), to: new Date(Date.now() + DAY) });

afterEach(() => closeStores());
afterAll(() => removeTempDirs());

/**
 * A TCP proxy to Postgres that can drop everything it is sent, as a network losing packets
 * does: no error, no end, no answer. Forwarding again does not bring back what was dropped.
 */
async function droppingProxy(upstreamPort: number) {
  let dropping = false;
  const sockets: Socket[] = [];
  const proxy = createServer((client) => {
    const server = connectTcp(upstreamPort, "127.0.0.1");
    sockets.push(client, server);
    client.on("data", (d) => {
      if (!dropping) server.write(d);
    });
    server.on("data", (d) => {
      if (!dropping) client.write(d);
    });
    for (const s of [client, server]) s.on("error", () => {});
    client.on("close", () => server.destroy());
    server.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    url: `postgres://app@127.0.0.1:${port}/postgres`,
    drop: () => {
      dropping = true;
    },
    forward: () => {
      dropping = false;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => proxy.close(resolve));
    },
  };
}

/** A database migrated through its own address, then read through a dropping network, one connection at a time. */
async function oneConnectionThrough(up: TestPostgres, queryTimeoutMs: number) {
  const direct = await connect({ dataDir: tempDir(), databaseUrl: up.url() }, silentLogger);
  await direct.db.destroy();
  const network = await droppingProxy(up.port);
  const { db } = await connect(
    { dataDir: tempDir(), databaseUrl: network.url, queryTimeoutMs },
    silentLogger,
    { readOnly: true },
  );
  return { db, network };
}

async function expectDown(promise: Promise<unknown>): Promise<void> {
  await expect(promise).rejects.toMatchObject({ code: "AIFIRST_STORE_DOWN" });
}

describe("a store whose Postgres is down at start", () => {
  const skip = postgresSkipReason();
  let cluster: TestPostgres | undefined;
  afterAll(() => cluster?.stop());

  it.skipIf(skip !== undefined)(
    "opens degraded, keeps queueing, refuses reads, then catches up when Postgres comes",
    async () => {
      const port = await freePort();
      const { logger, lines } = capturingLogger();
      const store = await open(
        { dataDir: tempDir(), databaseUrl: `postgres://app@127.0.0.1:${port}/postgres` },
        { logger },
      );
      expect(store.engine).toBe("postgres");
      expect(store.health()).toBe("degraded");

      expect(() => {
        for (let i = 0; i < 100; i++) store.record(event({ id: `down-${i}` }));
      }).not.toThrow();
      expect(store.stats().queued).toBe(100);
      await expectDown(store.insights(everything()));
      await expectDown(store.alternates());
      await expectDown(store.feedback({ id: "down-1", user: "U1", helpful: true }));
      await expectDown(store.forget("U1"));
      await expectDown(store.purge());
      await expectDown(store.exportCsv(new PassThrough(), everything()));
      await store.flush(); // resolves: nothing can be written, nothing is thrown
      // Retries are answered once per instance while the shared record is out of reach.
      expect(await store.claimEvent("Ev1")).toBe(true);
      expect(await store.claimEvent("Ev1")).toBe(false);

      // Several reconnect attempts (every 200 ms here), one warning a minute.
      await new Promise((r) => setTimeout(r, 700));
      const warnings = lines.filter((l) => l.msg === "store writes failing");
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({ level: "warn", failed: 1, dropped: 0 });
      expect(store.stats().failed).toBeGreaterThan(1);

      cluster = await startPostgres({ port });
      await eventually(() => expect(store.health()).toBe("ok"), 10_000);
      await store.flush();
      expect(store.stats().queued).toBe(0);
      expect((await store.insights(everything())).asked).toBe(100);
      expect(await store.feedback({ id: "down-1", user: "U1", helpful: true })).toBe("recorded");
    },
  );
});

describe("a store whose Postgres goes away while it runs", () => {
  const skip = postgresSkipReason();
  let cluster: TestPostgres | undefined;
  afterAll(() => cluster?.stop());
  /** The cluster the tests share, started if need be, and running (unless a test before failed, it is). */
  const running = async (): Promise<TestPostgres> => {
    cluster ??= await startPostgres();
    await cluster.resume().catch(() => {});
    return cluster;
  };

  it.skipIf(skip !== undefined)(
    "turns degraded, logs the failures once, and writes the queue after Postgres is back",
    async () => {
      cluster = await startPostgres();
      const { logger, lines } = capturingLogger();
      const store = await open({ dataDir: tempDir(), databaseUrl: cluster.url() }, { logger });
      store.record(event({ id: "before" }));
      await store.flush();
      expect(store.health()).toBe("ok");

      await cluster.pause();
      for (let i = 0; i < 50; i++) store.record(event({ id: `during-${i}` }));
      await eventually(() => expect(store.health()).toBe("degraded"), 10_000);
      await expectDown(store.insights(everything()));
      expect(store.stats().queued).toBe(50);

      await cluster.resume();
      await eventually(() => expect(store.stats().queued).toBe(0), 15_000);
      expect(store.health()).toBe("ok");
      expect((await store.insights(everything())).asked).toBe(51);
      expect(lines.filter((l) => l.msg === "store writes failing")).toHaveLength(1);
    },
  );

  it.skipIf(skip !== undefined)(
    "keeps trying what is queued at close while Postgres is down, and writes it when it is back",
    async () => {
      const paused = await running();
      const { logger, lines } = capturingLogger();
      const store = await open(
        { dataDir: tempDir(), databaseUrl: paused.url() },
        { logger, closeRetryMs: 15_000 },
      );
      await paused.pause();
      for (let i = 0; i < 20; i++) store.record(event({ id: `at-close-${i}` }));
      // A deploy stops the instance while the database restarts.
      const closing = store.close();
      await new Promise((r) => setTimeout(r, 1_000));
      await paused.resume();
      await closing;
      expect(lines.some((l) => l.msg === "store: closed with unwritten events")).toBe(false);
      const { db } = await connect({ dataDir: tempDir(), databaseUrl: paused.url() }, silentLogger);
      try {
        const { n } = await db
          .selectFrom("question_event")
          .where("id", "like", "at-close-%")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow();
        expect(Number(n)).toBe(20);
      } finally {
        await db.destroy();
      }
    },
  );

  it.skipIf(skip !== undefined)(
    "closes within its time when the database stops answering mid-write (packets dropped)",
    async () => {
      const network = await droppingProxy((await running()).port);
      try {
        const { logger, lines } = capturingLogger();
        const store = await open(
          { dataDir: tempDir(), databaseUrl: network.url },
          { logger, closeRetryMs: 1_500, flushIntervalMs: 10 },
        );
        store.record(event({ id: "frozen-before" }));
        await store.flush();
        network.drop();
        store.record(event({ id: "frozen-during" }));
        await new Promise((r) => setTimeout(r, 200)); // its write starts, and hangs
        const started = Date.now();
        await store.close();
        // 1.5 s of trying, then at most a second to let go of the connections.
        expect(Date.now() - started).toBeLessThan(4_000);
        // Sent, and never answered: it may have been written, so it is not counted as lost.
        expect(lines.find((l) => l.msg === "store: closed with unwritten events")).toMatchObject({
          lost: 0,
          unanswered: 1,
        });
      } finally {
        await network.close();
      }
    },
  );

  it.skipIf(skip !== undefined)(
    "gives up on a write the network swallowed and writes it again on a fresh connection",
    async () => {
      const up = await running();
      const network = await droppingProxy(up.port);
      try {
        const store = await open(
          { dataDir: tempDir(), databaseUrl: network.url },
          { queryTimeoutMs: 300, flushIntervalMs: 10, reconnectIntervalMs: 200 },
        );
        store.record(event({ id: "swallowed-before" }));
        await store.flush();
        network.drop();
        store.record(event({ id: "swallowed" }));
        await new Promise((r) => setTimeout(r, 200)); // its write is sent, and lost
        // The network is back, but what it lost is lost: no answer will ever come on that connection.
        network.forward();
        await eventually(() => expect(store.stats().queued).toBe(0), 15_000);
        expect(store.health()).toBe("ok");
        const { db } = await connect({ dataDir: tempDir(), databaseUrl: up.url() }, silentLogger);
        try {
          const rows = await db
            .selectFrom("question_event")
            .where("id", "=", "swallowed")
            .select("id")
            .execute();
          expect(rows).toHaveLength(1);
        } finally {
          await db.destroy();
        }
      } finally {
        await network.close();
      }
    },
  );

  it.skipIf(skip !== undefined)(
    "tries a write again, rather than rejecting it, when it waited on a lock past its time",
    async () => {
      const up = await running();
      const { logger, lines } = capturingLogger();
      const store = await open(
        { dataDir: tempDir(), databaseUrl: up.url() },
        { logger, queryTimeoutMs: 300, flushIntervalMs: 10, reconnectIntervalMs: 200 },
      );
      store.record(event({ id: "locked-before" }));
      await store.flush();
      const { db } = await connect({ dataDir: tempDir(), databaseUrl: up.url() }, silentLogger);
      try {
        // An operator's long transaction (a backfill, a manual fix) holds the table.
        const holding = db.transaction().execute(async (trx) => {
          await sql`lock table question_event in access exclusive mode`.execute(trx);
          store.record(event({ id: "locked-out" }));
          await new Promise((r) => setTimeout(r, 1_500));
        });
        await holding;
        await eventually(() => expect(store.stats().queued).toBe(0), 10_000);
        const rows = await db
          .selectFrom("question_event")
          .where("id", "=", "locked-out")
          .select("id")
          .execute();
        expect(rows).toHaveLength(1);
        expect(lines.some((l) => l.msg === "store: events rejected by the database")).toBe(false);
      } finally {
        await db.destroy();
      }
    },
  );

  it.skipIf(skip !== undefined)(
    "closes a connection whose query went unanswered, so the next query does not wait behind it",
    async () => {
      const { db, network } = await oneConnectionThrough(await running(), 300);
      try {
        const one = () => sql<{ one: number }>`select 1 as one`.execute(db);
        await one();
        network.drop();
        await expect(one()).rejects.toThrow(/query read timeout/i);
        network.forward();
        // A fresh connection answers; the lost one would never have.
        expect((await one()).rows).toEqual([{ one: 1 }]);
      } finally {
        await db.destroy().catch(() => {});
        await network.close();
      }
    },
  );

  it.skipIf(skip !== undefined)(
    "fails a transaction whose query went unanswered without waiting again for its rollback",
    async () => {
      const timeout = 1_500;
      const { db, network } = await oneConnectionThrough(await running(), timeout);
      try {
        let dropped = 0;
        const failing = db.transaction().execute(async (trx) => {
          await sql`select 1`.execute(trx);
          network.drop();
          dropped = Date.now();
          await sql`select 1`.execute(trx);
        });
        await expect(failing).rejects.toThrow(/query read timeout/i);
        // Its rollback, on the same unanswered connection, fails at once rather than time out too.
        expect(Date.now() - dropped).toBeLessThan(timeout * 1.7);
        network.forward();
        expect((await sql<{ one: number }>`select 1 as one`.execute(db)).rows).toEqual([
          { one: 1 },
        ]);
      } finally {
        await db.destroy().catch(() => {});
        await network.close();
      }
    },
  );

  it.skipIf(skip !== undefined)(
    "notices Postgres going away and coming back while nothing is recorded or read",
    async () => {
      const up = await running();
      const store = await open({ dataDir: tempDir(), databaseUrl: up.url() });
      expect(store.health()).toBe("ok");

      // An idle instance beside a busy one: it writes and reads nothing, yet its health
      // page must not say "ok" through the outage.
      await up.pause();
      await eventually(() => expect(store.health()).toBe("degraded"), 10_000);
      await up.resume();
      await eventually(() => expect(store.health()).toBe("ok"), 15_000);
    },
  );

  it.skipIf(skip !== undefined)(
    "survives Postgres shutting down while a transaction holds a connection",
    async () => {
      const paused = await running();
      const { db } = await connect({ dataDir: tempDir(), databaseUrl: paused.url() }, silentLogger);
      try {
        const inTransaction = db.transaction().execute(async (trx) => {
          await trx.selectFrom("meta").selectAll().execute();
          // No query is running on this checked-out client when the server says goodbye.
          await paused.pause();
          await new Promise((r) => setTimeout(r, 300));
          await trx.selectFrom("meta").selectAll().execute();
        });
        await expect(inTransaction).rejects.toThrow();
      } finally {
        await db.destroy().catch(() => {});
        await paused.resume();
      }
    },
  );
});

describe("a store whose setting is wrong, not its database down", () => {
  const skip = postgresSkipReason();
  let cluster: TestPostgres | undefined;
  afterAll(() => cluster?.stop());

  it.skipIf(skip !== undefined)(
    "says Postgres refused the database or role DATABASE_URL names, and still retries",
    async () => {
      cluster = await startPostgres();
      const firstLine = async (databaseUrl: string) => {
        const { logger, lines } = capturingLogger();
        const store = await open({ dataDir: tempDir(), databaseUrl }, { logger });
        expect(store.health()).toBe("degraded");
        return { store, line: lines[0] };
      };
      const role = await firstLine(cluster.url().replace("//app@", "//nobody@"));
      expect(role.line).toMatchObject({
        level: "warn",
        msg: 'store: Postgres refused the connection: role "nobody" does not exist; check DATABASE_URL (retrying)',
      });
      const { store, line } = await firstLine(cluster.url("nodb"));
      expect(line).toMatchObject({
        level: "warn",
        msg: 'store: Postgres refused the connection: database "nodb" does not exist; check DATABASE_URL (retrying)',
      });
      // Made meanwhile, as an operator fixing it would: the store finds it without a restart.
      const admin = new pg.Client({ connectionString: cluster.url() });
      await admin.connect();
      await admin.query("CREATE DATABASE nodb");
      await admin.end();
      await eventually(() => expect(store.health()).toBe("ok"), 10_000);
    },
  );

  it("says which DATA_DIR cannot hold SQLite's file, and why", async () => {
    const blocker = join(tempDir(), "not-a-dir");
    writeFileSync(blocker, "a file where the data folder should go");
    const said = async (dataDir: string) => {
      const { logger, lines } = capturingLogger();
      const store = await open({ dataDir }, { logger });
      expect(store.health()).toBe("degraded");
      return lines[0];
    };
    expect(await said(blocker)).toMatchObject({
      level: "warn",
      msg: `store: cannot open the store in DATA_DIR=${blocker}: it is a file, not a folder (retrying)`,
    });
    expect(await said(join(blocker, "data"))).toMatchObject({
      msg: `store: cannot open the store in DATA_DIR=${join(blocker, "data")}: part of the path is a file, not a folder (retrying)`,
    });
    const holder = tempDir();
    mkdirSync(join(holder, "aifirst.sqlite"));
    expect(await said(holder)).toMatchObject({
      msg: `store: cannot open the store in DATA_DIR=${holder}: SQLite cannot open its file there (retrying)`,
    });
  });
});

describe("a store whose SQLite file cannot be created", () => {
  it("opens degraded and recovers once the directory can be made", async () => {
    const blocker = join(tempDir(), "not-a-dir");
    writeFileSync(blocker, "a file where the data folder should go");
    const store = await open({ dataDir: join(blocker, "data") });
    expect(store.engine).toBe("sqlite");
    expect(store.health()).toBe("degraded");
    store.record(event({ id: "waiting" }));
    await expectDown(store.insights(everything()));

    rmSync(blocker);
    await eventually(() => expect(store.health()).toBe("ok"), 5_000);
    expect((await store.insights(everything())).asked).toBe(1);
  });
});

describe("the write queue while the database is down", () => {
  it("holds at most its bound, dropping the oldest and counting them", async () => {
    const port = await freePort();
    const { logger, lines } = capturingLogger();
    const store = await open(
      { dataDir: tempDir(), databaseUrl: `postgres://app@127.0.0.1:${port}/postgres` },
      { logger, reconnectIntervalMs: 60_000 },
    );
    for (let i = 0; i < MAX_QUEUED + 5_000; i++) store.record(event({ id: `q-${i}` }));
    expect(store.stats()).toMatchObject({ queued: MAX_QUEUED, dropped: 5_000 });
    for (let i = 0; i < 10_000; i++) store.record(event());
    expect(store.stats()).toMatchObject({ queued: MAX_QUEUED, dropped: 15_000 });

    // Closed twice at once (a signal and a test harness, say): one close, the same promise.
    const first = store.close();
    expect(store.close()).toBe(first);
    await first;
    const closing = lines.filter((l) => l.msg === "store writes failing").at(-1);
    expect(closing).toMatchObject({ dropped: 15_000 });
    expect(lines.find((l) => l.msg === "store: closed with unwritten events")).toMatchObject({
      lost: MAX_QUEUED,
      unanswered: 0,
    });
    // What was given up at close is dropped too, for /metrics.
    expect(store.stats().dropped).toBe(15_000 + MAX_QUEUED);
  });
});
