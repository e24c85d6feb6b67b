import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, type PartnerKind } from '../../api/endpoints';
import { keys } from '../../api/queries';
import { messages } from '../../i18n/messages';
import { Button } from '../../ui/Button';
import { ErrorMessage, SuccessMessage } from '../../ui/ErrorMessage';
import { SelectField, TextField } from '../../ui/Field';
import { useTerritoryDirectory } from './useTerritoryDirectory';

const PARTNER_KINDS: PartnerKind[] = ['caf', 'departement', 'msa', 'region', 'etat', 'autre'];

/**
 * Territory set-up from official data: create an EPCI from its SIREN (members come with it), associate a commune
 * from outside the EPCI by its INSEE code, add a partner organisation. Each form refreshes the territory queries.
 */
export function TerritoryAdmin() {
  const m = messages.admin;
  const { territories } = useTerritoryDirectory();
  const [territoryId, setTerritoryId] = useState('');
  const list = territories.data ?? [];
  const selected = territoryId || list[0]?.id || '';

  return (
    <div className="admin-forms">
      <CreateTerritory />
      {list.length === 0 ? (
        <p className="muted">{m.noTerritory}</p>
      ) : (
        <div>
          <SelectField label={m.territorySelect} value={selected} onChange={(e) => setTerritoryId(e.target.value)}>
            {list.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </SelectField>
          <p>
            <Link to={`/territoire/${selected}`}>{m.openTerritory}</Link>
          </p>
          <AddCommune territoryId={selected} />
          <AddPartner territoryId={selected} />
        </div>
      )}
    </div>
  );
}

/** A mutation that refreshes every territory query on success and remembers a confirmation text. */
function useTerritoryMutation<V, R>(fn: (v: V) => Promise<R>, confirm: (r: R) => string) {
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: fn,
    onMutate: () => setDone(null),
    onSuccess: async (r) => {
      setDone(confirm(r));
      await queryClient.invalidateQueries({ queryKey: keys.territories });
    },
  });
  return { mutation, done };
}

function MiniForm({ title, onSubmit, children }: { title: string; onSubmit: () => void; children: ReactNode }) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form className="mini-form" onSubmit={submit}>
      <h3>{title}</h3>
      {children}
    </form>
  );
}

function Outcome({ error, done }: { error: unknown; done: string | null }) {
  if (error) return <ErrorMessage error={error} />;
  return done ? <SuccessMessage>{done}</SuccessMessage> : null;
}

function CreateTerritory() {
  const m = messages.admin;
  const [siren, setSiren] = useState('');
  const { mutation, done } = useTerritoryMutation(api.createTerritory, (t) => m.territoryCreated(t.name));
  return (
    <MiniForm title={m.createTerritory} onSubmit={() => mutation.mutate(siren.trim(), { onSuccess: () => setSiren('') })}>
      <TextField label={m.siren} inputMode="numeric" pattern="\d{9}" required value={siren} onChange={(e) => setSiren(e.target.value)} />
      <Outcome error={mutation.error} done={done} />
      <Button type="submit" busy={mutation.isPending} busyLabel={messages.common.saving}>
        {m.createTerritorySubmit}
      </Button>
    </MiniForm>
  );
}

function AddCommune({ territoryId }: { territoryId: string }) {
  const m = messages.admin;
  const [insee, setInsee] = useState('');
  const { mutation, done } = useTerritoryMutation((code: string) => api.addCommune(territoryId, code), (c) => m.communeAdded(c.name));
  return (
    <MiniForm title={m.addCommune} onSubmit={() => mutation.mutate(insee.trim().toUpperCase(), { onSuccess: () => setInsee('') })}>
      <TextField label={m.insee} required maxLength={5} value={insee} onChange={(e) => setInsee(e.target.value)} />
      <Outcome error={mutation.error} done={done} />
      <Button type="submit" variant="secondary" busy={mutation.isPending} busyLabel={messages.common.saving}>
        {m.addCommuneSubmit}
      </Button>
    </MiniForm>
  );
}

function AddPartner({ territoryId }: { territoryId: string }) {
  const m = messages.admin;
  const [name, setName] = useState('');
  const [kind, setKind] = useState<PartnerKind>('caf');
  const { mutation, done } = useTerritoryMutation(
    (v: { name: string; kind: PartnerKind }) => api.addPartner(territoryId, v.name, v.kind),
    (p) => m.partnerAdded(p.name),
  );
  return (
    <MiniForm title={m.addPartner} onSubmit={() => mutation.mutate({ name: name.trim(), kind }, { onSuccess: () => setName('') })}>
      <TextField label={m.partnerName} required value={name} onChange={(e) => setName(e.target.value)} />
      <SelectField label={m.partnerKind} value={kind} onChange={(e) => setKind(e.target.value as PartnerKind)}>
        {PARTNER_KINDS.map((k) => (
          <option key={k} value={k}>
            {messages.territory.partnerKinds[k]}
          </option>
        ))}
      </SelectField>
      <Outcome error={mutation.error} done={done} />
      <Button type="submit" variant="secondary" busy={mutation.isPending} busyLabel={messages.common.saving}>
        {m.addPartnerSubmit}
      </Button>
    </MiniForm>
  );
}
