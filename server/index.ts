/**
 * Boot: env -> db (migrate) -> seed (demo or first admin) -> app -> serve (HTTP + WebSocket) -> graceful shutdown.
 */
import { loadEnv } from './env.js';
import { createDeps, startServer } from './server.js';
import { bootstrap } from './seed/bootstrap.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demo-accounts.js';

async function main() {
  let env;
  try {
    env = loadEnv();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  const deps = createDeps(env);
  const lines = await bootstrap(deps);
  const running = await startServer(deps);
  const host = env.HOST === '0.0.0.0' ? 'localhost' : env.HOST;
  const out = [`Mutualab est prêt : http://${host}:${running.port}`, `Base de données : ${env.DATABASE_PATH}`, ...lines];
  if (env.DEMO) {
    out.push(`Mode démo — comptes (mot de passe « ${DEMO_PASSWORD} ») :`);
    for (const a of DEMO_ACCOUNTS) out.push(`  ${a.email.padEnd(32)} ${a.label}`);
  }
  console.log(out.join('\n'));
  // Machine-readable line for test harnesses that start the server on port 0.
  if (process.env.MUTUALAB_READY_LINE === '1') console.log(`MUTUALAB_READY port=${running.port}`);

  const shutdown = (signal: string) => {
    deps.logger.info('shutting down', { signal });
    running.close(signal === 'SIGTERM' ? 1012 : 1001).then(
      () => process.exit(0),
      (err) => {
        deps.logger.error('shutdown failed', { error: String(err) });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: Error) => {
  console.error(`Démarrage impossible : ${err.message}`);
  process.exit(1);
});
