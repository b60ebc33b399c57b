/**
 * Tells every instance when alternates may have changed. In-process, always;
 * on Postgres also through LISTEN/NOTIFY, on a dedicated pg.Client (a pooled
 * client may be handed to someone else and would miss notifications), so an
 * alternate confirmed through one instance reaches all within seconds.
 * Listeners are called debounced: a burst of changes is one call.
 */

import type pg from "pg";
import type { Logger } from "../log.ts";
import { KEEPALIVE_DELAY_MS } from "./connect.ts";
import { sql } from "./kysely.ts";
import type { Db } from "./schema.ts";

export const ALTERNATES_CHANNEL = "aifirst_alternates";
const DEBOUNCE_MS = 100;

export class AlternatesNotifier {
  private readonly listeners = new Set<() => void>();
  private debounce: NodeJS.Timeout | undefined;
  private client: pg.Client | undefined;
  private url: string | undefined;
  private retry: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly logger: Logger,
    private readonly reconnectMs: number,
  ) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Says alternates may have changed: here at once, elsewhere through Postgres when there is one. */
  async changed(db: Db | undefined): Promise<void> {
    this.fire();
    if (!this.url || !db) return;
    try {
      await sql`select pg_notify(${ALTERNATES_CHANNEL}, '')`.execute(db);
    } catch (error) {
      this.logger.warn("store: could not notify other instances", { error });
    }
  }

  /** Starts listening on Postgres; reconnects by itself until closed. */
  listen(url: string): void {
    this.url = url;
    void this.connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    if (this.debounce) clearTimeout(this.debounce);
    this.listeners.clear();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }

  private fire(): void {
    if (this.debounce || this.closed) return;
    this.debounce = setTimeout(() => {
      this.debounce = undefined;
      for (const listener of [...this.listeners]) {
        try {
          listener();
        } catch (error) {
          this.logger.error("store: alternates listener failed", { error });
        }
      }
    }, DEBOUNCE_MS);
    this.debounce.unref();
  }

  private async connect(): Promise<void> {
    if (this.closed || !this.url) return;
    const { default: pgModule } = await import("pg");
    if (this.closed) return;
    const client = new pgModule.Client({
      connectionString: this.url,
      connectionTimeoutMillis: 5_000,
      // Idle for hours by design: a server gone without a word is found by TCP, then reconnected.
      keepAlive: true,
      keepAliveInitialDelayMillis: KEEPALIVE_DELAY_MS,
    });
    const lost = (error?: unknown) => {
      if (this.client !== client) return;
      this.client = undefined;
      client.end().catch(() => {});
      if (error) this.logger.debug("store: alternates listener lost", { error });
      this.scheduleReconnect();
    };
    client.on("error", lost);
    client.on("end", () => lost());
    client.on("notification", (n) => {
      if (n.channel === ALTERNATES_CHANNEL) this.fire();
    });
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${ALTERNATES_CHANNEL}`);
      // Whatever changed while not listening was missed: let listeners look again.
      if (this.everConnected) this.fire();
      this.everConnected = true;
    } catch (error) {
      lost(error);
    }
  }

  private everConnected = false;

  private scheduleReconnect(): void {
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.connect();
    }, this.reconnectMs);
    this.retry.unref();
  }
}
