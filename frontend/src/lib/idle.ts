// Locks the app after a time without use, as a password manager does. Every key press or
// pointer press counts as use; Go is told at most once a minute (it enforces the same
// limit, which also holds when the computer slept and this page's timers did not run).

export class IdleLock {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastTouch = 0;

  constructor(
    private readonly afterMs: number,
    private readonly onidle: () => void,
    private readonly touch: () => void,
    private readonly touchEveryMs = 60_000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  start(): void {
    this.#lastTouch = this.now();
    this.#arm();
  }

  /** The person did something. */
  activity(): void {
    this.#arm();
    if (this.now() - this.#lastTouch >= this.touchEveryMs) {
      this.#lastTouch = this.now();
      this.touch();
    }
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #arm(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.onidle();
    }, this.afterMs);
  }
}
