/**
 * Copies text to the clipboard. The Clipboard API needs a secure context (HTTPS or localhost), and
 * intranet servers often serve plain HTTP, so it falls back to the older copy command.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (window.isSecureContext && 'clipboard' in navigator) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (permissions, focus): try the fallback below.
  }
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.style.position = 'fixed';
  field.style.opacity = '0';
  document.body.append(field);
  field.select();
  try {
    // Deprecated, but the only way to copy on a plain-HTTP intranet page.
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    field.remove();
  }
}
