import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Input, Select } from '../../components/Field';
import { useDebounced } from '../../hooks/useDebounced';
import { formatPhone } from '../../lib/phone';
import { customerKeys, getCustomer, listCustomers } from './api';
import './customers.css';

export interface CustomerPickerProps {
  value: string;
  onChange: (customerId: string) => void;
  error?: string | undefined;
  disabled?: boolean;
}

/** Search the customers by name or phone, then choose one. */
export function CustomerPicker({ value, onChange, error, disabled = false }: CustomerPickerProps) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const params = { page: 1, limit: 20, q, sort: 'name' };
  const results = useQuery({
    queryKey: customerKeys.list(params),
    queryFn: ({ signal }) => listCustomers(params, signal),
    enabled: !disabled,
  });
  const chosen = useQuery({
    queryKey: customerKeys.one(value),
    queryFn: () => getCustomer(value),
    enabled: Boolean(value),
  });

  const options = (results.data?.items ?? []).map((c) => ({
    value: c.id,
    label: `${c.name} · ${formatPhone(c.phone)}`,
  }));
  if (chosen.data && !options.some((o) => o.value === chosen.data.id)) {
    options.unshift({
      value: chosen.data.id,
      label: `${chosen.data.name} · ${formatPhone(chosen.data.phone)}`,
    });
  }

  if (disabled) {
    return <Input label="לקוח" readOnly value={chosen.data?.name ?? ''} error={error} />;
  }
  return (
    <div className="customer-picker">
      <Input
        label="חיפוש לקוח"
        type="search"
        placeholder="שם, טלפון או אימייל"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <Select
        label="לקוח"
        placeholder={results.isPending ? 'טוען לקוחות…' : 'בחרו לקוח'}
        options={options}
        value={value}
        error={error}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
