import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { COMMUNE_ROLES, ROLE_LABELS, ROLES, type Role } from '../../../../shared/auth/roles.js';
import { api, type InvitationCreated } from '../../api/endpoints';
import { keys } from '../../api/queries';
import { messages } from '../../i18n/messages';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SelectField, TextField } from '../../ui/Field';
import { CopyLink } from './CopyLink';
import { useTerritoryDirectory } from './useTerritoryDirectory';

/**
 * Invites a person: the server creates the account and returns a one-time link that the administrator passes on
 * (no e-mail is sent by Mutualab). Communal roles need a commune, partners need their organisation.
 */
export function InviteForm() {
  const m = messages.admin;
  const queryClient = useQueryClient();
  const { communes, partners } = useTerritoryDirectory();
  const [form, setForm] = useState({ name: '', email: '', role: 'elu_communal' as Role, communeId: '', partnerId: '', title: '' });
  const [created, setCreated] = useState<InvitationCreated | null>(null);
  const needsCommune = COMMUNE_ROLES.includes(form.role);
  const needsPartner = form.role === 'partenaire';
  const invite = useMutation({
    mutationFn: api.invite,
    onSuccess: async (result) => {
      setCreated(result);
      setForm((f) => ({ ...f, name: '', email: '', title: '' }));
      await queryClient.invalidateQueries({ queryKey: keys.users });
    },
  });
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: e.target.value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    invite.mutate({
      name: form.name.trim(),
      email: form.email.trim(),
      role: form.role,
      ...(needsCommune && form.communeId ? { communeId: form.communeId } : {}),
      ...(needsPartner && form.partnerId ? { partnerId: form.partnerId } : {}),
      ...(form.title.trim() ? { title: form.title.trim() } : {}),
    });
  };

  return (
    <form onSubmit={submit}>
      <TextField label={m.inviteName} required autoComplete="off" value={form.name} onChange={set('name')} />
      <TextField label={m.inviteEmail} type="email" required autoComplete="off" value={form.email} onChange={set('email')} />
      <SelectField label={m.inviteRole} required value={form.role} onChange={set('role')}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </SelectField>
      {needsCommune ? (
        <SelectField label={m.inviteCommune} required value={form.communeId} onChange={set('communeId')}>
          <option value="">{m.choose}</option>
          {[...communes].sort((a, b) => a.name.localeCompare(b.name, 'fr')).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      {needsPartner ? (
        <SelectField label={m.invitePartner} required value={form.partnerId} onChange={set('partnerId')}>
          <option value="">{m.choose}</option>
          {partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <TextField label={m.inviteTitleField} value={form.title} onChange={set('title')} />
      {invite.isError ? <ErrorMessage error={invite.error} /> : null}
      <Button type="submit" busy={invite.isPending} busyLabel={messages.common.saving}>
        {m.inviteSubmit}
      </Button>
      {created ? <CopyLink intro={m.inviteDone(created.user.name)} label={m.inviteLink} url={created.invitationUrl} /> : null}
    </form>
  );
}
