/**
 * The notification centre: personal. Any signed-in user lists, counts and marks their own; the fixture's
 * notification belongs to the élu of Fayence, so marking it read is a 404 for everyone else.
 */
import { all, signedIn, type Row } from '../actors.js';

export const NOTIFICATIONS_ROWS: Row[] = [
  { route: 'GET /api/notifications', expect: signedIn(200) },
  { route: 'GET /api/notifications/unread-count', expect: signedIn(200) },
  { route: 'GET /api/notifications/events', expect: signedIn(200) },
  { route: 'POST /api/notifications/:notificationId/read', expect: all(404, { anon: 401, eluFayence: 200 }) },
  { route: 'POST /api/notifications/read-all', body: {}, expect: signedIn(200) },
];
