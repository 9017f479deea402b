import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { Input, Select } from '../../components/Field';
import { Skeleton } from '../../components/Skeleton';
import { useToast } from '../../components/toast';
import { useSession } from '../../hooks/useSession';
import { usersKey, useUsers, type User } from '../../hooks/useUsers';
import { ApiError, errorMessage } from '../../lib/api';
import {
  createUser,
  deactivateUser,
  inviteUser,
  reactivateUser,
  type CreateUserInput,
  type InvitationInput,
} from './api';
// The users table looks like a DataTable.
import '../../components/DataTable/DataTable.css';
import './settings.css';

const ROLE_LABELS: Record<string, string> = {
  owner: 'בעלים',
  agent: 'סוכן',
  viewer: 'צפייה בלבד',
  admin: 'מנהל מערכת',
};

const ASSIGNABLE = [
  { value: 'agent', label: 'סוכן: עובד עם לקוחות, משימות ומסמכים' },
  { value: 'viewer', label: 'צפייה בלבד' },
];

/** Users and roles: the owner adds agents and viewers and deactivates them (never the owner). */
export function UsersSettings() {
  const users = useUsers();
  const me = useSession()?.user.id;
  const [adding, setAdding] = useState(false);
  const [inviting, setInviting] = useState(false);
  const [confirm, setConfirm] = useState<User | null>(null);
  const queryClient = useQueryClient();
  const toast = useToast();
  const deactivate = useMutation({
    mutationFn: (user: User) => deactivateUser(user.id),
    onSuccess: (_saved, user) => {
      void queryClient.invalidateQueries({ queryKey: usersKey });
      toast.success(`${user.name} הושבת/ה`);
      setConfirm(null);
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  const reactivate = useMutation({
    mutationFn: (user: User) => reactivateUser(user.id),
    onSuccess: (_saved, user) => {
      void queryClient.invalidateQueries({ queryKey: usersKey });
      toast.success(`${user.name} הופעל/ה מחדש`);
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  if (users.isPending) return <Skeleton lines={4} />;
  if (users.isError) {
    return (
      <EmptyState
        icon="⚠️"
        title="לא הצלחנו לטעון את המשתמשים"
        description={errorMessage(users.error)}
      />
    );
  }

  const sorted = [...users.data].sort(
    (a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'he'),
  );
  return (
    <div className="stack">
      <div className="settings-actions">
        <Button variant="primary" icon="✉" onClick={() => setInviting(true)}>
          הזמנה במייל
        </Button>
        <Button icon="+" onClick={() => setAdding(true)}>
          הוספת משתמש עם סיסמה
        </Button>
      </div>
      <div className="data-table__scroll">
        <table className="data-table__table users-table">
          <caption className="visually-hidden">משתמשי העסק</caption>
          <thead>
            <tr>
              <th scope="col">שם</th>
              <th scope="col">אימייל</th>
              <th scope="col">תפקיד</th>
              <th scope="col">מצב</th>
              <th scope="col">
                <span className="visually-hidden">פעולות</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((u) => (
              <tr key={u.id} data-user-id={u.id}>
                <td>
                  {u.name}
                  {u.id === me ? <span className="muted"> (את/ה)</span> : null}
                </td>
                <td data-label="אימייל">
                  <span dir="ltr">{u.email}</span>
                </td>
                <td data-label="תפקיד">
                  <Badge tone={u.role === 'owner' ? 'primary' : 'neutral'}>
                    {ROLE_LABELS[u.role] ?? u.role}
                  </Badge>
                </td>
                <td data-label="מצב">
                  {u.active ? <Badge tone="success">פעיל</Badge> : <Badge>מושבת</Badge>}
                </td>
                <td data-column="actions">
                  {u.active && u.role !== 'admin' && u.id !== me ? (
                    <Button size="sm" variant="ghost" onClick={() => setConfirm(u)}>
                      השבתה
                    </Button>
                  ) : null}
                  {!u.active ? (
                    <Button
                      size="sm"
                      variant="ghost"
                      loading={reactivate.isPending && reactivate.variables.id === u.id}
                      onClick={() => reactivate.mutate(u)}
                    >
                      הפעלה מחדש
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {adding ? <AddUserDialog onClose={() => setAdding(false)} /> : null}
      {inviting ? <InviteDialog onClose={() => setInviting(false)} /> : null}
      {confirm ? (
        <Dialog
          open
          title={`להשבית את ${confirm.name}?`}
          onClose={() => setConfirm(null)}
          footer={
            <>
              <Button onClick={() => setConfirm(null)}>ביטול</Button>
              <Button
                variant="danger"
                loading={deactivate.isPending}
                onClick={() => deactivate.mutate(confirm)}
              >
                השבתה
              </Button>
            </>
          }
        >
          <p>
            {confirm.name} לא יוכל/תוכל להתחבר יותר. הלקוחות, המשימות וההיסטוריה שלו/ה נשארים
            במערכת.
          </p>
        </Dialog>
      ) : null}
    </div>
  );
}

function AddUserDialog({ onClose }: { onClose: () => void }) {
  const [draft, setDraft] = useState<CreateUserInput>({ name: '', email: '', role: 'agent' });
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<{ name: string; password?: string } | null>(null);
  const queryClient = useQueryClient();
  const toast = useToast();
  const create = useMutation({
    mutationFn: createUser,
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: usersKey });
      toast.success(`${result.user.name} נוסף/ה`);
      if (result.temporaryPassword) {
        setCreated({ name: result.user.name, password: result.temporaryPassword });
      } else onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
      toast.error(errorMessage(error));
    },
  });

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!draft.name.trim()) found.name = 'יש להזין שם';
    if (!/^\S+@\S+\.\S+$/.test(draft.email.trim())) found.email = 'כתובת האימייל אינה תקינה';
    if (password && password.length < 8) found.password = 'הסיסמה חייבת להכיל לפחות 8 תווים';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    create.mutate({
      name: draft.name.trim(),
      email: draft.email.trim(),
      role: draft.role,
      ...(password ? { password } : {}),
    });
  };

  if (created) {
    return (
      <Dialog
        open
        title="המשתמש נוסף"
        onClose={onClose}
        footer={
          <Button variant="primary" onClick={onClose}>
            סיום
          </Button>
        }
      >
        <div className="stack">
          <p>
            הסיסמה הזמנית של {created.name} מוצגת פעם אחת בלבד. מסרו אותה בדרך בטוחה; לאחר הכניסה
            אפשר להחליף אותה בדף &quot;הפרופיל שלי&quot; (לחיצה על השם בראש המסך).
          </p>
          <output className="temporary-password" dir="ltr" aria-label="סיסמה זמנית">
            {created.password}
          </output>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog
      open
      title="הוספת משתמש"
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>ביטול</Button>
          <Button variant="primary" type="submit" form="user-form" loading={create.isPending}>
            הוספה
          </Button>
        </>
      }
    >
      <form id="user-form" className="form-grid" onSubmit={submit} noValidate>
        <Input
          label="שם"
          required
          data-autofocus
          maxLength={200}
          error={errors.name}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
        <Input
          label="אימייל"
          type="email"
          dir="ltr"
          required
          maxLength={254}
          error={errors.email}
          value={draft.email}
          onChange={(e) => setDraft({ ...draft, email: e.target.value })}
        />
        <Select
          label="תפקיד"
          options={ASSIGNABLE}
          error={errors.role}
          value={draft.role}
          onChange={(e) => setDraft({ ...draft, role: e.target.value as CreateUserInput['role'] })}
        />
        <Input
          label="סיסמה (לא חובה)"
          type="password"
          autoComplete="new-password"
          hint="ריק: תיווצר סיסמה זמנית"
          error={errors.password}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </form>
    </Dialog>
  );
}

/** The colleague gets a link by mail and chooses their own password (ADR 0031). */
function InviteDialog({ onClose }: { onClose: () => void }) {
  const [draft, setDraft] = useState<InvitationInput>({ name: '', email: '', role: 'agent' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const toast = useToast();
  const invite = useMutation({
    mutationFn: inviteUser,
    onSuccess: () => {
      toast.success(`ההזמנה נשלחה אל ${draft.email.trim()}`);
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
      toast.error(errorMessage(error));
    },
  });

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!draft.name.trim()) found.name = 'יש להזין שם';
    if (!/^\S+@\S+\.\S+$/.test(draft.email.trim())) found.email = 'כתובת האימייל אינה תקינה';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    invite.mutate({ name: draft.name.trim(), email: draft.email.trim(), role: draft.role });
  };

  return (
    <Dialog
      open
      title="הזמנת משתמש במייל"
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>ביטול</Button>
          <Button variant="primary" type="submit" form="invite-form" loading={invite.isPending}>
            שליחת הזמנה
          </Button>
        </>
      }
    >
      <form id="invite-form" className="form-grid" onSubmit={submit} noValidate>
        <p className="form-grid__wide">
          נשלח קישור להצטרפות. המוזמן/ת יבחר/תבחר סיסמה משלו/ה; הקישור בתוקף לשבוע.
        </p>
        <Input
          label="שם"
          required
          data-autofocus
          maxLength={200}
          error={errors.name}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
        <Input
          label="אימייל"
          type="email"
          dir="ltr"
          required
          maxLength={254}
          error={errors.email}
          value={draft.email}
          onChange={(e) => setDraft({ ...draft, email: e.target.value })}
        />
        <Select
          label="תפקיד"
          options={ASSIGNABLE}
          error={errors.role}
          value={draft.role}
          onChange={(e) => setDraft({ ...draft, role: e.target.value as InvitationInput['role'] })}
        />
      </form>
    </Dialog>
  );
}
