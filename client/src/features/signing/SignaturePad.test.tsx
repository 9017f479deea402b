import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { hasInk, strokesToSvg, svgDataUrl, type Stroke } from './signature';
import { SignaturePad } from './SignaturePad';

/** jsdom draws nothing: a recording 2D context stands in for the canvas. */
function fakeContext() {
  const calls: string[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) =>
      calls.push(`${name}(${args.join(',')})`);
  const ctx = {
    setTransform: record('setTransform'),
    clearRect: record('clearRect'),
    beginPath: record('beginPath'),
    moveTo: record('moveTo'),
    lineTo: record('lineTo'),
    arc: record('arc'),
    stroke: record('stroke'),
    fill: record('fill'),
  };
  return { ctx, calls };
}

let drawn: string[] = [];

beforeEach(() => {
  const { ctx, calls } = fakeContext();
  drawn = calls;
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(
    ctx as unknown as CanvasRenderingContext2D,
  );
  vi.spyOn(HTMLCanvasElement.prototype, 'getBoundingClientRect').mockReturnValue({
    left: 100,
    top: 50,
    width: 300,
    height: 150,
    right: 400,
    bottom: 200,
    x: 100,
    y: 50,
    toJSON: () => ({}),
  });
});

function Harness({ onStrokes }: { onStrokes?: (s: Stroke[]) => void }) {
  const [strokes, setStrokes] = useState<Stroke[]>([]);
  return (
    <SignaturePad
      strokes={strokes}
      onChange={(next) => {
        setStrokes(next);
        onStrokes?.(next);
      }}
    />
  );
}

function draw(canvas: HTMLElement, pointerId: number, pointerType: string, points: number[][]) {
  const [first, ...rest] = points;
  fireEvent.pointerDown(canvas, {
    pointerId,
    pointerType,
    button: 0,
    clientX: first?.[0],
    clientY: first?.[1],
  });
  for (const [x, y] of rest)
    fireEvent.pointerMove(canvas, { pointerId, pointerType, clientX: x, clientY: y });
  fireEvent.pointerUp(canvas, { pointerId, pointerType });
}

describe('SignaturePad', () => {
  it('draws strokes with a finger and a mouse, in pad coordinates', () => {
    const onStrokes = vi.fn();
    render(<Harness onStrokes={onStrokes} />);
    const pad = screen.getByRole('img', { name: 'משטח חתימה ריק' });
    draw(pad, 1, 'touch', [
      [110, 60],
      [150, 90],
      [200, 70],
    ]);
    draw(pad, 2, 'mouse', [
      [120, 150],
      [300, 160],
    ]);
    const strokes = onStrokes.mock.lastCall?.[0] as Stroke[];
    expect(strokes).toEqual([
      [
        { x: 10, y: 10 },
        { x: 50, y: 40 },
        { x: 100, y: 20 },
      ],
      [
        { x: 20, y: 100 },
        { x: 200, y: 110 },
      ],
    ]);
    expect(screen.getByRole('img', { name: 'משטח חתימה: נחתם' })).toHaveAttribute(
      'data-empty',
      'false',
    );
    expect(drawn).toContain('lineTo(50,40)');
  });

  it('ignores a second finger while one draws, and the right mouse button', () => {
    const onStrokes = vi.fn();
    render(<Harness onStrokes={onStrokes} />);
    const pad = screen.getByRole('img');
    fireEvent.pointerDown(pad, { pointerId: 1, pointerType: 'touch', clientX: 110, clientY: 60 });
    fireEvent.pointerDown(pad, { pointerId: 2, pointerType: 'touch', clientX: 300, clientY: 60 });
    fireEvent.pointerMove(pad, { pointerId: 2, pointerType: 'touch', clientX: 310, clientY: 70 });
    fireEvent.pointerMove(pad, { pointerId: 1, pointerType: 'touch', clientX: 120, clientY: 70 });
    fireEvent.pointerUp(pad, { pointerId: 1, pointerType: 'touch' });
    fireEvent.pointerDown(pad, {
      pointerId: 3,
      pointerType: 'mouse',
      button: 2,
      clientX: 1,
      clientY: 1,
    });
    fireEvent.pointerUp(pad, { pointerId: 3, pointerType: 'mouse' });
    expect(onStrokes).toHaveBeenCalledTimes(1);
    expect(onStrokes.mock.lastCall?.[0]).toEqual([
      [
        { x: 10, y: 10 },
        { x: 20, y: 20 },
      ],
    ]);
  });

  it('undoes the last stroke and clears the pad', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const pad = screen.getByRole('img');
    expect(screen.getByRole('button', { name: 'ניקוי' })).toBeDisabled();
    draw(pad, 1, 'pen', [
      [110, 60],
      [150, 90],
    ]);
    draw(pad, 1, 'pen', [
      [120, 60],
      [160, 90],
    ]);
    await user.click(screen.getByRole('button', { name: 'ביטול קו אחרון' }));
    expect(pad).toHaveAttribute('data-empty', 'false');
    await user.click(screen.getByRole('button', { name: 'ניקוי' }));
    expect(pad).toHaveAttribute('data-empty', 'true');
    expect(pad).toHaveAccessibleName('משטח חתימה ריק');
  });
});

describe('signature export', () => {
  it('is the SVG subset billing-service accepts: paths and dots, no fill, no transforms', () => {
    const svg = strokesToSvg(
      [
        [
          { x: 10.04, y: 20 },
          { x: 30, y: 40.55 },
        ],
        [{ x: 5, y: 5 }],
      ],
      300.4,
      150,
    );
    expect(svg).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="150" viewBox="0 0 300 150">' +
        '<g fill="none" stroke="#111827" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round">' +
        '<path d="M10 20 L30 40.6"/><circle cx="5" cy="5" r="1.3" fill="#111827"/></g></svg>',
    );
    expect(svg).not.toMatch(/transform|<text|href|script/);
    const url = svgDataUrl(svg);
    expect(url.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(atob(url.split(',')[1] ?? '')).toBe(svg);
  });

  it('needs more than a stray tap to count as a signature', () => {
    expect(hasInk([])).toBe(false);
    expect(hasInk([[{ x: 1, y: 1 }]])).toBe(false);
    expect(
      hasInk([
        [
          { x: 1, y: 1 },
          { x: 2, y: 2 },
        ],
      ]),
    ).toBe(true);
  });
});
