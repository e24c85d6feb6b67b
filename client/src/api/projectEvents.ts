/**
 * One Server-Sent Events connection per project, shared by every live hook of the page (documents, diagnostic,
 * comments, rounds, scenarios, convention, séances, notifications). Browsers allow only six HTTP/1.1 connections per
 * origin: one EventSource per hook would starve API calls on the busiest pages (a séance room listens to five
 * features). EventSource reconnects by itself and resumes with Last-Event-ID; subscribers are told about a
 * reconnection so they refetch once, as events may have been missed meanwhile.
 */
import type { LiveEvent, LiveEventType } from '../../../shared/events/types.js';

export type LiveState = 'connecting' | 'live' | 'offline';

export type ProjectEventSubscriber = {
  /** The event types this subscriber wants. */
  types: readonly LiveEventType[];
  onEvent(event: LiveEvent): void;
  /** The stream came back after a drop: refetch what events may have been missed. */
  onReconnect?(): void;
  onState?(state: LiveState): void;
};

type Stream = { source: EventSource; subscribers: Set<ProjectEventSubscriber>; listening: Set<string>; wasOpen: boolean; state: LiveState };

const streams = new Map<string, Stream>();

function dispatch(stream: Stream, frame: MessageEvent<string>): void {
  let event: LiveEvent;
  try {
    event = JSON.parse(frame.data) as LiveEvent;
  } catch {
    return; // a malformed frame: the next event or the reconnection refetch repairs what it carried
  }
  for (const s of stream.subscribers) {
    if (!s.types.includes(event.type)) continue;
    try {
      s.onEvent(event);
    } catch {
      // one subscriber's bug must not stop the others
    }
  }
}

function setState(stream: Stream, state: LiveState): void {
  stream.state = state;
  for (const s of stream.subscribers) s.onState?.(state);
}

function openStream(projectId: string): Stream {
  const source = new EventSource(`/api/projects/${encodeURIComponent(projectId)}/events`);
  const stream: Stream = { source, subscribers: new Set(), listening: new Set(), wasOpen: false, state: 'connecting' };
  source.onopen = () => {
    if (stream.wasOpen) for (const s of stream.subscribers) s.onReconnect?.();
    stream.wasOpen = true;
    setState(stream, 'live');
  };
  source.onerror = () => setState(stream, source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
  return stream;
}

/** Subscribes to a project's live events; returns the unsubscribe function (the last one closes the connection). */
export function subscribeProjectEvents(projectId: string, subscriber: ProjectEventSubscriber): () => void {
  if (typeof EventSource === 'undefined') return () => {};
  let stream = streams.get(projectId);
  if (!stream) {
    stream = openStream(projectId);
    streams.set(projectId, stream);
  }
  const s = stream;
  s.subscribers.add(subscriber);
  for (const type of subscriber.types) {
    if (s.listening.has(type)) continue;
    s.listening.add(type);
    s.source.addEventListener(type, ((frame: MessageEvent<string>) => dispatch(s, frame)) as EventListener);
  }
  subscriber.onState?.(s.state);
  return () => {
    s.subscribers.delete(subscriber);
    if (s.subscribers.size > 0) return;
    s.source.close();
    streams.delete(projectId);
  };
}
