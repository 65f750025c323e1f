import { forwardRef, useId, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from '../i18n';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value'> {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  hint?: string;
  error?: string | undefined;
}

/** A labelled input with an optional hint and an error that is announced and tied to the input. */
export const TextField = forwardRef<HTMLInputElement, FieldProps>(function TextField(
  { label, value, onValueChange, hint, error, type = 'text', ...rest },
  ref,
) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <input
          {...rest}
          ref={ref}
          id={id}
          type={type}
          className="field__input"
          value={value}
          onChange={(e) => onValueChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
      )}
    </FieldFrame>
  );
});

interface EmailFieldProps extends Omit<FieldProps, 'label' | 'type' | 'name'> {
  autoComplete: 'username' | 'email';
  /** "Email" unless said otherwise (e.g. "New email"). */
  label?: string;
  name?: string;
}

/** An email input (by default the "Email" of the sign-in and sign-up forms): an email keyboard, no capitals, no spell check. */
export const EmailField = forwardRef<HTMLInputElement, EmailFieldProps>(function EmailField(props, ref) {
  const { t } = useTranslation();
  return (
    <TextField
      ref={ref}
      label={t('field.email')}
      type="email"
      name="email"
      inputMode="email"
      autoCapitalize="off"
      spellCheck={false}
      {...props}
    />
  );
});

interface PasswordFieldProps extends Omit<FieldProps, 'type'> {
  autoComplete: 'current-password' | 'new-password';
}

/** A password input with a "Show" toggle: seeing what you typed beats retyping it. */
export const PasswordField = forwardRef<HTMLInputElement, PasswordFieldProps>(function PasswordField(
  { label, value, onValueChange, hint, error, autoComplete, ...rest },
  ref,
) {
  const { t } = useTranslation();
  const id = useId();
  const [visible, setVisible] = useState(false);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <div className="field__password">
          <input
            {...rest}
            ref={ref}
            id={id}
            type={visible ? 'text' : 'password'}
            className="field__input"
            value={value}
            autoComplete={autoComplete}
            autoCapitalize="off"
            spellCheck={false}
            onChange={(e) => onValueChange(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
          />
          <button
            type="button"
            className="field__toggle"
            aria-controls={id}
            aria-pressed={visible}
            aria-label={visible ? t('field.hidePassword') : t('field.showPassword')}
            onClick={() => setVisible((v) => !v)}
          >
            {visible ? t('field.hide') : t('field.show')}
          </button>
        </div>
      )}
    </FieldFrame>
  );
});

/**
 * The label, hint and error around one input; `children` gets the `aria-describedby` value that ties the error (first)
 * and the hint to the input.
 */
function FieldFrame({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children(describedBy)}
      {error ? <FieldError id={errorId!} message={error} /> : null}
    </div>
  );
}

function FieldError({ id, message }: { id: string; message: string }) {
  return (
    <p className="field__error" id={id} role="alert">
      <span className="field__error-icon" aria-hidden="true">
        !
      </span>
      {message}
    </p>
  );
}
