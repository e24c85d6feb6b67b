/**
 * A small structured logger (JSON lines to stderr). Token-bearing query strings are redacted (contracts.md).
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type Logger = {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
};

/** Removes secrets from URLs before they reach a log line. */
export function redactUrl(url: string): string {
  return url.replace(/([?&](?:token|invitation)=)[^&#]*/gi, '$1[redacted]');
}

export function createLogger(level: Level | 'silent' = 'info'): Logger {
  const threshold = level === 'silent' ? Infinity : ORDER[level];
  const write = (lvl: Level, msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[lvl] < threshold) return;
    const line = JSON.stringify({ t: new Date().toISOString(), level: lvl, msg, ...fields });
    process.stderr.write(line + '\n');
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}
