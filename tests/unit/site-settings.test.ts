import { describe, expect, it } from 'vitest';
import { contactHref, messageHref, parseSiteSettings } from '../../src/lib/site-settings';

describe('parseSiteSettings', () => {
  it('gives no settings when there is no file and no variable', () => {
    expect(parseSiteSettings(undefined, {})).toEqual({});
  });

  it('reads a name for both languages, or one per language, and a mail address', () => {
    expect(
      parseSiteSettings({
        organisation: '例示商事株式会社',
        contact: 'guides@example.com',
        distributor: { ja: '例示流通株式会社', en: 'Example Distribution K.K.' },
      }),
    ).toEqual({
      organisation: { ja: '例示商事株式会社', en: '例示商事株式会社' },
      contact: { kind: 'mail', address: 'guides@example.com' },
      distributor: { ja: '例示流通株式会社', en: 'Example Distribution K.K.' },
    });
  });

  it('takes an https address as the organisation’s form', () => {
    expect(parseSiteSettings({ contact: 'https://forms.example.com/guides?lang=ja' })).toEqual({
      contact: { kind: 'form', url: 'https://forms.example.com/guides?lang=ja' },
    });
  });

  it('keeps the origin of the site’s address, http or https, for complete page addresses', () => {
    expect(parseSiteSettings({ siteUrl: 'http://intranet.example.co.jp:8080/partner-guides/' })).toEqual({
      siteOrigin: 'http://intranet.example.co.jp:8080',
    });
    expect(parseSiteSettings({}, { SITE_URL: 'https://guides.example.com' })).toEqual({
      siteOrigin: 'https://guides.example.com',
    });
    expect(() => parseSiteSettings({ siteUrl: 'ftp://guides.example.com/' })).toThrow(
      'site.config.json: siteUrl: must be the http:// or https:// address readers open the site at',
    );
    expect(() => parseSiteSettings({}, { SITE_URL: 'intranet' })).toThrow(
      'SITE_URL: must be the http:// or https:// address readers open the site at',
    );
  });

  it('lets the environment set or override each setting, and ignores empty variables', () => {
    expect(
      parseSiteSettings(
        { organisation: 'From the file', contact: 'file@example.com' },
        {
          SITE_ORGANISATION: 'From the environment',
          SITE_CONTACT: '   ',
          SITE_DISTRIBUTOR: 'Example Distribution K.K.',
        },
      ),
    ).toEqual({
      organisation: { ja: 'From the environment', en: 'From the environment' },
      contact: { kind: 'mail', address: 'file@example.com' },
      distributor: { ja: 'Example Distribution K.K.', en: 'Example Distribution K.K.' },
    });
  });

  it('stops with a message naming the setting and what it expects', () => {
    expect(() => parseSiteSettings({ contact: 'http://forms.example.com/' })).toThrow(
      'site.config.json: contact: must be a mail address (name@example.co.jp) or the https:// address of a form',
    );
    expect(() => parseSiteSettings({}, { SITE_CONTACT: 'not an address' })).toThrow(
      'SITE_CONTACT: must be a mail address (name@example.co.jp) or the https:// address of a form',
    );
    expect(() => parseSiteSettings({ organization: 'Misspelt' })).toThrow(
      /site\.config\.json: .*organization/,
    );
    expect(() => parseSiteSettings({ distributor: { ja: '例示流通株式会社' } })).toThrow(
      /site\.config\.json: distributor/,
    );
    expect(() => parseSiteSettings({ organisation: '' })).toThrow(/site\.config\.json: organisation/);
    expect(() => parseSiteSettings([])).toThrow(/site\.config\.json/);
  });
});

describe('messageHref', () => {
  it('writes a mailto: link whose subject and body decode to the message, lines ending in CRLF', () => {
    const href = messageHref(
      { kind: 'mail', address: 'guides@example.com' },
      '画面が異なります：「保存」',
      'ページ: /partner-guides/hp/#hp-create-account\n言語: 日本語 & English?\n',
    );
    expect(href.startsWith('mailto:guides@example.com?subject=')).toBe(true);
    expect(href).not.toMatch(/[ \n「」]/);
    const url = new URL(href);
    expect(url.searchParams.get('subject')).toBe('画面が異なります：「保存」');
    expect(url.searchParams.get('body')).toBe(
      'ページ: /partner-guides/hp/#hp-create-account\r\n言語: 日本語 & English?\r\n',
    );
  });

  it('adds subject and body to the form’s own query', () => {
    const href = messageHref(
      { kind: 'form', url: 'https://forms.example.com/guides?lang=ja' },
      'Screen differs',
      'Page: /en/hp/#hp-create-account\nWhat differs:',
    );
    const url = new URL(href);
    expect(url.origin + url.pathname).toBe('https://forms.example.com/guides');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      lang: 'ja',
      subject: 'Screen differs',
      body: 'Page: /en/hp/#hp-create-account\nWhat differs:',
    });
  });
});

describe('contactHref', () => {
  it('links to the mail address or the form', () => {
    expect(contactHref({ kind: 'mail', address: 'guides@example.com' })).toBe('mailto:guides@example.com');
    expect(contactHref({ kind: 'form', url: 'https://forms.example.com/guides' })).toBe(
      'https://forms.example.com/guides',
    );
  });
});
