/**
 * The live-events replay log is pruned: events older than EVENTS_RETENTION_HOURS go (in batches), newer ones stay and
 * are still replayed on resume; the pruner runs at start and stops with its signal.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { pruneProjectEvents, startEventPruner } from '../../../server/features/events/event-retention.js';
import { loadEnv } from '../../../server/env.js';

const HOUR = 3600_000;

describe('live events retention', () => {
  let t: TestApp;
  afterEach(async () => t?.close());

  const publish = () => t.deps.events.publish(t.demoProject().id, 'project.updated', { projectId: t.demoProject().id });
  const count = () => (t.sqlite.prepare('SELECT COUNT(*) AS n FROM project_events').get() as { n: number }).n;

  it('deletes what is older than the cutoff, in batches, and keeps the rest replayable', async () => {
    t = await createTestApp();
    const before = count();
    for (let i = 0; i < 12_001; i++) publish(); // more than two batches
    t.clock.advance(49 * HOUR);
    const kept = publish();
    const removed = pruneProjectEvents(t.deps, new Date(t.clock.now().getTime() - 48 * HOUR));
    expect(removed).toBe(before + 12_001);
    expect(count()).toBe(1);
    expect(t.deps.events.since(t.demoProject().id, 0).map((e) => e.id)).toEqual([kept.id]);
    expect(pruneProjectEvents(t.deps, new Date(t.clock.now().getTime() - 48 * HOUR))).toBe(0);
  });

  it('prunes at start with the configured retention, and stops on its signal', async () => {
    t = await createTestApp({ env: { EVENTS_RETENTION_HOURS: '2' } });
    publish();
    t.clock.advance(1 * HOUR);
    const recent = publish();
    t.clock.advance(1.5 * HOUR); // the first event is 2.5 h old, the second 1.5 h
    const stopSignal = new AbortController();
    startEventPruner(t.deps, stopSignal.signal, 10);
    expect(t.deps.events.since(t.demoProject().id, 0).map((e) => e.id)).toEqual([recent.id]);
    stopSignal.abort();
    t.clock.advance(10 * HOUR);
    await new Promise((r) => setTimeout(r, 50)); // several intervals: none ran after the abort
    expect(t.deps.events.since(t.demoProject().id, 0).map((e) => e.id)).toEqual([recent.id]);
  });

  it('refuses a retention that is not a positive number of hours', () => {
    expect(() => loadEnv({ EVENTS_RETENTION_HOURS: '0' })).toThrow(/EVENTS_RETENTION_HOURS/);
    expect(() => loadEnv({ EVENTS_RETENTION_HOURS: 'deux' })).toThrow(/EVENTS_RETENTION_HOURS/);
    expect(loadEnv({}).EVENTS_RETENTION_HOURS).toBe(48);
  });
});
