import { useQuery } from '@tanstack/react-query';
import { q } from '../../api/queries';
import { messages } from '../../i18n/messages';
import { useMe } from '../../app/session';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { QueryState } from '../../ui/QueryState';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { InviteForm } from './InviteForm';
import { TerritoryAdmin } from './TerritoryAdmin';
import { UsersTable } from './UsersTable';
import { ProjectTransfer } from './ProjectTransfer';

/**
 * `/admin`: accounts and territories. The navigation shows it to administrators only; the server refuses the
 * calls to anyone else anyway, so this check is about not showing a page full of errors.
 */
export function AdminPage() {
  const m = messages.admin;
  useDocumentTitle(m.title);
  const me = useMe();
  if (me.role !== 'administrateur') {
    return (
      <>
        <h1>{m.title}</h1>
        <EmptyState title={m.forbiddenTitle}>
          <p>{m.forbiddenText}</p>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <h1>{m.title}</h1>
      <div className="stack">
        <AccountsSection />
        <Card as="section" aria-labelledby="territories-title">
          <h2 id="territories-title">{m.territoryTitle}</h2>
          <TerritoryAdmin />
        </Card>
        <Card as="section" aria-labelledby="transfer-title">
          <h2 id="transfer-title">{m.transferTitle}</h2>
          <ProjectTransfer />
        </Card>
      </div>
    </>
  );
}

function AccountsSection() {
  const m = messages.admin;
  const users = useQuery(q.users());
  return (
    <div className="admin-grid">
      <Card as="section" aria-labelledby="users-title">
        <h2 id="users-title">{m.usersTitle}</h2>
        <QueryState query={users}>{(list) => <UsersTable users={list} />}</QueryState>
      </Card>
      <Card as="section" aria-labelledby="invite-title">
        <h2 id="invite-title">{m.inviteTitle}</h2>
        <InviteForm />
      </Card>
    </div>
  );
}
