/**
 * Slack redelivers an event when it thinks we missed it (same `event_id`,
 * `X-Slack-Retry-Num` set). This remembers recently seen ids so each event is
 * answered once. Bounded and expiring: memory stays flat however long the
 * process runs.
 */

export interface SeenEvents {
  /** True the first time an id is offered (within the expiry window), false after. */
  firstTime(id: string): boolean;
  readonly size: number;
}

export interface SeenEventsOptions {
  /** Most ids kept; the oldest go first. */
  max?: number;
  /** How long an id is remembered. Slack's retries come within about five minutes. */
  ttlMs?: number;
  now?: () => number;
}

export function createSeenEvents(options: SeenEventsOptions = {}): SeenEvents {
  const max = options.max ?? 10_000;
  const ttlMs = options.ttlMs ?? 15 * 60_000;
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order, so its first entries are the oldest.
  const seen = new Map<string, number>();

  const evict = (time: number) => {
    for (const [id, expires] of seen) {
      if (expires > time && seen.size <= max) break;
      seen.delete(id);
    }
  };

  return {
    firstTime(id) {
      const time = now();
      const expires = seen.get(id);
      if (expires !== undefined && expires > time) return false;
      seen.delete(id);
      seen.set(id, time + ttlMs);
      evict(time);
      return true;
    },
    get size() {
      return seen.size;
    },
  };
}
