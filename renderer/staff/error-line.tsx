/** A console error line (already in the console's language: apiErrorText), or nothing. */
export function ErrorLine({ text }: { text: string | null }) {
  return text ? (
    <p className="error" role="alert">
      {text}
    </p>
  ) : null;
}
