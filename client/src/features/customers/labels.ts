import type { BadgeTone } from '../../components/Badge';
import type { CustomerSource, CustomerStatus, DealType } from './api';

export const STATUS_LABELS: Record<CustomerStatus, string> = {
  new: 'חדש',
  contacted: 'נוצר קשר',
  qualified: 'מתאים',
  negotiation: 'במשא ומתן',
  won: 'נסגר בהצלחה',
  lost: 'לא רלוונטי',
};

export const STATUS_TONES: Record<CustomerStatus, BadgeTone> = {
  new: 'info',
  contacted: 'primary',
  qualified: 'primary',
  negotiation: 'warning',
  won: 'success',
  lost: 'neutral',
};

export const SOURCE_LABELS: Record<CustomerSource, string> = {
  call: 'שיחה',
  whatsapp: 'WhatsApp',
  manual: 'ידני',
  import: 'ייבוא',
};

export const DEAL_LABELS: Record<DealType, string> = {
  buy: 'קנייה',
  sell: 'מכירה',
  rent: 'שכירות',
  rent_out: 'השכרה',
};
