// Debounce with "only the latest answer counts": the capture preview asks the server while the person types, and an
// answer that arrives after a newer request was made (answers can overtake each other) is dropped.

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface DebouncedLatestOptions<I, O> {
  delayMs: number;
  run: (input: I) => Promise<O>;
  /** Called with the answer of the latest request only. */
  onResult: (input: I, output: O) => void;
  timers?: Timers;
}

export class DebouncedLatest<I, O> {
  private generation = 0;
  private timer: unknown = null;
  private readonly timers: Timers;

  constructor(private readonly options: DebouncedLatestOptions<I, O>) {
    this.timers = options.timers ?? realTimers;
  }

  /** Runs `input` once the input has been quiet for the delay; any earlier pending or in-flight request is superseded. */
  push(input: I): void {
    this.cancel();
    const generation = this.generation;
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.options.run(input).then(
        (output) => {
          if (generation === this.generation) this.options.onResult(input, output);
        },
        () => {
          // The caller's run() reports failures as values; a rejection has nothing to show.
        },
      );
    }, this.options.delayMs);
  }

  /** Forgets any pending or in-flight request: its answer will not be delivered. */
  cancel(): void {
    this.generation++;
    if (this.timer !== null) {
      this.timers.clearTimeout(this.timer);
      this.timer = null;
    }
  }
}
