/**
 * Extension points of comments for features that must not be imported here (they are built on top of comments):
 * - comment targets: anchor kinds other than `text` and `diagnostic` (scenarios register `scenario`);
 * - comment guards: rules that may refuse a comment or a reply (rounds: closed round, partners not invited).
 * Both are module-level like `registerPhaseGate`; registering again under the same kind / the same function replaces
 * the earlier registration, so mounting several apps in one process (tests) is harmless.
 */
import type { AppDeps, SessionUser } from '../../context.js';
import type { AnchorInput, CommentType } from '../../../shared/comments/types.js';

/** What a registered anchor kind designates: the target's id and optional field (e.g. a scenario's budget line). */
export type CommentTargetRef = { id: string; field: string | null };

/** A registered anchor kind. */
export type CommentTarget = {
  /** True when the target exists in the project (else the comment is refused 400). */
  exists(deps: AppDeps, projectId: string, target: CommentTargetRef): boolean;
  /** Communes whose data the target is (filters by commune, "comments on my commune's data"); none by default. */
  communeIds?(deps: AppDeps, projectId: string, target: CommentTargetRef): string[];
};

const targets = new Map<string, CommentTarget>();

/** Registers (or replaces) an anchor kind, e.g. `registerCommentTarget('scenario', { exists })` from the scenarios mount. */
export function registerCommentTarget(kind: string, target: CommentTarget): void {
  targets.set(kind, target);
}

/** Removes a kind (returns what was registered, to put it back): until registered again, such anchors are refused 400. */
export function unregisterCommentTarget(kind: string): CommentTarget | undefined {
  const previous = targets.get(kind);
  targets.delete(kind);
  return previous;
}

/** The registered target of a kind, if any. */
export function commentTarget(kind: string): CommentTarget | undefined {
  return targets.get(kind);
}

/** What a guard is asked about. `roundId` is the new comment's, or the thread's for a reply. */
export type CommentGuardInput = {
  action: 'create' | 'reply';
  user: SessionUser;
  projectId: string;
  roundId: string | null;
  type: CommentType;
  /** The new thread's anchors (create) or the thread's (reply, as input shapes). */
  anchors: AnchorInput[];
  threadId: string | null;
};

/** Throws an `AppError` (e.g. 409 round closed, 403 partners not invited) to refuse; returns to allow. */
export type CommentGuard = (deps: AppDeps, input: CommentGuardInput) => void;

const guards = new Set<CommentGuard>();

/**
 * Registers a guard run before a comment or reply is written (after the permission check). Pass a module-level
 * function: registering the same function twice keeps one. Returns an unregister function.
 */
export function registerCommentGuard(guard: CommentGuard): () => void {
  guards.add(guard);
  return () => {
    guards.delete(guard);
  };
}

/** Runs every guard; the first refusal propagates. */
export function runCommentGuards(deps: AppDeps, input: CommentGuardInput): void {
  for (const guard of guards) guard(deps, input);
}
