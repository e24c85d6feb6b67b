import type { Context } from 'hono';
import type { AppEnv, SessionUser } from '../context.js';
import { unauthenticated } from './errors.js';

/** The signed-in user and request id that services record (call after `policy.authorize`, which rejects anonymity). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function requestCtx(c: Context<AppEnv, any, any>): { user: SessionUser; requestId: string } {
  const user = c.get('user');
  if (!user) throw unauthenticated();
  return { user, requestId: c.get('requestId') };
}
