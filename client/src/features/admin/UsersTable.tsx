import { ROLE_LABELS } from '../../../../shared/auth/roles.js';
import type { AdminUserDto } from '../../api/endpoints';
import { messages } from '../../i18n/messages';
import { Badge } from '../../ui/Badge';
import { useAttachmentNames } from './useTerritoryDirectory';

/** Every account, with its role, commune or partner organisation, and whether the invitation is still pending. */
export function UsersTable({ users }: { users: AdminUserDto[] }) {
  const m = messages.admin;
  const names = useAttachmentNames();
  const sorted = [...users].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="users-caption">
      <table className="table table-compact">
        <caption id="users-caption" className="visually-hidden">
          {m.usersCaption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{m.colName}</th>
            <th scope="col" className="only-wide">
              {m.colRole}
            </th>
            <th scope="col" className="only-wide">
              {m.colAttachment}
            </th>
            <th scope="col">{m.colStatus}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((u) => (
            <UserRow key={u.id} user={u} attachment={(u.communeId && names.get(u.communeId)) || (u.partnerId && names.get(u.partnerId)) || null} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UserRow({ user: u, attachment }: { user: AdminUserDto; attachment: string | null }) {
  const m = messages.admin;
  return (
    <tr>
      <th scope="row">
        {u.name}
        <span className="cell-sub">{breakableEmail(u.email)}</span>
        {/* Phones: role and attachment join the name so that the table fits without scrolling. */}
        <span className="cell-sub only-narrow">
          {ROLE_LABELS[u.role]}
          {attachment ? ` — ${attachment}` : ''}
        </span>
      </th>
      <td className="only-wide">
        {ROLE_LABELS[u.role]}
        {u.title ? <span className="cell-sub">{u.title}</span> : null}
      </td>
      <td className="only-wide">{attachment ?? messages.common.none}</td>
      <td>{u.pending ? <Badge tone="warning">{m.pending}</Badge> : <Badge tone="success">{m.active}</Badge>}</td>
    </tr>
  );
}

/** Lets a long address wrap after the « @ » rather than in the middle of a word. */
function breakableEmail(email: string) {
  const at = email.indexOf('@');
  if (at < 0) return email;
  return (
    <>
      {email.slice(0, at)}
      <wbr />
      {email.slice(at)}
    </>
  );
}
