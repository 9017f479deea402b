import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../components/EmptyState';

export interface ComingSoonPageProps {
  title: string;
  icon: string;
  description: string;
}

/** Routes that the timeline and the Action Bar already link to; their screens come next. */
export function ComingSoonPage({ title, icon, description }: ComingSoonPageProps) {
  const [search] = useSearchParams();
  const customerId = search.get('customerId');
  return (
    <section className="page">
      <header className="page__header">
        <h1 className="page__title">{title}</h1>
      </header>
      <div className="card">
        <EmptyState
          icon={icon}
          title="המסך הזה עוד בבנייה"
          description={description}
          action={
            customerId ? <Link to={`/customers/${customerId}`}>חזרה לכרטיס הלקוח</Link> : undefined
          }
        />
      </div>
    </section>
  );
}

export function NotFoundPage() {
  return (
    <section className="page">
      <EmptyState
        icon="🧭"
        title="הדף לא נמצא"
        description="ייתכן שהקישור שגוי או שהדף הוסר."
        action={<Link to="/customers">ללקוחות</Link>}
      />
    </section>
  );
}
