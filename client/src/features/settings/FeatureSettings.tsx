import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Skeleton } from '../../components/Skeleton';
import { EmptyState } from '../../components/EmptyState';
import { useToast } from '../../components/toast';
import { featuresKey, useFeatures, type Feature, type Features } from '../../hooks/useFeatures';
import { errorMessage } from '../../lib/api';
import { FEATURE_INFO, FEATURE_ORDER, setFeatures } from './api';
import './settings.css';

/**
 * The tenant's feature flags (SPEC C1). A switch applies at once: the answer replaces the cached
 * flags, so the navigation, routes and actions of a feature disappear as soon as it is off.
 */
export function FeatureSettings() {
  const features = useFeatures();
  const queryClient = useQueryClient();
  const toast = useToast();
  const change = useMutation({
    mutationFn: ({ feature, on }: { feature: Feature; on: boolean }) =>
      setFeatures({ [feature]: on }),
    onSuccess: (state: Features, { feature, on }) => {
      queryClient.setQueryData(featuresKey, state);
      toast.success(`${FEATURE_INFO[feature].label}: ${on ? 'הופעל' : 'כובה'}`);
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  if (features.isPending) return <Skeleton lines={4} />;
  if (features.isError) {
    return (
      <EmptyState
        icon="⚠️"
        title="לא הצלחנו לטעון את התכונות"
        description={errorMessage(features.error)}
      />
    );
  }
  return (
    <fieldset className="feature-list">
      <legend className="card__subtitle">
        תכונה כבויה נעלמת מהתפריט ומכרטיסי הלקוחות של כל המשתמשים בעסק, והשרת מסרב לבקשות אליה.
      </legend>
      {FEATURE_ORDER.map((feature) => {
        const info = FEATURE_INFO[feature];
        const on = features.isOn(feature);
        const pending = change.isPending && change.variables.feature === feature;
        return (
          <label key={feature} className="feature-switch" data-feature={feature}>
            <input
              type="checkbox"
              role="switch"
              className="feature-switch__input"
              checked={on}
              disabled={change.isPending}
              aria-busy={pending || undefined}
              aria-describedby={`feature-${feature}-hint`}
              onChange={(e) => change.mutate({ feature, on: e.target.checked })}
            />
            <span className="feature-switch__text">
              <span className="feature-switch__label">{info.label}</span>
              <span className="muted" id={`feature-${feature}-hint`}>
                {info.description}
              </span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
