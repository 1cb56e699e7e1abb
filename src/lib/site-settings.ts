/**
 * The deploying organisation's own settings: its name, where readers send reports and questions,
 * and the distributor its resellers report to. All optional: a build without them shows neutral
 * wording and no report links. They come from `site.config.json` at the project root and from
 * environment variables at build time (an environment variable wins); see README "Your
 * organisation's settings". Read at build time only (src/config/site-settings.ts); never shipped to
 * the browser.
 */
import { z } from 'astro/zod';
import type { Lang } from './guides';

/** A name, the same in both languages or given per language. */
const name = z.union([
  z.string().trim().min(1),
  z.object({ ja: z.string().trim().min(1), en: z.string().trim().min(1) }).strict(),
]);

/** A mail address, or the https address of the organisation's own form. */
const contact = z
  .string()
  .trim()
  .refine((value) => z.email().safeParse(value).success || /^https:\/\/[^\s/]+\.[^\s]*$/.test(value), {
    error: 'must be a mail address (name@example.co.jp) or the https:// address of a form',
  });

/** The address readers open the site at, http or https (an intranet server may have no TLS). */
const siteUrl = z
  .string()
  .trim()
  .refine((value) => /^https?:\/\/[^\s/]+/.test(value) && URL.canParse(value), {
    error: 'must be the http:// or https:// address readers open the site at',
  });

const settingsSchema = z
  .object({
    /** Who runs this copy of the site: shown in the footer and on /about/. */
    organisation: name.optional(),
    /** Where reports of a changed screen and questions go: a mail address or a form's https URL. */
    contact: contact.optional(),
    /** The distributor the hand-off message is addressed to. */
    distributor: name.optional(),
    /** Where readers open the site: its origin makes the page addresses in reports complete. */
    siteUrl: siteUrl.optional(),
  })
  .strict();

/** The settings as written in site.config.json or the environment. */
export type SiteSettingsInput = z.input<typeof settingsSchema>;

/** A name in each language. */
export type LocalName = Record<Lang, string>;

/** Where reports go: a mail address (`mailto:`) or a form that reads `subject` and `body` from its query. */
export type Contact = { kind: 'mail'; address: string } | { kind: 'form'; url: string };

/** The validated settings; a setting left out is absent. */
export interface SiteSettings {
  organisation?: LocalName;
  contact?: Contact;
  distributor?: LocalName;
  /** Scheme, host and port of the site (`http://guides.example.co.jp`), from the `siteUrl` setting. */
  siteOrigin?: string;
}

/** Environment variables that set (and override) each setting. */
export const SETTING_VARIABLES = {
  organisation: 'SITE_ORGANISATION',
  contact: 'SITE_CONTACT',
  distributor: 'SITE_DISTRIBUTOR',
  siteUrl: 'SITE_URL',
} as const;

const localName = (value: string | LocalName): LocalName =>
  typeof value === 'string' ? { ja: value, en: value } : value;

/**
 * Validates the settings of `file` (the parsed site.config.json, or undefined when there is none)
 * with the environment's variables on top; throws an error that names the setting, where it came
 * from and what is expected.
 */
export function parseSiteSettings(
  file: unknown,
  env: Readonly<Record<string, string | undefined>> = {},
  fileName = 'site.config.json',
): SiteSettings {
  const fromFile = settingsSchema.safeParse(file ?? {});
  if (!fromFile.success)
    throw new Error(
      `${fileName}: ${fromFile.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`).join('; ')}`,
    );
  const merged: SiteSettingsInput = { ...fromFile.data };
  for (const [key, variable] of Object.entries(SETTING_VARIABLES) as [
    keyof typeof SETTING_VARIABLES,
    string,
  ][]) {
    const value = env[variable]?.trim();
    if (!value) continue;
    const parsed = settingsSchema.shape[key].safeParse(value);
    if (!parsed.success)
      throw new Error(`${variable}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
    merged[key] = value;
  }
  const settings: SiteSettings = {};
  if (merged.organisation) settings.organisation = localName(merged.organisation);
  if (merged.distributor) settings.distributor = localName(merged.distributor);
  if (merged.siteUrl) settings.siteOrigin = new URL(merged.siteUrl).origin;
  if (merged.contact)
    settings.contact = merged.contact.startsWith('https://')
      ? { kind: 'form', url: merged.contact }
      : { kind: 'mail', address: merged.contact };
  return settings;
}

/** The address of a contact with nothing prefilled: for "write to us" links. */
export function contactHref(contact: Contact): string {
  return contact.kind === 'mail' ? `mailto:${contact.address}` : contact.url;
}

/**
 * The address that opens a message to the contact with `subject` and `body` prefilled: a `mailto:`
 * link, or the form's address with `subject` and `body` added to its query. Nothing is sent by it.
 */
export function messageHref(contact: Contact, subject: string, body: string): string {
  if (contact.kind === 'mail')
    // RFC 6068: percent-encode everything; line breaks are %0D%0A.
    return `mailto:${contact.address}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.replace(/\r?\n/g, '\r\n'))}`;
  const url = new URL(contact.url);
  url.searchParams.set('subject', subject);
  url.searchParams.set('body', body);
  return url.href;
}
