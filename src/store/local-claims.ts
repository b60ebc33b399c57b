/**
 * Claims kept in this process's memory, used only while the database is down:
 * retried events are then answered once per instance instead of once overall.
 * Bounded so a long outage cannot grow it without limit.
 */
import { CLAIM_TTL_MS } from "./event-claims.ts";

const MAX_KEYS = 10_000;

export class LocalClaims {
  private readonly claimed = new Map<string, number>();

  claim(key: string, now: number): boolean {
    const at = this.claimed.get(key);
    if (at !== undefined && now - at < CLAIM_TTL_MS) return false;
    this.claimed.delete(key);
    this.claimed.set(key, now);
    // Maps iterate in insertion order: the first key is the oldest claim.
    if (this.claimed.size > MAX_KEYS) {
      const oldest = this.claimed.keys().next().value;
      if (oldest !== undefined) this.claimed.delete(oldest);
    }
    return true;
  }
}
