import type { SeanceBody } from '../../../shared/workshops/bodies.js';
import type { SeanceStatus } from '../../../shared/workshops/seance.js';
import type { SeanceListItemDto } from '../../../shared/workshops/types.js';
import type { SeanceRow } from './workshops.repo.js';

/** A séance in the project's list (never the raw row: no events, no speaking queue). */
export function presentSeanceListItem(row: SeanceRow): SeanceListItemDto {
  return {
    id: row.id,
    projectId: row.projectId,
    title: row.title,
    body: row.body as SeanceBody,
    startsAt: row.startsAt,
    location: row.location,
    videoUrl: row.videoUrl,
    status: row.status as SeanceStatus,
    plannedMinutes: row.agenda.reduce((sum, i) => sum + i.plannedMinutes, 0),
    itemCount: row.agenda.length,
  };
}
