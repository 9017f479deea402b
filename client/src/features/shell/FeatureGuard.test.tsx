import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders, signIn } from '../../../test/render';
import { FeatureGuard } from './FeatureGuard';
import { featureForPath } from './routeFeatures';

function renderAt(route: string, features: Record<string, boolean>) {
  mockFetch(() => json(features));
  renderWithProviders(
    <FeatureGuard>
      <p>המסך עצמו</p>
    </FeatureGuard>,
    { route },
  );
}

describe('FeatureGuard', () => {
  it('maps every screen to its feature by the first path segment', () => {
    expect(featureForPath('/invoices/123')).toBe('invoices');
    expect(featureForPath('/customers')).toBe('crm');
    expect(featureForPath('/tasks/abc')).toBe('tasks');
    expect(featureForPath('/settings')).toBeNull();
  });

  it('shows a switched-off screen as off, with the way back for the owner', async () => {
    signIn('owner');
    renderAt('/invoices/123', { invoices: false, crm: true });
    expect(await screen.findByText('התכונה הזו כבויה בעסק שלך')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'להגדרות' })).toHaveAttribute(
      'href',
      '/settings?tab=features',
    );
    expect(screen.queryByText('המסך עצמו')).toBeNull();
  });

  it('shows the screen when its feature is on', async () => {
    signIn('agent');
    renderAt('/invoices', { invoices: true });
    expect(await screen.findByText('המסך עצמו')).toBeInTheDocument();
  });

  it('keeps settings for the owner', async () => {
    signIn('agent');
    renderAt('/settings', {});
    expect(await screen.findByText('המסך הזה זמין לבעלי החשבון בלבד')).toBeInTheDocument();
  });
});
