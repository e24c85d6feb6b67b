/**
 * Comments and amendments. `:threadId` is a thread opened by the CAF partner (a partner comments where invited) on
 * the plain note, `:messageId` its first message, `:amendmentId` an amendment proposed by the élue of Seillans on that
 * note. Reading = project readers; writing = everyone with access but observers; resolving/reopening = co-writers
 * (`comment.moderate`) and the thread's author (the partner, without edit rights); editing/deleting a message = its
 * author only; support/oppose = speakers except the amendment's author (400: it already counts as support);
 * accept/reject = facilitator and administrator (co-writers only once the facilitator allows it); the setting =
 * `project.update`.
 */
import { all, controllers, projectReaders, type Row } from '../actors.js';

const speakers = (ok: number) => all(ok, { anon: 401, eluBagnols: 403, observer: 403 });
const moderatorsAndAuthor = (ok: number) => all(ok, { anon: 401, eluBagnols: 403, observer: 403 });
const authorOnly = (ok: number) => all(403, { anon: 401, caf: ok });

export const COMMENTS_ROWS: Row[] = [
  { route: 'GET /api/projects/:projectId/comments', expect: projectReaders(200) },
  {
    route: 'POST /api/projects/:projectId/comments',
    body: { type: 'correction_donnee', body: 'La quotité est de 80 %.', anchors: [{ kind: 'diagnostic', recordType: 'agents', recordId: 'commentsMatrixAgent', field: 'quotitePct' }] },
    expect: speakers(201),
  },
  { route: 'GET /api/projects/:projectId/comment-counts', expect: projectReaders(200) },
  { route: 'GET /api/projects/:projectId/comment-people', expect: projectReaders(200) },
  { route: 'GET /api/comments/:threadId', expect: projectReaders(200) },
  { route: 'POST /api/comments/:threadId/replies', body: { body: 'Je précise.' }, expect: speakers(201) },
  { route: 'PATCH /api/comments/:threadId/messages/:messageId', body: { body: 'Texte corrigé.' }, expect: authorOnly(200) },
  { route: 'DELETE /api/comments/:threadId/messages/:messageId', expect: authorOnly(200) },
  { route: 'POST /api/comments/:threadId/resolve', expect: { ...moderatorsAndAuthor(200), caf: 200 } },
  { route: 'POST /api/comments/:threadId/reopen', expect: { ...moderatorsAndAuthor(200), caf: 200 } },
  { route: 'POST /api/amendments/:amendmentId/votes', body: { stance: 'soutien' }, expect: { ...speakers(200), eluSeillans: 400 } },
  { route: 'POST /api/amendments/:amendmentId/accept', expect: controllers(200) },
  { route: 'POST /api/amendments/:amendmentId/reject', body: { motivation: 'Rédaction à revoir en séance.' }, expect: controllers(200) },
  { route: 'GET /api/projects/:projectId/amendment-settings', expect: projectReaders(200) },
  { route: 'PUT /api/projects/:projectId/amendment-settings', body: { editorsDecideAmendments: true }, expect: controllers(200) },
];
