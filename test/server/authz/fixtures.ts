/**
 * Per-feature fixtures of the authorization matrix: each feature creates, in the seeded base database, the records
 * its rows point at (a comment, a round, a scenario, a séance…) and says how to fill the route's parameters.
 * Register yours in `MATRIX_FIXTURES` (fixtures/index.ts); the matrix test runs every setup before taking the image.
 */
import type { TestApp } from '../../support/test-app.js';
import type { ActorName } from './actors.js';

export type MatrixSetupContext = {
  base: TestApp;
  /** Bearer tokens by actor (anon has none). */
  tokens: Record<ActorName, string | undefined>;
  projectId: string;
  /** Documents of the demo project made for the matrix: a plain note, an archived one, a locked one. */
  docs: { plain: string; archived: string; locked: string };
};

export type MatrixFixtureResult = {
  /** Values of route parameters, e.g. `{ commentId: 'cmt_…' }` fills `:commentId`. */
  params: Record<string, string>;
  /** A concrete path for a route this feature owns when one parameter value is not enough (undefined: use params). */
  path?(route: string): string | undefined;
  /** Rewrites a row's body (to put ids known only after setup). */
  body?(body: unknown): unknown;
};

export type MatrixFixture = (ctx: MatrixSetupContext) => Promise<MatrixFixtureResult>;
