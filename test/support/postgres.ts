/**
 * A throwaway PostgreSQL cluster for tests: initdb into a temp dir, pg_ctl
 * start on a free loopback port, stop and delete in teardown. Tests run as
 * root and initdb refuses root, so the binaries run as the `postgres` OS user
 * (via runuser), in directories it owns. Absent binaries fail the suite on CI
 * and skip it, with the reason printed, elsewhere.
 */
import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

export const PG_USER = "app";

/** The newest /usr/lib/postgresql/<version>/bin holding initdb, if any. */
export function postgresBinDir(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], "bin");
}

/**
 * Why Postgres tests cannot run here, or undefined when they can. On CI
 * (CI=true) a missing Postgres is an error, never a silent skip.
 */
export function postgresSkipReason(): string | undefined {
  const reason = postgresBinDir()
    ? undefined
    : "no PostgreSQL binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql)";
  if (reason && process.env.CI === "true") {
    throw new Error(`Postgres store tests cannot run on CI: ${reason}`);
  }
  if (reason) console.warn(`skipping Postgres store tests: ${reason}`);
  return reason;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface TestPostgres {
  port: number;
  /** URL of a database in this cluster (default: the `postgres` database). */
  url(database?: string): string;
  /** Creates a new empty database and returns its URL. */
  createDatabase(): Promise<string>;
  /** Stops the server, keeping its data, until `resume`. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
}

let databases = 0;

export async function startPostgres(options: { port?: number } = {}): Promise<TestPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("no PostgreSQL binaries under /usr/lib/postgresql/*/bin");
  const port = options.port ?? (await freePort());
  const root = mkdtempSync(join(tmpdir(), "aifirst-pg-"));
  const data = join(root, "data");
  const socket = join(root, "socket");
  mkdirSync(data);
  mkdirSync(socket);
  const uid = Number((await run("id", ["-u", "postgres"])).stdout.trim());
  const gid = Number((await run("id", ["-g", "postgres"])).stdout.trim());
  for (const dir of [root, data, socket]) chownSync(dir, uid, gid);
  const asPostgres = (tool: string, args: string[]) =>
    run("runuser", ["-u", "postgres", "--", join(bin, tool), ...args], { timeout: 60_000 });

  await asPostgres("initdb", [
    "-D",
    data,
    "-A",
    "trust",
    "-U",
    PG_USER,
    "--no-sync",
    "-E",
    "UTF8",
    "--locale=C",
  ]);
  const start = () =>
    asPostgres("pg_ctl", [
      "-D",
      data,
      "-l",
      join(root, "postgres.log"),
      "-w",
      "-t",
      "30",
      "-o",
      `-p ${port} -k ${socket} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off`,
      "start",
    ]);
  await start();

  const url = (database = "postgres") => `postgres://${PG_USER}@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    async createDatabase() {
      const name = `t${process.pid}_${++databases}`;
      const admin = new pg.Client({ connectionString: url() });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return url(name);
    },
    async pause() {
      await asPostgres("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
    },
    async resume() {
      await start();
    },
    async stop() {
      await asPostgres("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => {});
      rmSync(root, { recursive: true, force: true });
    },
  };
}
