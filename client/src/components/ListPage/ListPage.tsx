import { useState, type ReactNode } from 'react';
import { useCanWrite } from '../../hooks/useSession';
import { downloadExport, errorMessage, type QueryParams } from '../../lib/api';
import { Button } from '../Button';
import { useToast } from '../toast';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';

/** The list's "new" action: in the header, and in the empty state of a list with no rows yet. */
export interface NewItem {
  label: string;
  onClick: () => void;
}

/** The server's CSV of every row matching the filters, not only the page on screen. */
interface ExportAll {
  path: string;
  params: QueryParams;
  fileName: string;
}

export interface ListPageProps {
  title: string;
  subtitle: string;
  exportAll?: ExportAll;
  /** Other actions for those who may write, before "new" (e.g. an import). */
  writeActions?: ReactNode;
  /** Shown only to those who may write. */
  newItem?: NewItem;
  children: ReactNode;
}

/**
 * The frame of a list screen (customers, tasks, quotes, invoices): the title, the export of every
 * matching row and the "new" action, above the page's own content (usually a ListTable).
 */
export function ListPage({
  title,
  subtitle,
  exportAll,
  writeActions,
  newItem,
  children,
}: ListPageProps) {
  const canWrite = useCanWrite();
  useDocumentTitle(title);
  const showNew = canWrite && newItem !== undefined;
  const showWriteActions = canWrite && writeActions !== undefined;
  return (
    <section className="page">
      <header className="page__header">
        <div>
          <h1 className="page__title">{title}</h1>
          <p className="page__subtitle">{subtitle}</p>
        </div>
        {exportAll || showWriteActions || showNew ? (
          <div className="page__actions">
            {exportAll ? <ExportAllButton {...exportAll} /> : null}
            {showWriteActions ? writeActions : null}
            {showNew ? (
              <Button variant="primary" icon="+" onClick={newItem.onClick}>
                {newItem.label}
              </Button>
            ) : null}
          </div>
        ) : null}
      </header>
      {children}
    </section>
  );
}

function ExportAllButton({ path, params, fileName }: ExportAll) {
  const toast = useToast();
  const [exporting, setExporting] = useState(false);
  const exportAll = async () => {
    setExporting(true);
    try {
      await downloadExport(path, params, fileName);
    } catch (e) {
      toast.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };
  return (
    <Button icon="⬇" loading={exporting} onClick={() => void exportAll()}>
      ייצוא הכול
    </Button>
  );
}
