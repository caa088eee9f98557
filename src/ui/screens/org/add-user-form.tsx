import { useState } from 'preact/hooks';
import { describeCode } from '../../../i18n/describe';
import { validateEmail } from '../../../rules';
import { Notice } from '../../components/notice';
import { TextField } from '../../components/text-field';
import { useOrgWords } from './org-words';
import type { ActionResult, OrgInfo } from './view-model';

// Refusals about the address itself belong under the email field.
const EMAIL_CODES = new Set(['EMAIL_DOMAIN', 'EMAIL_INVALID', 'DUPLICATE_EMAIL']);

interface AddUserFormProps {
  org: OrgInfo;
  onAdd: (input: { displayName: string; email: string }) => Promise<ActionResult>;
}

/**
 * An admin creates a work account with an official email of one of the
 * organization's verified domains (rule 1). The check runs here first, so the
 * admin hears the problem at once; the store checks again and has the last word.
 */
export function AddUserForm({ org, onAdd }: AddUserFormProps) {
  const { t, m, policy } = useOrgWords();
  const nameField = useTypedField();
  const emailField = useTypedField();
  const [name, email] = [nameField.value.trim(), emailField.value];
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setResult(null);
    const problem = validateEmail(email, org.domains);
    const nameBad = name === '' ? t.users.nameRequired : null;
    const emailBad =
      problem === null
        ? null
        : describeCode(
            m,
            problem === 'EMAIL_NOT_OFFICIAL' ? 'EMAIL_DOMAIN' : 'EMAIL_INVALID',
            null,
            policy,
          );
    nameField.setError(nameBad);
    emailField.setError(emailBad);
    if (nameBad ?? emailBad) {
      document.getElementById(nameBad ? 'add-user-name' : 'add-user-email')?.focus();
      return;
    }
    setBusy(true);
    const outcome = await onAdd({ displayName: name, email: email.trim() });
    setBusy(false);
    if (outcome.ok) {
      setResult({ ok: true, text: t.users.added(name, email.trim().toLowerCase()) });
      nameField.setValue('');
      emailField.setValue('');
    } else if (EMAIL_CODES.has(outcome.code)) {
      emailField.setError(describeCode(m, outcome.code, null, policy));
      document.getElementById('add-user-email')?.focus();
    } else {
      setResult({ ok: false, text: describeCode(m, outcome.code, null, policy) });
    }
  };

  return (
    <section class="card" aria-labelledby="add-user-title">
      <h2 id="add-user-title">{t.users.addHeading}</h2>
      <p class="muted">{t.users.addIntro(org.domains.map((d) => `@${d}`).join(', '))}</p>
      <form class="add-user" noValidate onSubmit={(e) => void submit(e)} data-testid="add-user">
        {[
          { id: 'add-user-name', label: t.users.name, ...nameField.props },
          {
            id: 'add-user-email',
            label: t.users.email,
            inputMode: 'email' as const,
            ...emailField.props,
          },
        ].map((field) => (
          <TextField key={field.id} {...field} autoComplete="off" required />
        ))}
        <button type="submit" class="primary" disabled={busy} aria-busy={busy ? 'true' : undefined}>
          {busy ? t.users.adding : t.users.add}
        </button>
      </form>
      {result ? (
        <Notice tone={result.ok ? 'ok' : 'error'} testId="add-user-result">
          <p>{result.text}</p>
        </Notice>
      ) : null}
    </section>
  );
}

/** A typed value and its problem, shown by a `TextField`: typing again clears the problem. */
function useTypedField() {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const onInput = (v: string) => {
    setValue(v);
    setError(null);
  };
  return { value, setValue, setError, props: { value, onInput, error } };
}
