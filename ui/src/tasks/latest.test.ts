import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DebouncedLatest } from './latest';

/** A promise and the functions that settle it, to answer requests in any order. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('DebouncedLatest', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks once typing has paused for the delay, with the last text', async () => {
    const run = vi.fn(async (text: string) => `read:${text}`);
    const results: string[] = [];
    const latest = new DebouncedLatest({ delayMs: 250, run, onResult: (_, out) => results.push(out) });

    latest.push('p');
    await vi.advanceTimersByTimeAsync(100);
    latest.push('pa');
    await vi.advanceTimersByTimeAsync(100);
    latest.push('pay');
    await vi.advanceTimersByTimeAsync(249);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledWith('pay');
    expect(results).toEqual(['read:pay']);
  });

  it('shows only the latest request’s answer, even when an older answer arrives last', async () => {
    const answers = new Map<string, ReturnType<typeof deferred<string>>>();
    const run = vi.fn((text: string) => {
      const d = deferred<string>();
      answers.set(text, d);
      return d.promise;
    });
    const results: Array<[string, string]> = [];
    const latest = new DebouncedLatest({ delayMs: 250, run, onResult: (input, out) => results.push([input, out]) });

    latest.push('pay rent');
    await vi.advanceTimersByTimeAsync(250);
    latest.push('pay rent today');
    await vi.advanceTimersByTimeAsync(250);
    expect(run).toHaveBeenCalledTimes(2);

    answers.get('pay rent today')!.resolve('new');
    await vi.advanceTimersByTimeAsync(0);
    answers.get('pay rent')!.resolve('old');
    await vi.advanceTimersByTimeAsync(0);
    expect(results).toEqual([['pay rent today', 'new']]);
  });

  it('drops the answer of a request cancelled while in flight, and a cancelled pending one never runs', async () => {
    const d = deferred<string>();
    const run = vi.fn(() => d.promise);
    const onResult = vi.fn();
    const latest = new DebouncedLatest({ delayMs: 250, run, onResult });

    latest.push('a');
    await vi.advanceTimersByTimeAsync(250);
    latest.cancel();
    d.resolve('late');
    await vi.advanceTimersByTimeAsync(0);
    expect(onResult).not.toHaveBeenCalled();

    latest.push('b');
    latest.cancel();
    await vi.advanceTimersByTimeAsync(1000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('survives a rejected request', async () => {
    const onResult = vi.fn();
    const latest = new DebouncedLatest({ delayMs: 10, run: () => Promise.reject(new Error('boom')), onResult });
    latest.push('x');
    await vi.advanceTimersByTimeAsync(10);
    expect(onResult).not.toHaveBeenCalled();
  });
});
