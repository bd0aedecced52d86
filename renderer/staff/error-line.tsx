/** A console error line (already in the console's language: apiErrorText), or nothing. */
export function ErrorLine({ text }: { text: string | null }) {
  return text ? (
    <p className="error" role="alert">
      {text}
    </p>
  ) : null;
}

/** A console note after an action went well ("已删除 3 条"), or nothing. */
export function NoteLine({ text, testId }: { text: string | null; testId?: string }) {
  return text ? (
    <p className="ok" data-testid={testId}>
      {text}
    </p>
  ) : null;
}
