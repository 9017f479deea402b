import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode, type SyntheticEvent } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { DateField } from '../../components/Field';
import { Skeleton } from '../../components/Skeleton';
import { useToast } from '../../components/toast';
import { useFeatures } from '../../hooks/useFeatures';
import { errorMessage } from '../../lib/api';
import {
  getCallsPerDay,
  getInvoicesPerDay,
  getLeadsBySource,
  getSummary,
  getTasksPerDay,
  statsKeys,
  type StatsRange,
} from './api';
import { BarChart } from './BarChart';
import {
  callsChart,
  formatCount,
  formatShekels,
  formatShekelsCompact,
  invoicesChart,
  isEmptyChart,
  isRangePreset,
  longDay,
  PRESET_LABELS,
  presetRange,
  rangeError,
  sourceBars,
  tasksChart,
  type RangePreset,
} from './transforms';
import { formatCountOf } from '../../lib/format';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import './stats.css';

/**
 * The chosen range lives in the address, so a reload or a shared link keeps it: a preset by name
 * (?preset=last7), counted back from today whenever the page is shown, or fixed days
 * (?from=&to=). Which preset is pressed is this choice, never guessed from the dates: on the 7th
 * of a month "7 days" and "this month" cover the same days.
 */
function useRange(): {
  range: StatsRange;
  preset: RangePreset | null;
  choosePreset: (preset: RangePreset) => void;
  chooseDays: (range: StatsRange) => void;
} {
  const [search, setSearch] = useSearchParams();
  const named = search.get('preset');
  const from = search.get('from');
  const to = search.get('to');
  const preset = isRangePreset(named) ? named : from || to ? null : 'month';
  const fallback = presetRange('month');
  const range = preset
    ? presetRange(preset)
    : { from: from ?? fallback.from, to: to ?? fallback.to };
  const choose = (chosen: Record<string, string>) => {
    const params = new URLSearchParams(search);
    for (const key of ['preset', 'from', 'to']) params.delete(key);
    for (const [key, value] of Object.entries(chosen)) params.set(key, value);
    setSearch(params, { replace: true });
  };
  return {
    range,
    preset,
    choosePreset: (p) => choose({ preset: p }),
    chooseDays: (r) => choose({ from: r.from, to: r.to }),
  };
}

/** One toast per failed request, with the server's message. */
function useErrorToast(queries: UseQueryResult[]) {
  const toast = useToast();
  const failed = queries.find((q) => q.isError);
  const error = failed?.error;
  useEffect(() => {
    if (error) toast.error(errorMessage(error));
  }, [error, toast]);
}

function RangePicker({
  range,
  preset,
  onPreset,
  onDays,
}: {
  range: StatsRange;
  preset: RangePreset | null;
  onPreset: (preset: RangePreset) => void;
  onDays: (range: StatsRange) => void;
}) {
  const [draft, setDraft] = useState(range);
  const [syncedFrom, setSyncedFrom] = useState(range);
  if (syncedFrom.from !== range.from || syncedFrom.to !== range.to) {
    setSyncedFrom(range);
    setDraft(range);
  }
  const error = rangeError(draft);
  const apply = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!error) onDays(draft);
  };
  return (
    <div className="stats-range">
      <div className="chips" role="group" aria-label="טווח מהיר">
        {(Object.keys(PRESET_LABELS) as RangePreset[]).map((p) => (
          <button
            key={p}
            type="button"
            className="chip"
            aria-pressed={preset === p}
            onClick={() => onPreset(p)}
          >
            {PRESET_LABELS[p]}
          </button>
        ))}
      </div>
      <form className="stats-range__custom" onSubmit={apply} noValidate>
        <DateField
          label="מתאריך"
          value={draft.from}
          max={draft.to}
          onChange={(from) => setDraft({ ...draft, from })}
        />
        <DateField
          label="עד תאריך"
          value={draft.to}
          min={draft.from}
          error={error ?? undefined}
          onChange={(to) => setDraft({ ...draft, to })}
        />
        <Button type="submit" disabled={Boolean(error)}>
          הצגה
        </Button>
      </form>
    </div>
  );
}

