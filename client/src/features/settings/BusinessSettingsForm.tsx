import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Input } from '../../components/Field';
import { Skeleton } from '../../components/Skeleton';
import { useToast } from '../../components/toast';
import { ApiError, errorMessage } from '../../lib/api';
import {
  billingKeys,
  getBillingSettings,
  saveBillingSettings,
  type BillingSettings,
} from '../billing/api';
import { israeliIdError } from '../../lib/israeliId';
import { vatBasisPoints } from './api';
import './settings.css';

interface Draft {
  businessName: string;
  businessId: string;
  address: string;
  phone: string;
  /** Percent as typed: "18". */
  vat: string;
}

function toDraft(s: BillingSettings): Draft {
  return {
    businessName: s.businessName ?? '',
    businessId: s.businessId ?? '',
    address: s.address ?? '',
    phone: s.phone ?? '',
    vat: String(s.vatRateBasisPoints / 100),
  };
}

export function BusinessSettingsForm() {
  const settings = useQuery({ queryKey: billingKeys.settings, queryFn: getBillingSettings });
  if (settings.isPending) return <Skeleton lines={4} />;
  if (settings.isError) {
    return (
      <EmptyState
        icon="⚠️"
        title="לא הצלחנו לטעון את פרטי העסק"
        description={errorMessage(settings.error)}
      />
    );
  }
  return <BusinessForm initial={settings.data} />;
}

function BusinessForm({ initial }: { initial: BillingSettings }) {
  const [draft, setDraft] = useState(() => toDraft(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const queryClient = useQueryClient();
  const toast = useToast();
  const save = useMutation({
    mutationFn: saveBillingSettings,
    onSuccess: (saved) => {
      queryClient.setQueryData(billingKeys.settings, saved);
      setDraft(toDraft(saved));
      setErrors({});
      toast.success('פרטי העסק נשמרו');
    },
    onError: (error) => {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
      toast.error(errorMessage(error));
    },
  });

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const vat = vatBasisPoints(draft.vat);
    const businessId = draft.businessId.trim();
    const found: Record<string, string> = {};
    if (vat === null) found.vatRateBasisPoints = 'שיעור המע״מ צריך להיות בין 0 ל-100';
    const businessIdError = israeliIdError(businessId);
    if (businessIdError) found.businessId = businessIdError;
    setErrors(found);
    if (vat === null || Object.keys(found).length > 0) return;
    save.mutate({
      vatRateBasisPoints: vat,
      businessName: draft.businessName.trim() || null,
      businessId: businessId || null,
      address: draft.address.trim() || null,
      phone: draft.phone.trim() || null,
    });
  };

  const field = (key: keyof Draft) => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value }),
  });

  return (
    <form className="form-grid" onSubmit={submit} noValidate aria-label="פרטי העסק">
      <Input
        label="שם העסק"
        maxLength={200}
        autoComplete="organization"
        error={errors.businessName}
        {...field('businessName')}
      />
      <Input
        label="מספר עוסק / ח״פ"
        inputMode="numeric"
        dir="ltr"
        maxLength={9}
        hint="9 ספרות, כפי שיודפס על החשבוניות"
        error={errors.businessId}
        {...field('businessId')}
      />
      <Input
        label="כתובת"
        maxLength={300}
        autoComplete="street-address"
        error={errors.address}
        {...field('address')}
      />
      <Input
        label="טלפון"
        type="tel"
        dir="ltr"
        maxLength={30}
        error={errors.phone}
        {...field('phone')}
      />
      <Input
        label="שיעור מע״מ (%)"
        inputMode="decimal"
        dir="ltr"
        required
        error={errors.vatRateBasisPoints}
        {...field('vat')}
      />
      <div className="form-grid__wide settings-actions">
        <Button type="submit" variant="primary" loading={save.isPending}>
          שמירת פרטי העסק
        </Button>
      </div>
    </form>
  );
}
