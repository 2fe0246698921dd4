/** Readings of the background that end out of order: the newest shown only (lib/ui/newest-read.ts). */
import { describe, expect, it } from 'vitest';
import { queued, queueIdle } from '@/lib/actions/queue';
import { newestRead } from '@/lib/ui/newest-read';

describe('a page reading the background again', () => {
  it('never shows a reading started before the one it shows', () => {
    const reads = newestRead();
    const before = reads.start();
    const after = reads.start();
    expect(reads.fresh(after)).toBe(true);
    expect(reads.fresh(before)).toBe(false);
    // A reading started later still shows.
    expect(reads.fresh(reads.start())).toBe(true);
  });

  it('shows each reading in turn when they end in order', () => {
    const reads = newestRead();
    const first = reads.start();
    expect(reads.fresh(first)).toBe(true);
    expect(reads.fresh(first)).toBe(true);
    expect(reads.fresh(reads.start())).toBe(true);
  });

  it('keeps the state after a command when a reading from before it answers last', async () => {
    // The jar as the background reads it; a reading waits for the commands queued before it
    // (lib/background/handlers.ts) and answers when its own work is done.
    let undoable = false;
    let slowWork!: () => void;
    const reads = newestRead();
    let shown: boolean | undefined;
    async function refresh(work: Promise<void>) {
      const read = reads.start();
      await queueIdle();
      const state = undoable;
      await work;
      if (reads.fresh(read)) shown = state;
    }
    // A reading under way when the visitor's command is queued: it saw the jar before.
    const early = refresh(new Promise((resolve) => (slowWork = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await queued(async () => {
      undoable = true;
    });
    // The command's own reading, after its answer: done first.
    await refresh(Promise.resolve());
    expect(shown).toBe(true);
    slowWork();
    await early;
    expect(shown).toBe(true);
  });
});
