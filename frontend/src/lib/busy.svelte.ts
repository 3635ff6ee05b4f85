// Tracks calls to Go. `active` is true while a call runs (to block a second click);
// `slow` turns true once a call has taken more than a second, when a progress indicator
// is worth showing.

export const slowAfterMs = 1000;

export class Busy {
  #count = $state(0);
  slow = $state(false);
  #timer: ReturnType<typeof setTimeout> | undefined;

  get active(): boolean {
    return this.#count > 0;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    this.#count++;
    if (this.#count === 1) {
      this.#timer = setTimeout(() => (this.slow = true), slowAfterMs);
    }
    try {
      return await work();
    } finally {
      this.#count--;
      if (this.#count === 0) {
        clearTimeout(this.#timer);
        this.slow = false;
      }
    }
  }
}
