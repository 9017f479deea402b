import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { useToast } from '../../components/toast';
import { errorMessage } from '../../lib/api';
import { customerKeys, importCustomers, type ImportReport } from './api';
import './customers.css';

const COLUMNS =
  'name, phone, email, vatId, status, source, tags, notes, area, rooms, budgetAgorot, dealType';

/** Upload a CSV of customers; rows whose phone already exists are skipped, not duplicated. */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const queryClient = useQueryClient();
  const toast = useToast();

  const upload = useMutation({
    mutationFn: importCustomers,
    onSuccess: (result) => {
      setReport(result);
      void queryClient.invalidateQueries({ queryKey: customerKeys.all });
      toast.success(result.created === 1 ? 'נוסף לקוח אחד' : `נוספו ${result.created} לקוחות`);
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  return (
    <Dialog
      open
      title="ייבוא לקוחות מקובץ CSV"
      onClose={onClose}
      footer={
        report ? (
          <Button variant="primary" onClick={onClose}>
            סיום
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>ביטול</Button>
            <Button
              variant="primary"
              disabled={!file}
              loading={upload.isPending}
              onClick={() => file && upload.mutate(file)}
            >
              ייבוא
            </Button>
          </>
        )
      }
    >
      {report ? (
        <div className="import-report" role="status">
          <p>
            נקראו {report.rows} שורות: נוספו <strong>{report.created}</strong>, כפולים שדולגו{' '}
            {report.duplicates}, נדחו {report.rejected.length}.
          </p>
          {report.rejected.length > 0 ? (
            <ul className="import-report__rejected">
              {report.rejected.map((r) => (
                <li key={r.row}>
                  שורה {r.row}: {r.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : (
        <div className="stack">
          <p className="muted">
            השורה הראשונה היא שורת כותרות. עמודות מוכרות: <span dir="ltr">{COLUMNS}</span>. חובה:
            name ו-phone. מספרי טלפון שכבר קיימים לא ייובאו שוב.
          </p>
          <label className="file-input">
            <span>בחירת קובץ</span>
            <input
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </label>
          {file ? <p>נבחר: {file.name}</p> : null}
        </div>
      )}
    </Dialog>
  );
}
