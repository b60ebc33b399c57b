/**
 * Slows guessing at the sign-in form: after `limit` failed sign-ins from one
 * address within a window, that address is refused (429) until the window
 * ends. In memory, per instance: a guard against a weak token, not a
 * replacement for a long one.
 */

export interface LoginThrottle {
  /** Seconds to wait before trying again, or 0 when this address may try now. */
  waitSeconds(address: string): number;
  failed(address: string): void;
  succeeded(address: string): void;
}

/** Addresses remembered at most; beyond it the oldest windows are forgotten first. */
const MAX_ADDRESSES = 10_000;

export function loginThrottle(
  options: { limit?: number; windowMs?: number; now?: () => number } = {},
): LoginThrottle {
  const limit = options.limit ?? 10;
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const failures = new Map<string, { since: number; count: number }>();

  const current = (address: string) => {
    const entry = failures.get(address);
    if (entry && now() - entry.since >= windowMs) {
      failures.delete(address);
      return undefined;
    }
    return entry;
  };

  return {
    waitSeconds(address) {
      const entry = current(address);
      if (!entry || entry.count < limit) return 0;
      return Math.max(1, Math.ceil((entry.since + windowMs - now()) / 1000));
    },
    failed(address) {
      const entry = current(address);
      if (entry) entry.count++;
      else {
        if (failures.size >= MAX_ADDRESSES) {
          const oldest = failures.keys().next().value;
          if (oldest !== undefined) failures.delete(oldest);
        }
        failures.set(address, { since: now(), count: 1 });
      }
    },
    succeeded(address) {
      failures.delete(address);
    },
  };
}
