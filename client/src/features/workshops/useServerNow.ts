import { useEffect, useMemo, useState } from 'react';
import { skewMs } from '../../../../shared/workshops/live.js';

/**
 * The server's current time in milliseconds, ticking every second: the skew is measured when a new state arrives
 * (`serverNow`), so countdowns agree across screens whatever each computer's clock says.
 */
export function useServerNow(serverNow: string, running: boolean): number {
  const skew = useMemo(() => skewMs(serverNow, Date.now()), [serverNow]);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running, serverNow]);
  return now + skew;
}
