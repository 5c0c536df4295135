// At most `perSecond` request starts in any sliding second, per endpoint (LINE: push 2,000/s, multicast 200/s).
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function rateLimiter(perSecond: number) {
  const starts: number[] = [];
  let head = 0;
  let chain: Promise<void> = Promise.resolve();
  const acquire = async () => {
    for (;;) {
      const now = Date.now();
      while (head < starts.length && starts[head]! <= now - 1000) head++;
      if (starts.length - head < perSecond) {
        starts.push(now);
        if (head > 10_000) starts.splice(0, head), (head = 0);
        return;
      }
      await sleep(starts[head]! + 1000 - now + 1);
    }
  };
  /** Resolves when a request may start; callers are served in order. */
  return (): Promise<void> => (chain = chain.then(acquire));
}
