import { useCallback, useEffect, useRef, type PointerEvent as ReactPointerEvent } from 'react';
import { Button } from '../../components/Button';
import { hasInk, type Point, type Stroke } from './signature';
import './signing.css';

export interface SignaturePadProps {
  strokes: Stroke[];
  onChange: (strokes: Stroke[]) => void;
  /** The pad's size in CSS pixels, read when the signature is exported. */
  onResize?: (size: { width: number; height: number }) => void;
  disabled?: boolean;
}

const INK = '#111827';
const INK_WIDTH = 2.5;

/**
 * A signature pad on a canvas with Pointer Events: a finger, a pen and a mouse draw alike. The
 * strokes live in the parent (so clearing, undoing and exporting are plain state); the canvas is
 * only their picture, redrawn sharp at the device's pixel ratio.
 */
export function SignaturePad({ strokes, onChange, onResize, disabled = false }: SignaturePadProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const current = useRef<{ id: number; stroke: Stroke } | null>(null);
  const strokesRef = useRef(strokes);
  useEffect(() => {
    strokesRef.current = strokes;
  });

  const context = () => canvas.current?.getContext('2d') ?? null;

  const redraw = useCallback((all: Stroke[]) => {
    const node = canvas.current;
    const ctx = node?.getContext('2d');
    if (!node || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, node.width, node.height);
    ctx.strokeStyle = INK;
    ctx.fillStyle = INK;
    ctx.lineWidth = INK_WIDTH;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    for (const stroke of all) {
      const [first, ...rest] = stroke;
      if (!first) continue;
      ctx.beginPath();
      if (rest.length === 0) {
        ctx.arc(first.x, first.y, INK_WIDTH / 2, 0, Math.PI * 2);
        ctx.fill();
        continue;
      }
      ctx.moveTo(first.x, first.y);
      for (const p of rest) ctx.lineTo(p.x, p.y);
      ctx.stroke();
    }
  }, []);

  // Size the bitmap to the element (and again whenever it changes, e.g. a phone turned sideways).
  useEffect(() => {
    const node = canvas.current;
    if (!node) return;
    const fit = () => {
      const rect = node.getBoundingClientRect();
      const ratio = window.devicePixelRatio || 1;
      node.width = Math.max(1, Math.round(rect.width * ratio));
      node.height = Math.max(1, Math.round(rect.height * ratio));
      onResize?.({ width: rect.width, height: rect.height });
      redraw(strokesRef.current);
    };
    fit();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(fit);
    observer.observe(node);
    return () => observer.disconnect();
  }, [onResize, redraw]);

  useEffect(() => redraw(strokes), [strokes, redraw]);

  const point = (event: { clientX: number; clientY: number }): Point => {
    const rect = canvas.current?.getBoundingClientRect();
    return { x: event.clientX - (rect?.left ?? 0), y: event.clientY - (rect?.top ?? 0) };
  };

  const down = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (disabled || current.current) return;
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    event.preventDefault();
    // Keep the stroke when the finger leaves the pad (jsdom has no pointer capture).
    if ('setPointerCapture' in event.currentTarget) {
      event.currentTarget.setPointerCapture(event.pointerId);
    }
    const p = point(event);
    current.current = { id: event.pointerId, stroke: [p] };
    const ctx = context();
    if (ctx) {
      ctx.beginPath();
      ctx.arc(p.x, p.y, INK_WIDTH / 2, 0, Math.PI * 2);
      ctx.fill();
    }
  };

  const move = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    const active = current.current;
    if (!active || active.id !== event.pointerId) return;
    event.preventDefault();
    // Coalesced events keep fast strokes smooth where the browser batches them.
    const native = event.nativeEvent;
    const samples =
      typeof native.getCoalescedEvents === 'function' ? native.getCoalescedEvents() : [];
    const points = (samples.length ? samples : [native]).map(point);
    const ctx = context();
    let last = active.stroke[active.stroke.length - 1];
    for (const p of points) {
      if (ctx && last) {
        ctx.beginPath();
        ctx.moveTo(last.x, last.y);
        ctx.lineTo(p.x, p.y);
        ctx.stroke();
      }
      active.stroke.push(p);
      last = p;
    }
  };

  const up = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    const active = current.current;
    if (!active || active.id !== event.pointerId) return;
    current.current = null;
    onChange([...strokesRef.current, active.stroke]);
  };

  const empty = !hasInk(strokes);
  return (
    <div className="signature-pad">
      <canvas
        ref={canvas}
        className="signature-pad__canvas"
        role="img"
        aria-label={empty ? 'משטח חתימה ריק' : 'משטח חתימה: נחתם'}
        data-empty={empty ? 'true' : 'false'}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
      />
      <p className="signature-pad__line" aria-hidden="true">
        חתמו כאן
      </p>
      <div className="signature-pad__actions">
        <Button
          size="sm"
          variant="ghost"
          disabled={disabled || strokes.length === 0}
          onClick={() => onChange(strokes.slice(0, -1))}
        >
          ביטול קו אחרון
        </Button>
        <Button
          size="sm"
          disabled={disabled || strokes.length === 0}
          onClick={() => onChange([])}
          icon="✕"
        >
          ניקוי
        </Button>
      </div>
    </div>
  );
}
