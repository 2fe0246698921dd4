import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { burst } from '@/lib/cookies/burst';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('a burst of cookie changes', () => {
  it('is handled once, with every change, when none came for the quiet delay', () => {
    const handle = vi.fn();
    const changes = burst<string>(300, handle);
    changes.add('a');
    vi.advanceTimersByTime(200);
    changes.add('b');
    vi.advanceTimersByTime(200);
    changes.add('c');
    expect(handle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(300);
    expect(handle).toHaveBeenCalledExactlyOnceWith(['a', 'b', 'c']);
  });

  it('starts afresh after it was handled', () => {
    const handle = vi.fn();
    const changes = burst<string>(100, handle);
    changes.add('a');
    vi.advanceTimersByTime(100);
    changes.add('b');
    vi.advanceTimersByTime(100);
    expect(handle.mock.calls).toEqual([[['a']], [['b']]]);
  });

  it('handles nothing once cancelled', () => {
    const handle = vi.fn();
    const changes = burst(100, handle);
    changes.add();
    changes.cancel();
    vi.advanceTimersByTime(1000);
    expect(handle).not.toHaveBeenCalled();
  });
});
