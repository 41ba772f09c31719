/** A sender number's proof document (Art. 4.4), chosen in a form and sent as the API takes it. */
import type { ReactNode } from 'react';
import { Field } from './forms';

/** Its file: PDF, JPEG or PNG. The API's error for it is at `path`, or at its content (empty, too large). */
export function ProofDocumentField(props: {
  label: string;
  hint?: ReactNode;
  errors: Record<string, string>;
  path: string;
  onFile: (file: File | null) => void;
}) {
  return (
    <Field
      label={props.label}
      hint={props.hint}
      error={props.errors[props.path] ?? props.errors[`${props.path}.contentBase64`]}
    >
      {(a) => (
        <input
          {...a}
          type="file"
          accept="application/pdf,image/jpeg,image/png"
          onChange={(e) => props.onFile(e.target.files?.[0] ?? null)}
        />
      )}
    </Field>
  );
}

/** A chosen proof document as the API takes it; without a file both are empty, and the API says so at its field. */
export async function proofDocument(file: File | null): Promise<{ fileName: string; contentBase64: string }> {
  return { fileName: file?.name ?? '', contentBase64: file ? await fileToBase64(file) : '' };
}

function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
