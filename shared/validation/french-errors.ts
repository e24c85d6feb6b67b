/**
 * Zod's built-in messages in French, for the whole process: the API answers in French, and a schema without a custom
 * message (a literal, a bound, a format) would otherwise leak « Invalid input: expected … » into an error shown to
 * an élu. Messages written in the schemas win over these. Imported for its effect by server/lib/openapi.ts.
 */
import { z } from 'zod';

z.config(z.locales.fr());
