import { useState } from 'preact/hooks';
import { copyText } from './clipboard';
import { useHydrated } from './hydration';

interface Props {
  /** Text to copy; without it, the link to `#hash` on the current page is copied. */
  text?: string;
  hash?: string;
  /** Visible label of the button. */
  label: string;
  /** Accessible name, which contains the visible label ("コピー: sendgrid.net", 「パートナー ID をコピー」). */
  accessibleLabel?: string;
  copied: string;
  failed: string;
}

/** A button that copies an address or a link, and says politely whether it worked. */
export default function CopyButton({ text, hash, label, accessibleLabel, copied, failed }: Props) {
  const hydrated = useHydrated();
  const [status, setStatus] = useState('');
  const copy = async () => {
    const value = text ?? `${window.location.origin}${window.location.pathname}#${hash ?? ''}`;
    const ok = await copyText(value);
    setStatus(ok ? copied : `${failed} ${value}`);
    if (ok) setTimeout(() => setStatus(''), 4000);
  };
  return (
    <span class="copy-button">
      <button type="button" aria-label={accessibleLabel} disabled={!hydrated} onClick={() => void copy()}>
        {label}
      </button>
      <span class="copy-button__status" role="status">
        {status}
      </span>
    </span>
  );
}
