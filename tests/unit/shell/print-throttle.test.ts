import { describe, expect, it } from 'vitest';
import { createPrintThrottle } from '../../../electron/windows/print-throttle';

describe('createPrintThrottle', () => {
  it('lets one slip print at a time', () => {
    const throttle = createPrintThrottle({ now: () => 0 });
    expect(throttle.admit('a')).toBe('ok');
    expect(throttle.admit('b')).toBe('busy');
    throttle.finish('a', true);
    expect(throttle.admit('b')).toBe('ok');
  });

  it('prints a sign-up’s slip twice at most, counting only copies that came out', () => {
    const throttle = createPrintThrottle({ now: () => 0, maxPerMinute: 100 });
    const run = (printed: boolean) => {
      const admission = throttle.admit('a');
      if (admission === 'ok') throttle.finish('a', printed);
      return admission;
    };
    expect([run(false), run(true), run(false), run(true), run(true)]).toEqual(['ok', 'ok', 'ok', 'ok', 'copies-used']);
  });

  it('allows a few slips a minute, counting attempts, and more once the minute has passed', () => {
    let now = 0;
    const throttle = createPrintThrottle({ now: () => now, maxPerMinute: 3 });
    const tries = ['a', 'b', 'c', 'd'].map((id) => {
      const admission = throttle.admit(id);
      if (admission === 'ok') throttle.finish(id, false);
      now += 1_000;
      return admission;
    });
    expect(tries).toEqual(['ok', 'ok', 'ok', 'too-many']);
    now = 60_000;
    expect(throttle.admit('d')).toBe('ok');
  });

  it('ignores the end of a print that is not the one in flight', () => {
    const throttle = createPrintThrottle({ now: () => 0 });
    throttle.admit('a');
    throttle.finish('b', true);
    expect(throttle.admit('c')).toBe('busy');
  });
});
