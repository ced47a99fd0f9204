/** A set of listeners; each `emit` reaches every current listener, and a throwing one is skipped. */
export class EventHub<E> {
  readonly #listeners = new Set<(event: E) => void>();

  subscribe(listener: (event: E) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  emit(event: E): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch {
        // One broken window or stream must not stop the others from hearing about it.
      }
    }
  }
}
