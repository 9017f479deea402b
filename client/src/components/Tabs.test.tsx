import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Tabs } from './Tabs';

function Harness() {
  const [selected, setSelected] = useState('a');
  return (
    <div dir="rtl">
      <Tabs
        label="לשוניות"
        tabs={[
          { id: 'a', label: 'סקירה' },
          { id: 'b', label: 'ציר זמן' },
          { id: 'c', label: 'שיחות' },
        ]}
        selected={selected}
        onSelect={setSelected}
      >
        <p>תוכן {selected}</p>
      </Tabs>
    </div>
  );
}

describe('Tabs', () => {
  it('selects by click and by arrow keys in reading direction (RTL: left is next)', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    expect(screen.getByRole('tab', { name: 'סקירה' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel')).toHaveTextContent('תוכן a');
    await user.click(screen.getByRole('tab', { name: 'ציר זמן' }));
    expect(screen.getByRole('tabpanel')).toHaveTextContent('תוכן b');
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'שיחות' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'שיחות' })).toHaveFocus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'סקירה' })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'שיחות' })).toHaveAttribute('aria-selected', 'true');
  });
});
