import type { DbLike } from '../db/client.js';
import { auditEvents } from '../db/schema/index.js';

export type AuditEntry = {
  at: string;
  userId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  projectId?: string | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
};

/** Appends one audit event; call it inside the service's transaction so the change and its trace land together. */
export function recordAudit(db: DbLike, entry: AuditEntry): void {
  db.insert(auditEvents)
    .values({
      at: entry.at,
      userId: entry.userId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      projectId: entry.projectId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId: entry.requestId ?? null,
    })
    .run();
}
