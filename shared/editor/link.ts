/**
 * What a link in a deliberation text may point to: web pages, e-mail addresses and phone numbers. Anything else
 * (`javascript:`, `data:`, a relative path) is refused with a French reason; a bare domain gets `https://`.
 */
export type LinkCheck = { ok: true; href: string } | { ok: false; reason: string };

const ALLOWED = /^(https?:\/\/|mailto:|tel:)/i;
const BARE_DOMAIN = /^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i;

/** Validates and normalises what a person typed as a link address. */
export function checkLinkHref(input: string): LinkCheck {
  const value = input.trim();
  if (value === '' || value === 'https://') return { ok: false, reason: 'Saisissez une adresse, par exemple https://www.paysdefayence.fr.' };
  if (/\s/.test(value)) return { ok: false, reason: 'Une adresse ne contient pas d’espace.' };
  const href = ALLOWED.test(value) ? value : BARE_DOMAIN.test(value) ? `https://${value}` : null;
  if (!href) return { ok: false, reason: 'Adresse non reconnue : elle doit commencer par https://, http://, mailto: ou tel:.' };
  if (/^https?:\/\//i.test(href)) {
    try {
      const url = new URL(href);
      if (!url.hostname.includes('.') && url.hostname !== 'localhost') return { ok: false, reason: 'Adresse incomplète : il manque le nom de domaine (par exemple .fr).' };
    } catch {
      return { ok: false, reason: 'Adresse mal formée.' };
    }
  }
  return { ok: true, href };
}
