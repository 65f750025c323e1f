import { describe, expect, it } from 'vitest';
import { clampMinutes, clockFace, secondsLeft } from './timer';

describe('focus timer', () => {
  it('holds the length to 5–50 minutes', () => {
    expect(clampMinutes(1)).toBe(5);
    expect(clampMinutes(25)).toBe(25);
    expect(clampMinutes(90)).toBe(50);
    expect(clampMinutes(Number.NaN)).toBe(25);
  });

  it('counts whole seconds left, rounding up, and stops at 0', () => {
    expect(secondsLeft(10_000, 0)).toBe(10);
    expect(secondsLeft(10_000, 9_001)).toBe(1);
    expect(secondsLeft(10_000, 10_000)).toBe(0);
    expect(secondsLeft(10_000, 12_000)).toBe(0);
  });

  it('shows minutes and seconds', () => {
    expect(clockFace(1500)).toBe('25:00');
    expect(clockFace(59)).toBe('0:59');
    expect(clockFace(0)).toBe('0:00');
  });
});
