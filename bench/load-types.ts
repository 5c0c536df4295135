// Types of the worker in bench/load.mjs.
export interface LoadSpec {
  url: string;
  secret: string;
  mode: 'max' | 'rate';
  seconds: number;
  concurrency: number;
  rate: number;
  users: number;
  /** Reply tokens: the echo handler replies synchronously, so each event needs a token the fake accepts. */
  tokens: string[];
  userIds: string[];
}
export interface LoadResult {
  sent: number;
  ok: number;
  failed: number;
  seconds: number;
  latenciesMs: number[];
}
