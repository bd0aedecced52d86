/** The kiosk's big touch button: a screen's main action (primary) or its way out (secondary). */
import type { ButtonHTMLAttributes } from 'react';

export function HugeButton({
  kind,
  testId,
  className,
  ...button
}: Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> & { kind: 'primary' | 'secondary'; testId: string }) {
  return (
    <button
      type="button"
      className={`btn btn-${kind} btn-huge${className ? ` ${className}` : ''}`}
      data-testid={testId}
      {...button}
    />
  );
}
