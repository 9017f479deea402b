import './Skeleton.css';

export interface SkeletonProps {
  /** Number of lines. */
  lines?: number;
  className?: string;
}

/** A placeholder while data loads; announced once as "טוען…". */
export function Skeleton({ lines = 1, className }: SkeletonProps) {
  return (
    <div className={['skeleton-group', className].filter(Boolean).join(' ')} aria-busy="true">
      <span className="visually-hidden">טוען…</span>
      {Array.from({ length: lines }, (_, i) => (
        <span key={i} className="skeleton" aria-hidden="true" />
      ))}
    </div>
  );
}
