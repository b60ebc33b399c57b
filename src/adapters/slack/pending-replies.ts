/**
 * Replies still on their way after Slack was acknowledged. Slack gets its
 * 200 (or its Socket Mode ack) first and the answer is posted after, so
 * stopping the server once its HTTP requests are done would drop those
 * answers, and Slack never redelivers an event it saw acknowledged.
 * Shutdown waits for them, for a bounded time.
 */
export interface PendingReplies {
  /** Keeps `work` until it settles; gives it back unchanged. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Waits for what is pending, at most `ms`; resolves with how many were still unfinished. */
  settle(ms: number): Promise<number>;
}

export function createPendingReplies(): PendingReplies {
  const open = new Set<Promise<unknown>>();
  return {
    track(work) {
      open.add(work);
      const forget = () => open.delete(work);
      work.then(forget, forget);
      return work;
    },
    async settle(ms) {
      if (open.size === 0) return 0;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, ms);
      });
      await Promise.race([Promise.allSettled([...open]), late]);
      clearTimeout(timer);
      return open.size;
    },
  };
}
