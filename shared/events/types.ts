/**
 * Live events pushed on the per-project SSE stream (contracts.md "Live events").
 * Each event type has a typed payload; later features add their own entries here.
 */
import type { Phase } from '../projects/phases.js';
import type { ParticipationState } from '../projects/participation.js';
import type { DiagnosticChangedPayload } from '../diagnostic/types.js';
import type { NotificationEventPayloads } from '../notifications/types.js';
import type { CommentEventPayloads } from '../comments/events.js';
import type { RoundEventPayloads } from '../rounds/events.js';
import type { ScenarioEventPayloads } from '../scenarios/events.js';
import type { WorkshopEventPayloads } from '../workshops/events.js';
import type { ConventionEventPayloads } from '../convention/events.js';

/** Events of the foundation, documents and diagnostic; each later feature keeps its own in `shared/<feature>/events.ts`. */
type CoreEventPayloads = {
  'project.updated': { projectId: string };
  'project.phase_changed': { projectId: string; from: Phase; to: Phase; by: string; reason: string | null };
  'project.participation_changed': { projectId: string; communeId: string; from: ParticipationState | null; to: ParticipationState };
  'document.created': { documentId: string; kind: string; title: string };
  'document.updated': { documentId: string; title: string; archived: boolean };
  'document.locked': { documentId: string; locked: boolean; by: string };
  /** A named or automatic version of a document was saved. */
  'document.version_created': { documentId: string; versionId: string; kind: 'manual' | 'phase' | 'restore_backup'; label: string; by: string };
  /** A version was restored (as a new change of the text). */
  'document.restored': { documentId: string; versionId: string; label: string; backupVersionId: string; by: string };
  'presence.changed': { documentId: string; users: PresenceUser[] };
  /** Diagnostic data, missions or completeness changed: screens showing them refetch. */
  'diagnostic.changed': DiagnosticChangedPayload;
};

export type LiveEventPayloads = CoreEventPayloads &
  NotificationEventPayloads &
  CommentEventPayloads &
  RoundEventPayloads &
  ScenarioEventPayloads &
  ConventionEventPayloads &
  WorkshopEventPayloads;

export type LiveEventType = keyof LiveEventPayloads;

export type PresenceUser = { id: string; name: string; role: string; communeId: string | null; color: string; connections: number };

/** The JSON carried by one SSE `data:` line; the SSE `id:` is `id` and the SSE `event:` is `type`. */
export type LiveEvent<T extends LiveEventType = LiveEventType> = {
  id: number;
  type: T;
  projectId: string;
  at: string;
  payload: LiveEventPayloads[T];
};