function Kpi({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="kpi">
      <dt className="kpi__label">{label}</dt>
      <dd className="kpi__value">{value}</dd>
      {note ? <dd className="kpi__note muted">{note}</dd> : null}
    </div>
  );
}

function ChartCard({
  title,
  query,
  children,
}: {
  title: string;
  query: UseQueryResult;
  children: () => ReactNode;
}) {
  return (
    <section className="card stats-card" aria-label={title}>
      <h2 className="card__title">{title}</h2>
      {query.isPending ? (
        <Skeleton lines={5} className="stats-card__skeleton" />
      ) : query.isError ? (
        <EmptyState
          icon="⚠️"
          title="לא הצלחנו לטעון את הנתונים"
          description={errorMessage(query.error)}
        />
      ) : (
        children()
      )}
    </section>
  );
}

const NO_DATA = 'אין נתונים בטווח הזה';

const INVOICES = { one: 'חשבונית אחת', many: 'חשבוניות' };

export function StatsPage() {
  useDocumentTitle('סטטיסטיקה');
  const { isOn } = useFeatures();
  const { range, preset, choosePreset, chooseDays } = useRange();
  const valid = rangeError(range) === null;
  const enabled = valid;

  const summary = useQuery({
    queryKey: statsKeys.one('summary', range),
    queryFn: () => getSummary(range),
    enabled,
  });
  const calls = useQuery({
    queryKey: statsKeys.one('calls-per-day', range),
    queryFn: () => getCallsPerDay(range),
    enabled: enabled && isOn('calls'),
  });
  const leads = useQuery({
    queryKey: statsKeys.one('leads-by-source', range),
    queryFn: () => getLeadsBySource(range),
    enabled: enabled && isOn('crm'),
  });
  const tasks = useQuery({
    queryKey: statsKeys.one('tasks', range),
    queryFn: () => getTasksPerDay(range),
    enabled: enabled && isOn('tasks'),
  });
  const invoices = useQuery({
    queryKey: statsKeys.one('invoices', range),
    queryFn: () => getInvoicesPerDay(range),
    enabled: enabled && isOn('invoices'),
  });
  useErrorToast([summary, calls, leads, tasks, invoices]);

  const s = summary.data;
  return (
    <section className="page stats">
      <header className="page__header">
        <div>
          <h1 className="page__title">סטטיסטיקה</h1>
          <p className="page__subtitle muted">
            {longDay(range.from)} – {longDay(range.to)}
          </p>
        </div>
      </header>

      <div className="card">
        <RangePicker range={range} preset={preset} onPreset={choosePreset} onDays={chooseDays} />
      </div>

      {!valid ? (
        <div className="card">
          <EmptyState
            icon="📅"
            title="טווח התאריכים אינו תקין"
            description={rangeError(range) ?? ''}
          />
        </div>
      ) : (
        <>
          <section aria-label="סיכום" className="card">
            {summary.isPending ? (
              <Skeleton lines={2} />
            ) : summary.isError ? (
              <EmptyState
                icon="⚠️"
                title="לא הצלחנו לטעון את הסיכום"
                description={errorMessage(summary.error)}
              />
            ) : s ? (
              <dl className="kpis">
                {isOn('crm') ? (
                  <Kpi label="לידים חדשים" value={formatCount(s.leads.total)} />
                ) : null}
                {isOn('calls') ? (
                  <Kpi
                    label="שיחות נכנסות"
                    value={formatCount(
                      s.calls.answeredByAi + s.calls.answeredByAgent + s.calls.missed,
                    )}
                    note={`${formatCount(s.calls.answeredByAi)} ע״י המזכירה · ${formatCount(s.calls.missed)} לא נענו`}
                  />
                ) : null}
                {isOn('tasks') ? (
                  <Kpi
                    label="משימות פתוחות"
                    value={formatCount(s.tasks.open)}
                    note={`${formatCount(s.tasks.overdue)} באיחור (נכון לעכשיו)`}
                  />
                ) : null}
                {isOn('contracts') ? (
                  <Kpi
                    label="הצעות שנחתמו"
                    value={formatCount(s.contracts.signed)}
                    note={formatShekels(s.contracts.signedAgorot)}
                  />
                ) : null}
                {isOn('invoices') ? (
                  <>
                    <Kpi
                      label="חשבוניות שהופקו"
                      value={formatShekels(s.invoices.issuedAgorot)}
                      note={`${formatCountOf(s.invoices.issued, INVOICES)} · מע״מ ${formatShekels(s.invoices.issuedVatAgorot)}`}
                    />
                    <Kpi
                      label="תשלומים שהתקבלו"
                      value={formatShekels(s.invoices.paidAgorot)}
                      note={`${formatCountOf(s.invoices.paid, INVOICES)} · מע״מ ${formatShekels(s.invoices.paidVatAgorot)}`}
                    />
                  </>
                ) : null}
              </dl>
            ) : null}
          </section>

          <div className="stats__grid">
            {isOn('calls') ? (
              <ChartCard title="שיחות ליום" query={calls}>
                {() => {
                  const chart = callsChart(calls.data?.days ?? []);
                  return isEmptyChart(chart) ? (
                    <EmptyState icon="📞" title={NO_DATA} description="שיחות נכנסות יופיעו כאן." />
                  ) : (
                    <BarChart
                      name="calls"
                      title="שיחות נכנסות ליום"
                      chart={chart}
                      stacked
                      format={formatCount}
                    />
                  );
                }}
              </ChartCard>
            ) : null}
            {isOn('crm') ? (
              <ChartCard title="לידים חדשים לפי מקור" query={leads}>
                {() => {
                  const bars = leads.data ? sourceBars(leads.data) : [];
                  return bars.length === 0 ? (
                    <EmptyState icon="👥" title={NO_DATA} description="לקוחות חדשים יופיעו כאן." />
                  ) : (
                    <ul className="hbars" data-chart="leads" aria-label="לידים חדשים לפי מקור">
                      {bars.map((b) => (
                        <li key={b.source} className="hbars__row" data-source={b.source}>
                          <span className="hbars__label">{b.label}</span>
                          <span className="hbars__track" aria-hidden="true">
                            <span className="hbars__bar" style={{ inlineSize: `${b.width}%` }} />
                          </span>
                          <span className="hbars__value">
                            {formatCount(b.count)} <span className="muted">({b.share})</span>
                          </span>
                        </li>
                      ))}
                    </ul>
                  );
                }}
              </ChartCard>
            ) : null}
            {isOn('tasks') ? (
              <ChartCard title="משימות ליום" query={tasks}>
                {() => {
                  const chart = tasksChart(tasks.data?.days ?? []);
                  return isEmptyChart(chart) ? (
                    <EmptyState
                      icon="📝"
                      title={NO_DATA}
                      description="משימות שנוצרו ובוצעו יופיעו כאן."
                    />
                  ) : (
                    <BarChart
                      name="tasks"
                      title="משימות שנוצרו ובוצעו ליום"
                      chart={chart}
                      format={formatCount}
                    />
                  );
                }}
              </ChartCard>
            ) : null}
            {isOn('invoices') ? (
              <ChartCard title="חשבוניות ליום (₪, כולל מע״מ)" query={invoices}>
                {() => {
                  const chart = invoicesChart(invoices.data?.days ?? []);
                  return isEmptyChart(chart) ? (
                    <EmptyState
                      icon="🧾"
                      title={NO_DATA}
                      description="חשבוניות שהופקו ושולמו יופיעו כאן."
                    />
                  ) : (
                    <BarChart
                      name="invoices"
                      title="סכומי חשבוניות שהופקו ושולמו ליום"
                      chart={chart}
                      format={formatShekels}
                      formatTick={formatShekelsCompact}
                    />
                  );
                }}
              </ChartCard>
            ) : null}
          </div>
        </>
      )}
    </section>
  );
}
