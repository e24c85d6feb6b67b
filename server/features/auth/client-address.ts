/**
 * The address login throttling counts failures against. `X-Forwarded-For` is written by whoever sends the request,
 * so it is only believed when the request comes through a reverse proxy: a peer on loopback or a private network,
 * or any peer when `PUBLIC_ORIGIN` says the app is published behind one. Even then only the last hop counts (the
 * one the proxy appended; the left part is the client's own claim). A client connecting directly cannot dodge the
 * per-address limit by inventing a new `X-Forwarded-For` on each attempt.
 */

/** Loopback, private (RFC 1918), link-local and unique-local addresses, IPv4-mapped forms included. */
export function isPrivateAddress(address: string): boolean {
  const a = address.toLowerCase().replace(/^::ffff:/, '');
  if (a === '::1' || a.startsWith('fc') || a.startsWith('fd') || a.startsWith('fe80:')) return true;
  const m = a.match(/^(\d+)\.(\d+)\.\d+\.\d+$/);
  if (!m) return false;
  const [x, y] = [Number(m[1]), Number(m[2])];
  return x === 127 || x === 10 || (x === 172 && y >= 16 && y <= 31) || (x === 192 && y === 168) || (x === 169 && y === 254);
}

/**
 * `peer`: the socket's remote address (undefined for in-process requests, e.g. tests through `app.request`);
 * `forwardedFor`: the X-Forwarded-For header; `behindProxy`: PUBLIC_ORIGIN is configured.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | undefined, behindProxy: boolean): string {
  const lastHop = forwardedFor?.split(',').map((s) => s.trim()).filter(Boolean).at(-1);
  const proxied = behindProxy || peer === undefined || isPrivateAddress(peer);
  if (proxied && lastHop) return lastHop;
  return peer ?? 'local';
}
