import { useSearchParams } from 'react-router';
import { Tabs } from '../../components/Tabs';
import { useFeatures } from '../../hooks/useFeatures';
import { AllocationThresholdsForm } from '../billing/AllocationThresholdsForm';
import { BusinessSettingsForm } from './BusinessSettingsForm';
import { CallbackSettingsForm } from './CallbackSettingsForm';
import { FeatureSettings } from './FeatureSettings';
import { NumbersSettings } from '../numbers/NumbersSettings';
import { ReceptionistSettingsForm } from './ReceptionistSettingsForm';
import { UsersSettings } from './UsersSettings';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { WhatsAppTemplateSettings } from '../whatsapp/WhatsAppTemplateSettings';
import './settings.css';

/** The owner's settings (the shell shows the link and the route guard lets in owners only). */
export function SettingsPage() {
  useDocumentTitle('הגדרות');
  const { isOn } = useFeatures();
  const [search, setSearch] = useSearchParams();
  const tabs = [
    ...(isOn('invoices') || isOn('contracts') ? [{ id: 'business', label: 'פרטי העסק' }] : []),
    ...(isOn('calls') ? [{ id: 'receptionist', label: 'מזכירה דיגיטלית' }] : []),
    ...(isOn('calls') ? [{ id: 'numbers', label: 'מספרי טלפון' }] : []),
    ...(isOn('tasks') ? [{ id: 'callbacks', label: 'חזרה ללקוחות' }] : []),
    ...(isOn('whatsapp') ? [{ id: 'whatsapp', label: 'תבניות WhatsApp' }] : []),
    { id: 'users', label: 'משתמשים והרשאות' },
    { id: 'features', label: 'תכונות' },
  ];
  const requested = search.get('tab');
  const selected = tabs.find((t) => t.id === requested)?.id ?? tabs[0]?.id ?? 'users';
  const select = (id: string) => {
    const next = new URLSearchParams(search);
    next.set('tab', id);
    setSearch(next, { replace: true });
  };

  return (
    <section className="page settings">
      <header className="page__header">
        <h1 className="page__title">הגדרות</h1>
      </header>
      <div className="card">
        <Tabs tabs={tabs} selected={selected} onSelect={select} label="הגדרות">
          {selected === 'business' ? <BusinessSettingsForm /> : null}
          {selected === 'business' && isOn('invoices') ? <AllocationThresholdsForm /> : null}
          {selected === 'receptionist' ? <ReceptionistSettingsForm /> : null}
          {selected === 'numbers' ? <NumbersSettings /> : null}
          {selected === 'callbacks' ? <CallbackSettingsForm /> : null}
          {selected === 'whatsapp' ? <WhatsAppTemplateSettings /> : null}
          {selected === 'users' ? <UsersSettings /> : null}
          {selected === 'features' ? <FeatureSettings /> : null}
        </Tabs>
      </div>
    </section>
  );
}
