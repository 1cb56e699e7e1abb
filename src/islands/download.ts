/** Offers JSON text as a download; the file is made in the browser, nothing is sent. */
export function downloadJson(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob only after the click has returned: release it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
