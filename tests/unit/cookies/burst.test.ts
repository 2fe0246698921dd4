import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { burst } from '@/lib/cookies/burst';
import { queued, queueIdle } from '@/lib/actions/queue';
import { oneAtATime } from '@/lib/ui/one-at-a-time';

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

  it('waits, with `after`, for the command under way: its removals one by one make one burst, handled once', async () => {
    const handle = vi.fn();
    const changes = burst<number>(100, handle, queueIdle);
    let finish!: () => void;
    const command = queued(() => new Promise<void>((resolve) => (finish = resolve)));
    // One removal every 500 ms, far slower than the quiet delay.
    for (let i = 0; i < 5; i++) {
      changes.add(i);
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(handle).not.toHaveBeenCalled();
    finish();
    await command;
    await vi.advanceTimersByTimeAsync(0);
    expect(handle.mock.calls).toEqual([[[0, 1, 2, 3, 4]]]);
  });
});

describe('a page’s refresh, one at a time', () => {
  it('runs once more after the one under way, however often it was asked meanwhile', async () => {
    let calls = 0;
    let release!: () => void;
    const refresh = oneAtATime(async () => {
      calls++;
      if (calls === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const first = refresh();
    for (let i = 0; i < 10; i++) void refresh();
    release();
    await first;
    expect(calls).toBe(2);
  });
});
