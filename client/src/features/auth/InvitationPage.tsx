import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/endpoints';
import { q } from '../../api/queries';
import { messages } from '../../i18n/messages';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextField } from '../../ui/Field';
import { QueryState } from '../../ui/QueryState';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useSignIn } from './useSignIn';

/** Minimum length checked here for a quick answer; the server enforces its own rules and its message wins. */
const MIN_PASSWORD_LENGTH = 12;

/** /invitation/:token: the invitee chooses a password, which activates the account and signs them in. */
export function InvitationPage() {
  const m = messages.invitation;
  useDocumentTitle(m.title);
  const { token = '' } = useParams();
  const invitation = useQuery(q.invitation(token));
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ password?: string; confirm?: string }>({});
  const accept = useSignIn((pwd: string) => api.acceptInvitation(token, pwd));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = {
      password: password.length < MIN_PASSWORD_LENGTH ? m.tooShort : undefined,
      confirm: password !== confirm ? m.mismatch : undefined,
    };
    setErrors(next);
    if (!next.password && !next.confirm) accept.mutate(password);
  };

  return (
    <div className="narrow">
      <h1>{m.title}</h1>
      <QueryState query={invitation}>
        {(inv) => (
          <Card as="section" aria-label={m.title}>
            <p className="lead">{m.intro(inv.name, inv.email)}</p>
            {accept.isError ? <ErrorMessage error={accept.error} /> : null}
            <form onSubmit={submit} noValidate>
              {/* Lets password managers file the new password under the right account. */}
              <input type="email" name="username" autoComplete="username" value={inv.email} readOnly hidden />
              <TextField
                label={m.password}
                type="password"
                autoComplete="new-password"
                required
                minLength={MIN_PASSWORD_LENGTH}
                hint={m.passwordHint}
                error={errors.password}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
              <TextField
                label={m.confirm}
                type="password"
                autoComplete="new-password"
                required
                error={errors.confirm}
                value={confirm}
                onChange={(e) => setConfirm(e.target.value)}
              />
              <Button type="submit" busy={accept.isPending} busyLabel={m.submitting}>
                {m.submit}
              </Button>
            </form>
          </Card>
        )}
      </QueryState>
    </div>
  );
}
