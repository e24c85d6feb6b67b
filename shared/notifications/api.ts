/** Request schemas and response shapes of the notification centre API. */
import { z } from 'zod';

/** `POST /api/notifications/read-all`: `{}` marks everything read; `projectId` limits it to one project. */
export const MarkAllReadSchema = z.object({ projectId: z.string().min(1).max(64).optional() }).strict();
export type MarkAllReadInput = z.infer<typeof MarkAllReadSchema>;

/** `GET /api/notifications/unread-count`. */
export type UnreadCountDto = { count: number };
/** `POST /api/notifications/read-all`. */
export type MarkAllReadDto = { updated: number };
