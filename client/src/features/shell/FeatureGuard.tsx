import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { Skeleton } from '../../components/Skeleton';
import { useFeatures } from '../../hooks/useFeatures';
import { useSession } from '../../hooks/useSession';
import { featureForPath, isOwnerOnlyPath } from './routeFeatures';

/**
 * Renders the screen only when its feature is on (and, for settings, the user is the owner), so a
 * bookmarked link to a switched-off screen shows why it is not there instead of failing requests.
 */
export function FeatureGuard({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const session = useSession();
  const features = useFeatures();
  const feature = featureForPath(pathname);
  const role = session?.user.role;

  if (isOwnerOnlyPath(pathname) && role !== 'owner' && role !== 'admin') {
    return (
      <section className="page">
        <EmptyState
          icon="🔒"
          title="המסך הזה זמין לבעלי החשבון בלבד"
          action={<Link to="/customers">ללקוחות</Link>}
        />
      </section>
    );
  }
  if (!feature) return children;
  // While the flags load, show nothing of the screen (it would ask the server for a feature
  // that may be off). If they cannot be read, the server still refuses what is off.
  if (features.isPending) {
    return (
      <section className="page">
        <Skeleton lines={3} />
      </section>
    );
  }
  if (features.isSuccess && !features.isOn(feature)) {
    return (
      <section className="page" data-feature-off={feature}>
        <EmptyState
          icon="🚫"
          title="התכונה הזו כבויה בעסק שלך"
          description={
            role === 'owner' || role === 'admin'
              ? 'אפשר להפעיל אותה מחדש בהגדרות, בלשונית "תכונות".'
              : 'בעל החשבון יכול להפעיל אותה בהגדרות.'
          }
          action={
            role === 'owner' || role === 'admin' ? (
              <Link to="/settings?tab=features">להגדרות</Link>
            ) : undefined
          }
        />
      </section>
    );
  }
  return children;
}
