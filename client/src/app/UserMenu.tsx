import { usePopover } from '../ui/usePopover';
import type { MeDto } from '../../../shared/api/types.js';
import { ROLE_LABELS } from '../../../shared/auth/roles.js';
import { messages } from '../i18n/messages';
import { Button } from '../ui/Button';
import { useLogout } from './session';

/**
 * The user menu: a disclosure button (name and role) opening a panel with the person's details and « Se
 * déconnecter ». A disclosure rather than an ARIA menu: it holds text as well as an action. Escape and a click
 * outside close it; Escape returns focus to the button.
 */
export function UserMenu({ me }: { me: MeDto }) {
  const { open, panelId, rootRef, buttonProps } = usePopover();
  const { logout, pending } = useLogout();
  const m = messages.userMenu;
  const roleLabel = ROLE_LABELS[me.role];
  const organisation = me.communeName ?? me.partnerName;


  return (
    <div className="usermenu" ref={rootRef}>
      <button
        {...buttonProps}
        type="button"
        className="usermenu-button"
      >
        <span className="avatar" aria-hidden="true">
          {initials(me.name)}
        </span>
        <span className="usermenu-who">
          <span className="usermenu-name">{me.name}</span>
          <span className="usermenu-role">{roleLabel}</span>
        </span>
        <span className="usermenu-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      <div id={panelId} className="usermenu-panel" hidden={!open}>
        <p className="usermenu-panel-name">{me.name}</p>
        <dl className="usermenu-details">
          <div>
            <dt className="visually-hidden">{m.roleTerm}</dt>
            <dd>{roleLabel}</dd>
          </div>
          {me.title ? (
            <div>
              <dt className="visually-hidden">{m.titleTerm}</dt>
              <dd>{me.title}</dd>
            </div>
          ) : null}
          {organisation ? (
            <div>
              <dt className="visually-hidden">{me.communeName ? m.communeTerm : m.organisationTerm}</dt>
              <dd>{organisation}</dd>
            </div>
          ) : null}
          <div>
            <dt className="visually-hidden">{m.emailTerm}</dt>
            <dd className="usermenu-email">{me.email}</dd>
          </div>
        </dl>
        <Button variant="secondary" onClick={() => void logout()} busy={pending} busyLabel={m.loggingOut}>
          {m.logout}
        </Button>
      </div>
    </div>
  );
}

/** « Claire Martin » → « CM ». */
function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}
