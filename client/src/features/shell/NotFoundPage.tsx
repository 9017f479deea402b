import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';

export function NotFoundPage() {
  useDocumentTitle('הדף לא נמצא');
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
