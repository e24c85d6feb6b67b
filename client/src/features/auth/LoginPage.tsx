import { useState, type FormEvent } from 'react';
import { Navigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/endpoints';
import { q } from '../../api/queries';
import { messages } from '../../i18n/messages';
import { useOptionalMe } from '../../app/session';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextField } from '../../ui/Field';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { DemoAccounts } from './DemoAccounts';
import { useSignIn } from './useSignIn';

/** /connexion: e-mail and password form, plus one-click demo accounts when the server runs in demo mode. */
export function LoginPage() {
  const m = messages.login;
  useDocumentTitle(m.title);
  const { me } = useOptionalMe();
  const config = useQuery(q.config());
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [demoEmail, setDemoEmail] = useState<string | null>(null);
  const signIn = useSignIn((v: { email: string; password: string }) => api.login(v.email, v.password));

  if (me) return <Navigate to="/" replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDemoEmail(null);
    signIn.mutate({ email, password });
  };
  const pickDemo = (address: string) => {
    setDemoEmail(address);
    signIn.mutate({ email: address, password: config.data?.demoPassword ?? '' }, { onError: () => setDemoEmail(null) });
  };
  const demo = config.data?.demo && config.data.demoAccounts.length > 0;

  return (
    <div className={demo ? 'login-layout login-layout-demo' : 'login-layout'}>
      <div className="login-intro">
        <h1>{m.title}</h1>
        <p className="lead">{m.intro}</p>
      </div>
      {signIn.isError ? <ErrorMessage error={signIn.error} /> : null}
      {demo ? <DemoAccounts accounts={config.data!.demoAccounts} onPick={pickDemo} pendingEmail={signIn.isPending ? demoEmail : null} /> : null}
      <Card as="section" className="login-form" aria-labelledby="login-form-title">
        <h2 id="login-form-title">{demo ? m.or : m.formTitle}</h2>
        <form onSubmit={submit}>
          <TextField
            label={m.email}
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <TextField
            label={m.password}
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <Button type="submit" busy={signIn.isPending && !demoEmail} busyLabel={m.submitting} disabled={signIn.isPending}>
            {m.submit}
          </Button>
        </form>
      </Card>
    </div>
  );
}
