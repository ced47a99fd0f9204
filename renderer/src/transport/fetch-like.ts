/** The slice of `fetch` the transports use, so tests can inject a fake. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;
