/**
 * The authorization matrix: one literal table per feature (rows/*.ts), every HTTP route × actor → expected status.
 * A feature adds its file here; the meta-test fails when a registered route has no row.
 */
import type { Row } from './actors.js';
import { FOUNDATION_ROWS } from './rows/foundation.js';
import { DIAGNOSTIC_ROWS } from './rows/diagnostic.js';
import { EXPORTS_ROWS } from './rows/exports.js';
import { DOCUMENTS_ROWS } from './rows/documents.js';
import { VERSIONS_ROWS } from './rows/versions.js';
import { PROJECT_TRANSFER_ROWS } from './rows/project-transfer.js';
import { COMMENTS_ROWS } from './rows/comments.js';
import { SCENARIOS_ROWS } from './rows/scenarios.js';
import { WORKSHOPS_ROWS } from './rows/workshops.js';
import { ROUNDS_ROWS } from './rows/rounds.js';
import { PROGRAMMES_ROWS } from './rows/programmes.js';
import { NOTIFICATIONS_ROWS } from './rows/notifications.js';
import { CONVENTION_ROWS } from './rows/convention.js';

export { ACTORS, type ActorName } from './actors.js';

export const MATRIX: Row[] = [...FOUNDATION_ROWS, ...DIAGNOSTIC_ROWS, ...DOCUMENTS_ROWS, ...VERSIONS_ROWS, ...EXPORTS_ROWS, ...PROJECT_TRANSFER_ROWS, ...COMMENTS_ROWS, ...SCENARIOS_ROWS, ...WORKSHOPS_ROWS, ...ROUNDS_ROWS, ...PROGRAMMES_ROWS, ...NOTIFICATIONS_ROWS, ...CONVENTION_ROWS];


/** Routes that are documentation, not API (not in OpenAPI and not authorization-relevant). */
export const META_ROUTES = ['GET /api/openapi.json', 'GET /api/docs', 'GET /api/docs.js'];
