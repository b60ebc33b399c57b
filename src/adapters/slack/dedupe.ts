/**
 * Slack redelivers an event when it thinks we missed it (same `event_id`,
 * `X-Slack-Retry-Num` set). The retry record answers "is this the first
 * delivery?" so each event is answered once. It is an interface so several
 * instances can share one (a store's `claimEvent`); the default here keeps
 * recent ids in memory, bounded and expiring, for a single process.
 */

export interface EventClaims {
  /** True the first time an event id is claimed (within the record's memory), false after. */
  claim(eventId: string): Promise<boolean>;
}

export interface MemoryClaimsOptions {
  /** Most ids kept; the oldest go first. */
  max?: number;
  /** How long an id is remembered. Slack's retries come within about five minutes. */
  ttlMs?: number;
  now?: () => number;
}

export interface MemoryClaims extends EventClaims {
  readonly size: number;
}

export function memoryClaims(options: MemoryClaimsOptions = {}): MemoryClaims {
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
    async claim(id) {
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
