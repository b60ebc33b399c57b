/**
 * The store as the server holds it: what it could not write reaches `/metrics`'s counters.
 */
import { afterAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.ts";
import { silentLogger } from "../../src/log.ts";
import { openConfiguredStore } from "../../src/server/store-lifecycle.ts";
import { MAX_QUEUED } from "../../src/store/write-queue.ts";
import { event, removeTempDirs, tempDir } from "../store/engines.ts";
import { freePort } from "../support/postgres.ts";

describe("the server's store while its database is down", () => {
  afterAll(() => removeTempDirs());

  it("counts failed writes and dropped events for /metrics", async () => {
    const port = await freePort();
    const config = parseConfig({
      DATA_DIR: tempDir(),
      DATABASE_URL: `postgres://app@127.0.0.1:${port}/aifirst`,
    });
    let failed = 0;
    let dropped = 0;
    const store = await openConfiguredStore(config, silentLogger, {
      storeWriteFailed: () => failed++,
      storeEventsDropped: (n) => {
        dropped += n;
      },
    });
    expect(store).toBeDefined();
    for (let i = 0; i < MAX_QUEUED + 7; i++) store?.raw.record(event());
    await store?.close();
    expect(failed).toBeGreaterThan(0);
    // Seven pushed out of the full queue; what closing gives up goes to the log, not here.
    expect(dropped).toBe(7);
  }, 15_000);
});
