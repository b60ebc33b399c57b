/**
 * A real SQLite store in a temp dir holding a few days of questions, votes
 * and chosen suggestions, for the insights tests (HTTP and browser).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger } from "../../../src/log.ts";
import { openStore } from "../../../src/store/open-store.ts";
import type { Store } from "../../../src/store/types.ts";
import { event } from "../../store/engines.ts";

const DAY = 86_400_000;

export const ATTACK = "<script>alert(1)</script>";

export interface SeededStore {
  store: Store;
  close(): Promise<void>;
}

/** An empty store in a fresh temp dir. */
export async function emptyStore(): Promise<SeededStore> {
  const dir = mkdtempSync(join(tmpdir(), "aifirst-insights-"));
  const store = await openStore({
    dataDir: join(dir, "data"),
    logger: createLogger({ level: "silent" }),
    secret: "test-secret",
    recordQuestions: true,
    retentionDays: 90,
    learnMinUsers: 3,
    flushIntervalMs: 10,
  });
  return {
    store,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Over today and the two days before: 4 sure, 2 likely and 8 not sure (the
 * attack twice, two wordings of one VPN question, "how to ship code" three
 * times, "push to prod?" once); 2 helpful votes and 1 not helpful; after
 * "not sure", three people chose the same FAQ for "how to ship code"
 * (applied, at LEARN_MIN_USERS 3) and one for "push to prod?" (not yet).
 */
export async function seededStore(now = Date.now()): Promise<SeededStore> {
  const seeded = await emptyStore();
  const { store } = seeded;
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY);
  const sure = [0, 0, 1, 2].map((d) => event({ at: at(d) }));
  const likely = [0, 1].map((d) =>
    event({ at: at(d), sure: false, faq: "How do I roll back?", confidence: 0.55 }),
  );
  const fallback = (question: string, daysAgo: number, user = "U1") =>
    event({
      at: at(daysAgo),
      user,
      question,
      kind: "fallback",
      sure: false,
      playbook: null,
      faq: null,
      confidence: 0.1,
      suggestions: ["How do I deploy to production?"],
    });
  const unanswered = [
    fallback(ATTACK, 0),
    fallback(ATTACK, 1),
    fallback("How do I rotate the VPN keys?", 0),
    fallback("how do i rotate the vpn keys", 2),
  ];
  const shipping = ["U7", "U8", "U9"].map((user) => fallback("how to ship code", 1, user));
  const lonely = fallback("push to prod?", 0, "U5");
  for (const e of [...sure, ...likely, ...unanswered, ...shipping, lonely]) store.record(e);
  await store.flush();
  await store.feedback({ id: sure[0]?.id ?? "", user: "U1", helpful: true });
  await store.feedback({ id: sure[1]?.id ?? "", user: "U2", helpful: true });
  await store.feedback({ id: likely[0]?.id ?? "", user: "U3", helpful: false });
  for (const e of shipping) {
    await store.feedback({
      id: e.id,
      user: e.user,
      chose: "How do I deploy to production?",
      playbook: "deploys",
    });
  }
  await store.feedback({
    id: lonely.id,
    user: lonely.user,
    chose: "How do I deploy to production?",
    playbook: "deploys",
  });
  return seeded;
}
