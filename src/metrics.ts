/**
 * What the server counts, for `GET /metrics` (Prometheus text format, through
 * prom-client). Every server gets its own registry, never prom-client's
 * global one, so two servers in one process (tests) count apart.
 *
 * Other modules see only `Counters`: the store counts its failed writes, the
 * Slack and Teams adapters their failed platform calls. Tests and the CLI pass
 * `noCounters`.
 */
import { Counter, Gauge, Histogram, Registry } from "prom-client";

/** What modules outside the server count. */
export interface Counters {
  /** A question or a vote could not be written to the store. */
  storeWriteFailed(): void;
  /** Recorded questions dropped unwritten: the queue was full while the store was down. */
  storeEventsDropped(count: number): void;
  /** A call to Slack's Web API or Teams' connector failed (`call`: e.g. "chat.postMessage"). */
  platformApiError(platform: "slack" | "teams", call: string): void;
}

/** Counts nothing. */
export const noCounters: Counters = {
  storeWriteFailed: () => undefined,
  storeEventsDropped: () => undefined,
  platformApiError: () => undefined,
};

/** Everything the server itself measures, on top of the shared counters. */
export interface Metrics extends Counters {
  readonly registry: Registry;
  /** One HTTP request answered: its route pattern (not its URL), method, status and time. */
  request(route: string, method: string, status: number, seconds: number): void;
  /** One reply given: its kind, whether the bot was sure, and the engine's time. */
  answer(reply: { kind: string; sure: boolean }, seconds: number): void;
  /** The content now answering, by version. */
  contentLoaded(version: string): void;
  /** A content reload ended: applied ("ok") or refused ("failed"). */
  contentReload(result: "ok" | "failed"): void;
}

/** Request times: a fast answer is ~1 ms, Slack's acknowledgement budget is 3 s. */
const REQUEST_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** The engine's time per answer: its budget is 1 ms at p99. */
const ANSWER_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.1];

export function createMetrics(): Metrics {
  const registry = new Registry();
  const requests = new Counter({
    name: "aifirst_http_requests_total",
    help: "HTTP requests answered, by route pattern, method and status.",
    labelNames: ["route", "method", "status"] as const,
    registers: [registry],
  });
  const requestSeconds = new Histogram({
    name: "aifirst_http_request_duration_seconds",
    help: "Time from a request's arrival to the end of its reply.",
    labelNames: ["route"] as const,
    buckets: REQUEST_BUCKETS,
    registers: [registry],
  });
  const replies = new Counter({
    name: "aifirst_replies_total",
    help: "Replies given, by kind (faq, step, steps, faqs, help, fallback) and whether the bot was sure.",
    labelNames: ["kind", "sure"] as const,
    registers: [registry],
  });
  const answerSeconds = new Histogram({
    name: "aifirst_answer_duration_seconds",
    help: "The engine's time to answer one question.",
    buckets: ANSWER_BUCKETS,
    registers: [registry],
  });
  const content = new Gauge({
    name: "aifirst_content_info",
    help: "The content answering now: 1 for its version (a hash of the files).",
    labelNames: ["version"] as const,
    registers: [registry],
  });
  const reloads = new Counter({
    name: "aifirst_content_reloads_total",
    help: "Content reloads, by result: ok (applied) or failed (invalid content, kept the old).",
    labelNames: ["result"] as const,
    registers: [registry],
  });
  const storeFailures = new Counter({
    name: "aifirst_store_write_failures_total",
    help: "Writes to the store that failed: a batch of questions (kept queued, tried again), a vote, or a reconnect.",
    registers: [registry],
  });
  const storeDropped = new Counter({
    name: "aifirst_store_events_dropped_total",
    help: "Recorded questions dropped unwritten: the queue was full while the store was down.",
    registers: [registry],
  });
  const platformErrors = new Counter({
    name: "aifirst_platform_api_errors_total",
    help: "Failed calls to Slack's Web API or Teams' connector, by platform and call.",
    labelNames: ["platform", "call"] as const,
    registers: [registry],
  });
  // Zero from the start, so a rate() over them works before the first failure.
  reloads.inc({ result: "ok" }, 0);
  reloads.inc({ result: "failed" }, 0);
  storeFailures.inc(0);
  storeDropped.inc(0);

  return {
    registry,
    request(route, method, status, seconds) {
      requests.inc({ route, method, status: String(status) });
      requestSeconds.observe({ route }, seconds);
    },
    answer(reply, seconds) {
      replies.inc({ kind: reply.kind, sure: String(reply.sure) });
      answerSeconds.observe(seconds);
    },
    contentLoaded(version) {
      content.reset();
      content.set({ version }, 1);
    },
    contentReload: (result) => reloads.inc({ result }),
    storeWriteFailed: () => storeFailures.inc(),
    storeEventsDropped: (count) => storeDropped.inc(count),
    platformApiError: (platform, call) => platformErrors.inc({ platform, call }),
  };
}
