/**
 * A "target" is one server under test, ready for y-websocket clients: its URL, the query parameters a client
 * must send (Mutualab's `?token=`), and its room names (Mutualab rooms must exist in the `documents` table).
 */
import { freshDatabase, insertDocuments, login } from './mutualab-db.js';
import { startFloor, startMutualab, startReference, type ServerHandle } from './servers.js';
import type { WorkerInput } from './worker.js';

/** The servers a load can be pointed at (`relay`: the bytes-only floor of scenario 7). */
export type TargetName = 'mutualab' | 'reference' | 'relay';

/** A started server and how a stock client reaches it. */
export type Target = {
  name: TargetName;
  server: ServerHandle;
  url: string;
  params: Record<string, string>;
  waitFor: WorkerInput['waitFor'];
  dbPath: string | null;
  /** Stops the server (SIGTERM). */
  close(): Promise<void>;
};

/** Mutualab-only options: environment (e.g. SQLITE_SYNCHRONOUS) and node flags (e.g. --cpu-prof). */
export type TargetOptions = { env?: Record<string, string>; nodeArgs?: string[]; dbPath?: string };

/** Starts `name` with `rooms` available. A Mutualab database is fresh unless `opts.dbPath` is given. */
export async function openTarget(name: TargetName, rooms: string[], opts: TargetOptions = {}): Promise<Target> {
  if (name === 'mutualab') {
    const dbPath = opts.dbPath ?? (await freshDatabase());
    insertDocuments(dbPath, rooms);
    const server = await startMutualab({ dbPath, env: opts.env, nodeArgs: opts.nodeArgs });
    const token = await login(server.httpUrl);
    return { name, server, url: server.wsUrl, params: { token }, waitFor: 'synced', dbPath, close: () => server.stop() };
  }
  const server = name === 'reference' ? await startReference() : await startFloor('relay');
  return { name, server, url: server.wsUrl, params: {}, waitFor: name === 'relay' ? 'connected' : 'synced', dbPath: null, close: () => server.stop() };
}
