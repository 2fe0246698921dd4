import type { ExportedFile } from '../export/file';

/** Hands a file to the browser, which saves it where the visitor keeps downloads. */
export function saveFile(file: ExportedFile): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([file.text], { type: file.type }));
  link.download = file.name;
  link.click();
  // The browser reads the blob after the click returns: it is let go a minute later.
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}
