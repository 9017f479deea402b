import { useState } from 'react';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Input } from '../../components/Field';
import { useToast } from '../../components/toast';
import { formatDateTime } from '../../lib/format';
import { absoluteSigningUrl, type SigningLink } from './api';

/** The one-time signing link, once: shown to copy, open or pass on by WhatsApp. */
export function SigningLinkDialog({ link, onClose }: { link: SigningLink; onClose: () => void }) {
  const toast = useToast();
  const [copied, setCopied] = useState(false);
  const url = absoluteSigningUrl(link);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      toast.success('הקישור הועתק');
    } catch {
      toast.info('לא ניתן להעתיק אוטומטית: סמנו את הקישור והעתיקו ידנית');
    }
  };

  return (
    <Dialog
      open
      title="הקישור לחתימה מוכן"
      onClose={onClose}
      footer={
        <>
          <a
            className="btn btn--secondary btn--md"
            href={url}
            target="_blank"
            rel="noopener noreferrer"
          >
            פתיחת דף החתימה
          </a>
          <Button
            variant="primary"
            icon={copied ? '✓' : '⧉'}
            onClick={() => void copy()}
            data-autofocus
          >
            {copied ? 'הועתק' : 'העתקת הקישור'}
          </Button>
        </>
      }
    >
      <p>שלחו ללקוח את הקישור. הוא פועל פעם אחת, ללא התחברות.</p>
      <Input
        label="קישור לחתימה"
        readOnly
        dir="ltr"
        value={url}
        data-signing-url
        onFocus={(e) => e.currentTarget.select()}
        hint={`בתוקף עד ${formatDateTime(link.expiresAt)}. שליחה חוזרת יוצרת קישור חדש ומבטלת את הקודם.`}
      />
    </Dialog>
  );
}
