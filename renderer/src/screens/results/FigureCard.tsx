import { memo, useId } from 'react';
import type { CardFigure, ShownFigure } from './figures';

interface FigureCardProps {
  figure: CardFigure;
  label: string;
  definition: string;
  shown: ShownFigure;
  /** A second line under the value (horizon, calendar year, months...). */
  note?: string;
}

/**
 * One figure: label, value and unit, a note, and its definition on hover and on focus (the
 * title attribute, and a tooltip that screen readers reach through aria-describedby).
 * `data-testid="figure-<name>"`; the number is in `[data-part=number]`, the unit in
 * `[data-part=unit]`.
 */
export const FigureCard = memo(function FigureCard({ figure, label, definition, shown, note }: FigureCardProps) {
  const tipId = useId();
  const extra = [shown.note, note].filter(Boolean).join(' · ');
  return (
    <div className="card figure-card" data-testid={`figure-${figure}`} title={definition} tabIndex={0} aria-describedby={tipId}>
      <div className="label">{label}</div>
      <div className={`value ${lengthClass(shown.number)}`}>
        <span data-part="number">{shown.number}</span>
        {shown.unit && (
          <span className="unit" data-part="unit">
            {shown.unit}
          </span>
        )}
      </div>
      {extra && <div className="figure-note">{extra}</div>}
      <span role="tooltip" id={tipId} className="figure-tip">
        {definition}
      </span>
    </div>
  );
}, sameFigure);

/** A smaller type for a long figure, so that a card (170 px at least) shows all of it. */
function lengthClass(number: string): string {
  return number.length > 16 ? 'very-long' : number.length > 12 ? 'long' : '';
}

/** Cards re-render only when what they show changes (an edit usually changes a few of them). */
function sameFigure(a: FigureCardProps, b: FigureCardProps): boolean {
  return (
    a.figure === b.figure &&
    a.label === b.label &&
    a.definition === b.definition &&
    a.note === b.note &&
    a.shown.number === b.shown.number &&
    a.shown.unit === b.shown.unit &&
    a.shown.note === b.shown.note
  );
}
