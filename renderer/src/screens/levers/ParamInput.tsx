import { useState, type KeyboardEvent } from 'react';

/**
 * A number field that commits on Enter or when it loses focus. A refused value shows the
 * message under the field and the field returns to the value the model holds; Escape cancels.
 */
export function ParamInput(props: {
  id: string;
  label: string;
  /** The current value as the planner types it (e.g. "20" for 20%). */
  value: string;
  suffix?: string;
  width?: number;
  title?: string;
  /** Applies the text; returns the message when it is refused. */
  onCommit: (text: string) => string | null;
  onError: (message: string | null) => void;
}) {
  const { value, onCommit, onError } = props;
  const [draft, setDraft] = useState(value);
  // A new value from the model replaces the draft (adjusted while rendering, not in an effect).
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    setDraft(value);
  }

  const commit = () => {
    if (draft.trim() === value.trim()) {
      setDraft(value);
      return;
    }
    const message = onCommit(draft);
    onError(message);
    if (message !== null) setDraft(value);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape') {
      setDraft(value);
      onError(null);
    }
  };
  return (
    <label className="param" title={props.title}>
      <span className="param-label">{props.label}</span>
      <span className="param-field">
        <input
          className="input-cell"
          data-testid={props.id}
          value={draft}
          inputMode="decimal"
          style={props.width ? { width: props.width } : undefined}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
          onKeyDown={onKeyDown}
        />
        {props.suffix && <span className="param-suffix">{props.suffix}</span>}
      </span>
    </label>
  );
}
