import type { RequestRecord } from './request-record.js';

export type ActivityListener = (record: RequestRecord) => void;

/** The last N finished requests, in a bounded ring, plus a live feed for the Activity view. */
export class ActivityLog {
  readonly #ring: (RequestRecord | undefined)[];
  #next = 0;
  #count = 0;
  readonly #listeners = new Set<ActivityListener>();

  constructor(readonly capacity = 500) {
    this.#ring = new Array<RequestRecord | undefined>(capacity);
  }

  add(record: RequestRecord): void {
    this.#ring[this.#next] = record;
    this.#next = (this.#next + 1) % this.capacity;
    this.#count = Math.min(this.#count + 1, this.capacity);
    for (const listener of this.#listeners) listener(record);
  }

  /** Newest first. */
  recent(limit = this.capacity): RequestRecord[] {
    const out: RequestRecord[] = [];
    for (let i = 1; i <= Math.min(limit, this.#count); i += 1) {
      const record = this.#ring[(this.#next - i + this.capacity) % this.capacity];
      if (record) out.push(record);
    }
    return out;
  }

  subscribe(listener: ActivityListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
