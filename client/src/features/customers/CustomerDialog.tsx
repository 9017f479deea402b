import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Input, Select, TextArea } from '../../components/Field';
import { useCloseGuard } from '../../components/useCloseGuard';
import { useToast } from '../../components/toast';
import { useUsers } from '../../hooks/useUsers';
import { ApiError, errorMessage } from '../../lib/api';
import { options } from '../../lib/options';
import { INVALID_PHONE, isValidPhone } from '../../lib/phone';
import { israeliIdError } from '../../lib/israeliId';
import {
  createCustomer,
  customerKeys,
  updateCustomer,
  type Customer,
  type CustomerInput,
  type CustomerSource,
  type CustomerStatus,
  type DealType,
} from './api';
import { DEAL_LABELS, SOURCE_LABELS, STATUS_LABELS } from './labels';

export interface CustomerDialogProps {
  /** null creates a new customer. */
  customer: Customer | null;
  onClose: () => void;
  onSaved: (customer: Customer) => void;
}

interface FormState {
  name: string;
  phone: string;
  email: string;
  vatId: string;
  status: CustomerStatus;
  source: CustomerSource;
  ownerId: string;
  area: string;
  rooms: string;
  budget: string;
  dealType: DealType | '';
  tags: string;
  notes: string;
}

function initial(c: Customer | null): FormState {
  return {
    name: c?.name ?? '',
    phone: c?.phone ?? '',
    email: c?.email ?? '',
    vatId: c?.vatId ?? '',
    status: c?.status ?? 'new',
    source: c?.source ?? 'manual',
    ownerId: c?.ownerId ?? '',
    area: c?.area ?? '',
    rooms: c?.rooms != null ? String(c.rooms) : '',
    budget: c?.budgetAgorot != null ? String(Math.round(c.budgetAgorot / 100)) : '',
    dealType: c?.dealType ?? '',
    tags: c?.tags.join(', ') ?? '',
    notes: c?.notes ?? '',
  };
}

function toInput(f: FormState, editing: boolean): CustomerInput {
  const optional = (v: string) => (v.trim() ? v.trim() : editing ? '' : undefined);
  const input: CustomerInput = {
    name: f.name.trim(),
    phone: f.phone.trim(),
    status: f.status,
    source: f.source,
    tags: f.tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    rooms: f.rooms.trim() ? Number(f.rooms) : null,
    budgetAgorot: f.budget.trim() ? Math.round(Number(f.budget.replace(/[,\s]/g, '')) * 100) : null,
  };
  const email = optional(f.email);
  if (email !== undefined) input.email = email;
  const vatId = optional(f.vatId);
  if (vatId !== undefined) input.vatId = vatId;
  const area = optional(f.area);
  if (area !== undefined) input.area = area;
  const notes = optional(f.notes);
  if (notes !== undefined) input.notes = notes;
  if (f.ownerId) input.ownerId = f.ownerId;
  if (f.dealType || editing) input.dealType = f.dealType;
  return input;
}

/** Create or edit a customer; the server's field messages appear under their fields. */
export function CustomerDialog({ customer, onClose, onSaved }: CustomerDialogProps) {
  const [opened] = useState<FormState>(() => initial(customer));
  const [form, setForm] = useState<FormState>(opened);
  const edited = (Object.keys(opened) as (keyof FormState)[]).some((k) => form[k] !== opened[k]);
  const { requestClose, question } = useCloseGuard(edited, onClose);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const users = useUsers();
  const toast = useToast();
  const queryClient = useQueryClient();
  const editing = customer !== null;

  const save = useMutation({
    mutationFn: (input: CustomerInput) =>
      customer ? updateCustomer(customer.id, input) : createCustomer(input),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: customerKeys.all });
      queryClient.setQueryData(customerKeys.one(saved.id), saved);
      toast.success(editing ? 'פרטי הלקוח נשמרו' : 'הלקוח נוסף');
      onSaved(saved);
    },
    onError: (error) => {
      if (error instanceof ApiError) setFieldErrors(error.fieldErrors);
      toast.error(errorMessage(error));
    },
  });

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!form.name.trim()) errors.name = 'יש להזין שם';
    if (!form.phone.trim()) errors.phone = 'יש להזין מספר טלפון';
    else if (!isValidPhone(form.phone)) errors.phone = INVALID_PHONE;
    const vatIdError = israeliIdError(form.vatId);
    if (vatIdError) errors.vatId = vatIdError;
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    save.mutate(toInput(form, editing));
  };

  return (
    <>
      {question}
      <Dialog
        open
        size="lg"
        title={editing ? `עריכת ${customer.name}` : 'לקוח חדש'}
        onClose={requestClose}
        footer={
          <>
            <Button onClick={requestClose}>ביטול</Button>
            <Button variant="primary" type="submit" form="customer-form" loading={save.isPending}>
              {editing ? 'שמירה' : 'הוספת לקוח'}
            </Button>
          </>
        }
      >
        <form id="customer-form" className="form-grid" onSubmit={submit} noValidate>
          <Input
            label="שם מלא"
            required
            data-autofocus
            value={form.name}
            error={fieldErrors.name}
            onChange={(e) => set('name', e.target.value)}
          />
          <Input
            label="טלפון"
            required
            type="tel"
            dir="ltr"
            placeholder="050-1234567"
            value={form.phone}
            error={fieldErrors.phone}
            onChange={(e) => set('phone', e.target.value)}
          />
          <Input
            label="אימייל"
            type="email"
            dir="ltr"
            value={form.email}
            error={fieldErrors.email}
            onChange={(e) => set('email', e.target.value)}
          />
          <Input
            label="מספר עוסק / ח״פ"
            dir="ltr"
            value={form.vatId}
            error={fieldErrors.vatId}
            onChange={(e) => set('vatId', e.target.value)}
          />
          <Select
            label="סטטוס"
            options={options(STATUS_LABELS)}
            value={form.status}
            onChange={(e) => set('status', e.target.value as CustomerStatus)}
          />
          <Select
            label="מקור"
            options={options(SOURCE_LABELS)}
            value={form.source}
            onChange={(e) => set('source', e.target.value as CustomerSource)}
          />
          <Select
            label="נציג אחראי"
            placeholder="ללא"
            options={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            value={form.ownerId}
            onChange={(e) => set('ownerId', e.target.value)}
          />
          <Select
            label="סוג עסקה"
            placeholder="לא צוין"
            options={options(DEAL_LABELS)}
            value={form.dealType}
            onChange={(e) => set('dealType', e.target.value as DealType | '')}
          />
          <Input
            label="אזור"
            value={form.area}
            error={fieldErrors.area}
            onChange={(e) => set('area', e.target.value)}
          />
          <Input
            label="חדרים"
            type="number"
            inputMode="decimal"
            min={0}
            max={99}
            step={0.5}
            value={form.rooms}
            error={fieldErrors.rooms}
            onChange={(e) => set('rooms', e.target.value)}
          />
          <Input
            label="תקציב (₪)"
            inputMode="numeric"
            dir="ltr"
            value={form.budget}
            error={fieldErrors.budgetAgorot}
            onChange={(e) => set('budget', e.target.value)}
          />
          <Input
            label="תגיות"
            hint="מופרדות בפסיקים"
            value={form.tags}
            error={fieldErrors.tags}
            onChange={(e) => set('tags', e.target.value)}
          />
          <div className="form-grid__wide">
            <TextArea
              label="הערות"
              rows={3}
              value={form.notes}
              error={fieldErrors.notes}
              onChange={(e) => set('notes', e.target.value)}
            />
          </div>
        </form>
      </Dialog>
    </>
  );
}
